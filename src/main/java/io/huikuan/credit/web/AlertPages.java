package io.huikuan.credit.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.credit.AlertRule;
import io.huikuan.credit.Alerts;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The alert inbox (/alerts), the header's badge and the customer page's alert section (htmx). */
@Controller
class AlertPages {

    private final Alerts alerts;
    private final MessageSource messages;

    AlertPages(Alerts alerts, MessageSource messages) {
        this.alerts = alerts;
        this.messages = messages;
    }

    @GetMapping("/alerts")
    String inbox(@RequestParam(required = false) String status, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String customer, @RequestParam(required = false) String page, Model model, Locale locale) {
        String st = status == null ? "OPEN" : status;
        Page<io.huikuan.credit.Alert> found;
        try {
            found = alerts.page(new Alerts.Filter(st, severity, customer), AlertApi.number("page", page, 0), 50);
        } catch (ValidationException e) {
            model.addAttribute("flashError", new FormErrors(messages, locale).summary(e, "alert.field."));
            found = alerts.page(new Alerts.Filter("OPEN", null, null), 0, 50);
            st = "OPEN";
        }
        model.addAttribute("alerts", found);
        model.addAttribute("status", st);
        model.addAttribute("severity", severity == null ? "" : severity);
        model.addAttribute("customer", customer == null ? "" : customer);
        model.addAttribute("statuses", List.of(io.huikuan.credit.Alert.Status.values()));
        model.addAttribute("severities", List.of(AlertRule.Severity.values()));
        return "credit/alerts";
    }

    @GetMapping("/alerts/badge")
    String badge(Model model) {
        model.addAttribute("openAlerts", alerts.openCount());
        return "credit/alerts :: badge";
    }

    @GetMapping("/customers/{code}/alerts-panel")
    String customerPanel(@PathVariable String code, Model model) {
        model.addAttribute("customerAlerts", alerts.unresolvedOf(code));
        model.addAttribute("customerCode", code);
        return "credit/alerts :: customerPanel";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @RequestParam(required = false) String note, @RequestParam(required = false) String back, Locale locale,
            RedirectAttributes redirect) {
        return act(redirect, locale, back, () -> {
            alerts.acknowledge(id, note);
            return "alert.acknowledged";
        });
    }

    @PostMapping("/alerts/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(required = false) String note, @RequestParam(required = false) String back, Locale locale,
            RedirectAttributes redirect) {
        return act(redirect, locale, back, () -> {
            alerts.resolve(id, note);
            return "alert.resolved";
        });
    }

    private String act(RedirectAttributes redirect, Locale locale, String back, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", messages.getMessage(action.get(), null, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", new FormErrors(messages, locale).summary(e, "alert.field."));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        String target = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/alerts";
        return "redirect:" + UriComponentsBuilder.fromUriString(target).build().toUriString();
    }
}
