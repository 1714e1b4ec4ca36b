package io.huikuan.strategy.web;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.common.web.Formats;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.strategy.Segment;
import io.huikuan.strategy.Segments;
import io.huikuan.strategy.Strategies;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Segments in the UI: the list in evaluation order with each segment's rules in words, its
 * strategy and how many customers the last run put in it; managers edit a segment (every rule,
 * flag, strategy, active, position) and create new ones. The rules are {@link Segments}'.
 */
@Controller
class SegmentPages {

    /** The segment form as the user typed it (kept as text so a bad value shows again). */
    record SegmentForm(String code, String nameZh, String nameEn, String position, String grades, String minOverdueAmount,
            String maxOverdueAmount, String minDaysOverdue, String maxDaysOverdue, String minRelationshipMonths, String maxRelationshipMonths,
            String minPromiseKeeping, String maxPromiseKeeping, String flag, String strategyCode, String active, String minScore,
            String maxScore, String creditGrades, String overLimit, String minOpenAlerts) {

        static SegmentForm of(Segment s) {
            return new SegmentForm(s.code(), s.nameZh(), s.nameEn(), String.valueOf(s.position()), text(s.grades()), plain(s.minOverdueAmount()),
                    plain(s.maxOverdueAmount()), text(s.minDaysOverdue()), text(s.maxDaysOverdue()), text(s.minRelationshipMonths()),
                    text(s.maxRelationshipMonths()), plain(s.minPromiseKeeping()), plain(s.maxPromiseKeeping()), text(s.flag()),
                    s.strategyCode(), String.valueOf(s.active()), text(s.minScore()), text(s.maxScore()), text(s.creditGrades()),
                    text(s.overLimit()), text(s.minOpenAlerts()));
        }

        public boolean isActive() {
            return "true".equals(active) || "on".equals(active);
        }

        private static String text(Object o) {
            return o == null ? "" : o.toString();
        }

        private static String plain(BigDecimal d) {
            return d == null ? "" : d.stripTrailingZeros().toPlainString();
        }
    }

    private final Segments segments;
    private final Strategies strategies;
    private final MessageSource messages;
    private final Formats fmt;

    SegmentPages(Segments segments, Strategies strategies, MessageSource messages, Formats fmt) {
        this.segments = segments;
        this.strategies = strategies;
        this.messages = messages;
        this.fmt = fmt;
    }

    @GetMapping("/segments")
    String list(Model model, Locale locale) {
        List<Segment> list = segments.list();
        Map<String, List<String>> rules = new LinkedHashMap<>();
        for (Segment s : list) {
            rules.put(s.code(), rules(s, locale));
        }
        Map<String, String> strategyNames = new LinkedHashMap<>();
        boolean en = "en".equals(locale.getLanguage());
        strategies.list().forEach(st -> strategyNames.put(st.code(), en ? st.nameEn() : st.nameZh()));
        model.addAttribute("segments", list);
        model.addAttribute("rules", rules);
        model.addAttribute("counts", segments.customerCounts());
        model.addAttribute("strategyNames", strategyNames);
        model.addAttribute("mayEdit", CurrentUser.get().isManager());
        return "strategy/segments";
    }

    @GetMapping("/segments/new")
    String create(Model model, Locale locale) {
        CurrentUser.require("edit segments", Role.MANAGER);
        int next = segments.list().stream().mapToInt(Segment::position).max().orElse(0) + 10;
        SegmentForm form = new SegmentForm("", "", "", String.valueOf(Math.min(next, 9999)), "", "", "", "", "", "", "", "", "", "", "STANDARD",
                "true", "", "", "", "", "");
        return page(model, null, form, false, FormErrors.none(), locale);
    }

    @GetMapping("/segments/{code}")
    String show(@PathVariable String code, Model model, Locale locale) {
        Segment s = segments.get(code);
        return page(model, s, SegmentForm.of(s), true, FormErrors.none(), locale);
    }

    @PostMapping("/segments")
    String saveNew(@ModelAttribute("form") SegmentForm form, Model model, Locale locale, RedirectAttributes redirect) {
        return save(form, false, model, locale, redirect);
    }

    @PostMapping("/segments/{code}")
    String saveExisting(@PathVariable String code, @ModelAttribute("form") SegmentForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        CurrentUser.require("edit segments", Role.MANAGER);
        segments.get(code);
        SegmentForm f = new SegmentForm(code, form.nameZh(), form.nameEn(), form.position(), form.grades(), form.minOverdueAmount(),
                form.maxOverdueAmount(), form.minDaysOverdue(), form.maxDaysOverdue(), form.minRelationshipMonths(),
                form.maxRelationshipMonths(), form.minPromiseKeeping(), form.maxPromiseKeeping(), form.flag(), form.strategyCode(),
                form.active(), form.minScore(), form.maxScore(), form.creditGrades(), form.overLimit(), form.minOpenAlerts());
        return save(f, true, model, locale, redirect);
    }

