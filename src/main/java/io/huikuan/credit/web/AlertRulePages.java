package io.huikuan.credit.web;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.credit.AlertEvaluator;
import io.huikuan.credit.AlertRule;
import io.huikuan.credit.AlertRules;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rule editor (/alerts/rules, MANAGER and ADMIN): change, add, delete rules and dry-run one (htmx). */
@Controller
class AlertRulePages {

    private final AlertRules rules;
    private final AlertEvaluator evaluator;
    private final MessageSource messages;
    private final Clock clock;

    AlertRulePages(AlertRules rules, AlertEvaluator evaluator, MessageSource messages, Clock clock) {
        this.rules = rules;
        this.evaluator = evaluator;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/alerts/rules")
    String editor(Model model) {
        CurrentUser.require("edit early-warning rules", Role.MANAGER);
        model.addAttribute("rules", rules.all());
        model.addAttribute("kinds", List.of(AlertRule.Kind.values()));
        model.addAttribute("severities", List.of(AlertRule.Severity.values()));
        model.addAttribute("actions", List.of(AlertRule.Action.values()));
        model.addAttribute("today", LocalDate.now(clock));
        return "credit/alert-rules";
    }

    @PostMapping("/alerts/rules")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String days, @RequestParam(required = false) String amount, @RequestParam(required = false) String pct,
            @RequestParam(required = false) String count, @RequestParam(required = false) String grade, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String action, @RequestParam(required = false) String active, Locale locale, RedirectAttributes redirect) {
        return save(redirect, locale, () -> rules.create(request(name, kind, days, amount, pct, count, grade, severity, action, active)));
    }

    @PostMapping("/alerts/rules/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String days, @RequestParam(required = false) String amount, @RequestParam(required = false) String pct,
            @RequestParam(required = false) String count, @RequestParam(required = false) String grade, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String action, @RequestParam(required = false) String active, Locale locale, RedirectAttributes redirect) {
        return save(redirect, locale, () -> rules.update(id, request(name, kind, days, amount, pct, count, grade, severity, action, active)));
    }

    @PostMapping("/alerts/rules/{id}/delete")
    String delete(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        rules.delete(id);
        redirect.addFlashAttribute("flash", messages.getMessage("alert.rules.deleted", null, locale));
        return "redirect:/alerts/rules";
    }

    @PostMapping("/alerts/rules/{id}/dry-run")
    String dryRun(@PathVariable long id, @RequestParam(required = false) String asOf, Model model) {
        CurrentUser.require("dry-run early-warning rules", Role.MANAGER);
        LocalDate d = InputRules.date("asOf", asOf);
        model.addAttribute("dry", evaluator.dryRun(id, d == null ? LocalDate.now(clock) : d));
        return "credit/alert-rules :: dryRun";
    }

    /** Every field of the form is sent: blank means "not set" for the parameters. */
    private static AlertRule.Request request(String name, String kind, String days, String amount, String pct, String count, String grade,
            String severity, String action, String active) {
        return new AlertRule.Request(name, kind, blank(days), blank(amount), blank(pct), blank(count), grade == null || grade.isBlank() ? null : grade,
                severity, action, active != null);
    }

    private static String blank(String v) {
        return v == null ? "" : v;
    }

    private String save(RedirectAttributes redirect, Locale locale, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", messages.getMessage("alert.rules.saved", null, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", new FormErrors(messages, locale).summary(e, "alert.field."));
        }
        return "redirect:/alerts/rules";
    }
}
