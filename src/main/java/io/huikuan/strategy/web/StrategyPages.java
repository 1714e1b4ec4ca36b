package io.huikuan.strategy.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.strategy.DryRuns;
import io.huikuan.strategy.Segment;
import io.huikuan.strategy.Segments;
import io.huikuan.strategy.Step;
import io.huikuan.strategy.Strategies;
import io.huikuan.strategy.Strategy;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.Tone;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Strategies (playbooks) in the UI: the list, one strategy's current steps as an editable table
 * (rows left empty or marked "remove" are ignored), the dry run of the entered rows beside the
 * current version (nothing saved), saving them as the next version (managers), and the version
 * history with each old version read-only. The rules are {@link Strategies}' and {@link DryRuns}'.
 */
@Controller
class StrategyPages {

    /** One row of the steps table as the user typed it (kept as text so a bad value shows again). */
    record Row(String dayOffset, String channel, String tone, String ownerRole, String template, String minAmount, boolean approval,
            boolean remove) {

        static final Row EMPTY = new Row("", "", "", "", "", "", false, false);

        static Row of(Step s) {
            return new Row(String.valueOf(s.dayOffset()), s.channel().name(), s.tone().name(), s.ownerRole().name(),
                    s.template() == null ? "" : s.template(), s.minAmount() == null ? "" : s.minAmount().toPlainString(), s.approval(), false);
        }

        boolean blank() {
            return remove || (dayOffset.isBlank() && channel.isBlank() && tone.isBlank() && ownerRole.isBlank() && template.isBlank()
                    && minAmount.isBlank());
        }
    }

    /** A step's count in the current version and in the candidate (dry run). */
    record StepCount(String label, int current, int candidate) {
    }

    /** The new-strategy form as entered. */
    record NewForm(String code, String nameZh, String nameEn, String copyFrom) {
    }

    static final int BLANK_ROWS = 3;
    private static final int MAX_ROWS = 200;
    private static final Pattern ROW_FIELD = Pattern.compile("steps\\[(\\d+)]\\.(\\w+)");
    private static final Pattern SERVICE_FIELD = Pattern.compile("steps\\[(\\d+)](.*)");

    private final Strategies strategies;
    private final org.springframework.beans.factory.ObjectProvider<io.huikuan.strategy.StepTemplates> stepTemplates;
    private final Segments segments;
    private final DryRuns dryRuns;
    private final MessageSource messages;

    StrategyPages(Strategies strategies, Segments segments, DryRuns dryRuns, MessageSource messages,
            org.springframework.beans.factory.ObjectProvider<io.huikuan.strategy.StepTemplates> stepTemplates) {
        this.strategies = strategies;
        this.stepTemplates = stepTemplates;
        this.segments = segments;
        this.dryRuns = dryRuns;
        this.messages = messages;
    }

    @GetMapping("/strategies")
    String list(Model model) {
        return listPage(model, new NewForm("", "", "", "STANDARD"), FormErrors.none());
    }

    @PostMapping("/strategies")
    String create(@RequestParam(required = false) String code, @RequestParam(required = false) String nameZh,
            @RequestParam(required = false) String nameEn, @RequestParam(required = false) String copyFrom, Model model, Locale locale,
            RedirectAttributes redirect) {
        CurrentUser.require("create strategies", Role.MANAGER);
        String trimmed = code == null ? null : code.trim().toUpperCase(Locale.ROOT);
        FormErrors errors = new FormErrors(messages, locale);
        try {
            List<Step> steps = copyFrom == null || copyFrom.isBlank() ? List.of() : strategies.get(copyFrom).steps();
            Strategy s = strategies.create(trimmed, nameZh, nameEn, steps, null);
            redirect.addFlashAttribute("flash", messages.getMessage("strategies.created", new Object[] {s.code()}, locale));
            return "redirect:/strategies/" + s.code();
        } catch (ValidationException e) {
            errors.addAll(e);
        }
        return listPage(model, new NewForm(code, nameZh, nameEn, copyFrom), errors);
    }

    private String listPage(Model model, NewForm form, FormErrors errors) {
        List<Strategy> list = strategies.list();
        Map<String, List<Segment>> using = new LinkedHashMap<>();
        for (Segment g : segments.list()) {
            using.computeIfAbsent(g.strategyCode(), c -> new ArrayList<>()).add(g);
        }
        model.addAttribute("strategies", list);
        model.addAttribute("using", using);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mayEdit", CurrentUser.get().isManager());
        return "strategy/strategies";
    }

