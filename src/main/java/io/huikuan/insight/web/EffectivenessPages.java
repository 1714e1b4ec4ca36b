package io.huikuan.insight.web;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.XlsxSheet;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.insight.ChannelCosts;
import io.huikuan.insight.Effectiveness;
import io.huikuan.insight.EffectivenessDimension;
import io.huikuan.insight.EffectivenessReport;
import io.huikuan.insight.EffectivenessRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "what works" page (效果分析, {@code /insight/effectiveness}): filters (dimension, period, attribution days), the
 * table, its XLSX export with the same filters, and the cost of an action by channel (managers change it).
 */
@Controller
class EffectivenessPages {

    private final Effectiveness effectiveness;
    private final ChannelCosts costs;
    private final MessageSource messages;

    EffectivenessPages(Effectiveness effectiveness, ChannelCosts costs, MessageSource messages) {
        this.effectiveness = effectiveness;
        this.costs = costs;
        this.messages = messages;
    }

    /** The filters as typed. */
    record Filters(String dimension, String from, String to, String asOf, String attributionDays) {
    }

    @GetMapping("/insight/effectiveness")
    String page(Filters f, Model model, Locale locale) {
        model.addAttribute("filters", f);
        model.addAttribute("dimensions", EffectivenessDimension.values());
        model.addAttribute("costs", costs.all());
        model.addAttribute("mayEditCosts", CurrentUser.get().isManager());
        try {
            model.addAttribute("report", report(f));
        } catch (ValidationException e) {
            model.addAttribute("problem", new FormErrors(messages, locale).summary(e, "insight.field."));
        }
        return "insight/effectiveness";
    }

    @GetMapping("/insight/effectiveness.xlsx")
    ResponseEntity<byte[]> xlsx(Filters f, Locale locale) {
        EffectivenessReport r = report(f);
        List<String> header = new ArrayList<>();
        header.add(messages.getMessage("insight.dimension." + r.dimension(), null, locale));
        for (String c : List.of("contacts", "customers", "promises", "promisesKept", "promiseKeeping", "collected7", "collected30", "lastTouch",
                "evenSplit", "cured", "cureJudged", "cureRate", "cost")) {
            header.add(messages.getMessage("insight.col." + c, null, locale));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (EffectivenessRow row : r.rows()) {
            rows.add(cells(row));
        }
        rows.add(cells(r.total()));
        String name = "effectiveness-" + r.dimension().name().toLowerCase(Locale.ROOT) + "-" + r.from() + "-" + r.to();
        byte[] bytes = XlsxSheet.write(new XlsxSheet.Sheet(messages.getMessage("insight.title", null, locale), header, rows));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".xlsx").build().toString()).body(bytes);
    }

    @PostMapping("/insight/channel-costs")
    String setCosts(@RequestParam Map<String, String> form, RedirectAttributes redirect, Locale locale) {
        Map<String, String> given = new java.util.LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("cost.")) {
                given.put(k.substring("cost.".length()), v);
            }
        });
        try {
            costs.set(given);
            redirect.addFlashAttribute("flash", messages.getMessage("insight.costs.saved", null, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", new FormErrors(messages, locale).summary(e, "channel."));
        }
        return "redirect:/insight/effectiveness#costs";
    }

    private EffectivenessReport report(Filters f) {
        EffectivenessDimension dimension = null;
        if (f.dimension() != null && !f.dimension().isBlank()) {
            try {
                dimension = EffectivenessDimension.valueOf(f.dimension().strip());
            } catch (IllegalArgumentException e) {
                throw ValidationException.coded("dimension", f.dimension(), "choice", "one of " + java.util.Arrays.toString(EffectivenessDimension.values()));
            }
        }
        Integer days = null;
        if (f.attributionDays() != null && !f.attributionDays().isBlank()) {
            try {
                days = Integer.valueOf(f.attributionDays().strip());
            } catch (NumberFormatException e) {
                throw ValidationException.coded("attributionDays", f.attributionDays(), "integer", "a whole number of days from 1 to 90");
            }
        }
        return effectiveness.report(dimension, InputRules.date("from", f.from()), InputRules.date("to", f.to()), InputRules.date("asOf", f.asOf()),
                days);
    }

    private static List<Object> cells(EffectivenessRow r) {
        return new ArrayList<>(java.util.Arrays.asList(r.label(), r.contacts(), r.customers(), r.promises(), r.promisesKept(), r.promiseKeeping(),
                r.collected7(), r.collected30(), r.lastTouch(), r.evenSplit(), r.cured(), r.cureJudged(), r.cureRate(), r.cost()));
    }
}