    private String save(SegmentForm form, boolean editing, Model model, Locale locale, RedirectAttributes redirect) {
        CurrentUser.require("edit segments", Role.MANAGER);
        FormErrors errors = new FormErrors(messages, locale);
        String code = form.code() == null ? "" : form.code().trim().toUpperCase(Locale.ROOT);
        Integer position = errors.integer("position", form.position());
        if (form.position() == null || form.position().isBlank()) {
            errors.addCode("position", "error.required");
        }
        BigDecimal minAmt = errors.amount("minOverdueAmount", form.minOverdueAmount(), false);
        BigDecimal maxAmt = errors.amount("maxOverdueAmount", form.maxOverdueAmount(), false);
        Integer minDays = errors.integer("minDaysOverdue", form.minDaysOverdue());
        Integer maxDays = errors.integer("maxDaysOverdue", form.maxDaysOverdue());
        Integer minRel = errors.integer("minRelationshipMonths", form.minRelationshipMonths());
        Integer maxRel = errors.integer("maxRelationshipMonths", form.maxRelationshipMonths());
        BigDecimal minKeep = errors.amount("minPromiseKeeping", form.minPromiseKeeping(), false);
        BigDecimal maxKeep = errors.amount("maxPromiseKeeping", form.maxPromiseKeeping(), false);
        Integer minScore = errors.integer("minScore", form.minScore());
        Integer maxScore = errors.integer("maxScore", form.maxScore());
        Integer minAlerts = errors.integer("minOpenAlerts", form.minOpenAlerts());
        Boolean overLimit = form.overLimit() == null || form.overLimit().isBlank() ? null : Boolean.valueOf(form.overLimit().trim());
        if (!editing && !code.isEmpty() && exists(code)) {
            errors.addCode("code", "segments.codeTaken");
        }
        Segment existing = editing ? segments.get(code) : null;
        if (!errors.any()) {
            try {
                Segment saved = segments.save(new Segment(code, form.nameZh(), form.nameEn(), position == null ? 0 : position, form.grades(),
                        minAmt, maxAmt, minDays, maxDays, minRel, maxRel, minKeep, maxKeep, form.flag(), minScore, maxScore, form.creditGrades(),
                        overLimit, minAlerts, form.strategyCode(), form.isActive(),
                        null, null));
                redirect.addFlashAttribute("flash", messages.getMessage("segments.saved", new Object[] {saved.code()}, locale));
                return "redirect:/segments";
            } catch (ValidationException e) {
                errors.addAll(e);
            }
        }
        return page(model, existing, form, editing, errors, locale);
    }

    private boolean exists(String code) {
        try {
            segments.get(code);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private String page(Model model, Segment segment, SegmentForm form, boolean editing, FormErrors errors, Locale locale) {
        model.addAttribute("segment", segment);
        model.addAttribute("rules", segment == null ? List.of() : rules(segment, locale));
        model.addAttribute("count", segment == null ? 0 : segments.customerCounts().getOrDefault(segment.code(), 0));
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute("flags", Segment.FLAGS);
        model.addAttribute("strategies", strategies.list());
        model.addAttribute("mayEdit", CurrentUser.get().isManager());
        return "strategy/segment";
    }

    /** The segment's rules in words, in the user's language ("逾期金额 ≥ 10,000.00"). */
    List<String> rules(Segment s, Locale locale) {
        List<String> out = new ArrayList<>();
        if (s.grades() != null && !s.grades().isBlank()) {
            out.add(msg("segments.rule.grades", locale, s.grades()));
        }
        bound(out, "segments.overdueAmount", fmt.money(s.minOverdueAmount()), fmt.money(s.maxOverdueAmount()), locale);
        bound(out, "segments.daysOverdue", text(s.minDaysOverdue()), text(s.maxDaysOverdue()), locale);
        bound(out, "segments.relationshipMonths", text(s.minRelationshipMonths()), text(s.maxRelationshipMonths()), locale);
        bound(out, "segments.promiseKeeping", percent(s.minPromiseKeeping()), percent(s.maxPromiseKeeping()), locale);
        if (s.flag() != null && !s.flag().isBlank()) {
            out.add(msg("segments.rule.flag", locale, msg("segment.flag." + s.flag(), locale)));
        }
        bound(out, "segments.score", text(s.minScore()), text(s.maxScore()), locale);
        if (s.creditGrades() != null && !s.creditGrades().isBlank()) {
            out.add(msg("segments.rule.creditGrades", locale, s.creditGrades()));
        }
        if (s.overLimit() != null) {
            out.add(msg(s.overLimit() ? "segments.rule.overLimit" : "segments.rule.withinLimit", locale));
        }
        if (s.minOpenAlerts() != null) {
            out.add(msg("segments.rule.openAlerts", locale, s.minOpenAlerts()));
        }
        if (out.isEmpty()) {
            out.add(msg("segments.rule.any", locale));
        }
        return out;
    }

    private void bound(List<String> out, String what, String min, String max, Locale locale) {
        String label = msg(what, locale);
        if (!min.isEmpty() && !max.isEmpty()) {
            out.add(msg("segments.rule.between", locale, label, min, max));
        } else if (!min.isEmpty()) {
            out.add(msg("segments.rule.atLeast", locale, label, min));
        } else if (!max.isEmpty()) {
            out.add(msg("segments.rule.atMost", locale, label, max));
        }
    }

    private static String text(Integer i) {
        return i == null ? "" : i.toString();
    }

    private static String percent(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString() + "%";
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