    @GetMapping("/strategies/{code}")
    String show(@PathVariable String code, @RequestParam(required = false) Integer version, Model model) {
        Strategy current = strategies.get(code);
        Strategy shown = version == null ? current : strategies.get(code, version);
        List<Row> rows = new ArrayList<>(shown.steps().stream().map(Row::of).toList());
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(Row.EMPTY);
        }
        return page(model, current, shown, rows, "", FormErrors.none(), null);
    }

    @PostMapping("/strategies/{code}/dry-run")
    String dryRun(@PathVariable String code, @RequestParam Map<String, String> form, Model model, Locale locale) {
        CurrentUser.require("dry-run strategies", Role.MANAGER);
        Strategy current = strategies.get(code);
        FormErrors errors = new FormErrors(messages, locale);
        List<Row> rows = rows(form);
        DryRuns.Result result = null;
        List<Step> steps = steps(rows, errors);
        if (!errors.any()) {
            try {
                result = dryRuns.dryRun(code, steps);
            } catch (ValidationException e) {
                place(e, rows, errors);
            }
        }
        return page(model, current, current, rows, form.getOrDefault("note", ""), errors, result);
    }

    @PostMapping("/strategies/{code}/more-rows")
    String moreRows(@PathVariable String code, @RequestParam Map<String, String> form, Model model) {
        CurrentUser.require("edit strategies", Role.MANAGER);
        Strategy current = strategies.get(code);
        List<Row> rows = rows(form);
        for (int i = 0; i < BLANK_ROWS && rows.size() < MAX_ROWS; i++) {
            rows.add(Row.EMPTY);
        }
        return page(model, current, current, rows, form.getOrDefault("note", ""), FormErrors.none(), null);
    }

    @PostMapping("/strategies/{code}/versions")
    String save(@PathVariable String code, @RequestParam Map<String, String> form, Model model, Locale locale, RedirectAttributes redirect) {
        CurrentUser.require("edit strategies", Role.MANAGER);
        Strategy current = strategies.get(code);
        FormErrors errors = new FormErrors(messages, locale);
        List<Row> rows = rows(form);
        List<Step> steps = steps(rows, errors);
        if (!errors.any()) {
            try {
                Strategy saved = strategies.saveVersion(code, steps, form.get("note"));
                redirect.addFlashAttribute("flash",
                        messages.getMessage("strategies.saved", new Object[] {saved.code(), saved.currentVersion()}, locale));
                return "redirect:/strategies/" + saved.code();
            } catch (ValidationException e) {
                place(e, rows, errors);
            }
        }
        return page(model, current, current, rows, form.getOrDefault("note", ""), errors, null);
    }

    private String page(Model model, Strategy current, Strategy shown, List<Row> rows, String note, FormErrors errors, DryRuns.Result dry) {
        boolean latest = shown.version().number() == current.currentVersion();
        model.addAttribute("s", current);
        model.addAttribute("shown", shown);
        model.addAttribute("latest", latest);
        model.addAttribute("versions", strategies.versions(current.code()));
        model.addAttribute("segments", segments.list().stream().filter(g -> g.strategyCode().equals(current.code())).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("note", note);
        model.addAttribute("errors", errors);
        model.addAttribute("dry", dry);
        model.addAttribute("byStep", dry == null ? List.of() : byStep(dry));
        model.addAttribute("mayEdit", latest && CurrentUser.get().isManager());
        model.addAttribute("channels", Channel.values());
        // the step's template is chosen from the existing templates of its channel (issue 12, item 13)
        List<io.huikuan.strategy.StepTemplates.Choice> choices = stepTemplates.stream().flatMap(t -> t.choices().stream()).toList();
        model.addAttribute("templateChoices", choices);
        model.addAttribute("templateCodes", choices.stream().map(io.huikuan.strategy.StepTemplates.Choice::code).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("tones", Tone.values());
        model.addAttribute("roles", Role.values());
        return "strategy/strategy";
    }

    private static List<StepCount> byStep(DryRuns.Result dry) {
        TreeSet<String> labels = new TreeSet<>(java.util.Comparator.comparingInt(StrategyPages::offsetOf).thenComparing(l -> l));
        labels.addAll(dry.current().byStep().keySet());
        labels.addAll(dry.candidate().byStep().keySet());
        return labels.stream()
                .map(l -> new StepCount(l, dry.current().byStep().getOrDefault(l, 0), dry.candidate().byStep().getOrDefault(l, 0))).toList();
    }

    private static int offsetOf(String label) {
        try {
            return Integer.parseInt(label.substring(0, label.indexOf(' ')).replace("+", ""));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The rows of the posted form ({@code steps[i].field}), in index order, blanks included. */
    static List<Row> rows(Map<String, String> form) {
        int count = 0;
        for (String key : form.keySet()) {
            Matcher m = ROW_FIELD.matcher(key);
            if (m.matches()) {
                count = Math.max(count, Math.min(MAX_ROWS, Integer.parseInt(m.group(1)) + 1));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String at = "steps[" + i + "].";
            rows.add(new Row(text(form, at + "dayOffset"), text(form, at + "channel"), text(form, at + "tone"), text(form, at + "ownerRole"),
                    text(form, at + "template"), text(form, at + "minAmount"), form.containsKey(at + "approval"),
                    form.containsKey(at + "remove")));
        }
        return rows;
    }

    private static String text(Map<String, String> form, String key) {
        String v = form.get(key);
        return v == null ? "" : v.trim();
    }

    /**
     * The steps of the non-blank rows, or none with the errors placed by row; the service's errors
     * name the step's index among the non-blank rows, which {@link #place} turns back into the row's.
     */
    private static List<Step> steps(List<Row> rows, FormErrors errors) {
        List<StrategyApi.StepRequest> requests = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.blank()) {
                continue;
            }
            String at = "steps[" + i + "].";
            Integer offset = errors.integer(at + "dayOffset", r.dayOffset());
            BigDecimal min = errors.amount(at + "minAmount", r.minAmount(), false);
            requests.add(new StrategyApi.StepRequest(offset, r.channel(), r.tone(), r.ownerRole(), r.template(), min, r.approval()));
        }
        if (errors.any()) {
            return null;
        }
        try {
            return StrategyApi.steps(requests);
        } catch (ValidationException e) {
            place(e, rows, errors);
            return null;
        }
    }

    /** Puts each error next to its row: step k of the request is the k-th non-blank row. */
    private static void place(ValidationException e, List<Row> rows, FormErrors errors) {
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).blank()) {
                index.add(i);
            }
        }
        for (ValidationException.FieldError f : e.errors()) {
            String field = f.field() == null ? "" : f.field();
            Matcher m = SERVICE_FIELD.matcher(field);
            if (m.matches()) {
                int k = Integer.parseInt(m.group(1));
                field = "steps[" + (k < index.size() ? index.get(k) : k) + "]" + m.group(2);
            } else if (field.equals("steps")) {
                field = "";
            }
            errors.add(field, errors.text(f));
        }
    }
}
