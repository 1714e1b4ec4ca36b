package io.huikuan.credit.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.credit.CreditOverrides;
import io.huikuan.credit.CustomerCredits;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The credit section of the customer page (htmx): score, grades, reasons, limit use, history; managers override the grade. */
@Controller
class CreditPages {

    private final CustomerCredits credits;
    private final CreditOverrides overrides;
    private final io.huikuan.credit.CreditApplications applications;
    private final io.huikuan.credit.CreditReviews reviews;
    private final MessageSource messages;
    private final Clock clock;

    CreditPages(CustomerCredits credits, CreditOverrides overrides, io.huikuan.credit.CreditApplications applications,
            io.huikuan.credit.CreditReviews reviews, MessageSource messages, Clock clock) {
        this.credits = credits;
        this.applications = applications;
        this.reviews = reviews;
        this.overrides = overrides;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/customers/{code}/credit-panel")
    String panel(@PathVariable String code, Model model) {
        var credit = credits.of(code, null);
        model.addAttribute("credit", credit);
        model.addAttribute("scoreChart", ScoreChart.of(credit.history()));
        CurrentUser user = CurrentUser.get();
        model.addAttribute("mayOverride", user.has(Role.ADMIN) || user.has(Role.MANAGER));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("applications", applications.list(null, code));
        model.addAttribute("reviews", reviews.list(null, null, code));
        model.addAttribute("mayApply", user.has(Role.ADMIN) || user.has(Role.MANAGER) || user.has(Role.FINANCE) || user.has(Role.COLLECTOR));
        model.addAttribute("mayDecide", user.has(Role.ADMIN) || user.has(Role.MANAGER) || user.has(Role.FINANCE));
        return "credit/credit :: panel";
    }

    @PostMapping("/customers/{code}/credit-override")
    String override(@PathVariable String code, @RequestParam(required = false) String grade, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String expiresOn, Locale locale, RedirectAttributes redirect) {
        try {
            overrides.set(credits.id(code), new CreditOverrides.Request(grade, reason, expiresOn));
            redirect.addFlashAttribute("flash", messages.getMessage("credit.overridden", null, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", new FormErrors(messages, locale).summary(e, "credit.field."));
        }
        return customerPage(code);
    }

    @PostMapping("/customers/{code}/credit-override/remove")
    String remove(@PathVariable String code, Locale locale, RedirectAttributes redirect) {
        overrides.remove(credits.id(code));
        redirect.addFlashAttribute("flash", messages.getMessage("credit.overrideRemoved", null, locale));
        return customerPage(code);
    }

    private static String customerPage(String code) {
        return "redirect:/customers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8);
    }
}
