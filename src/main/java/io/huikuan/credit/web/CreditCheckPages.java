package io.huikuan.credit.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.credit.CreditCheck;
import io.huikuan.credit.CreditChecks;
import io.huikuan.credit.CreditPolicies;
import io.huikuan.credit.CreditPolicy;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
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

/** /credit/checks: the credit checks waiting for a review (approve or reject with a note), the latest checks, the credit policy. */
@Controller
class CreditCheckPages {

    private final CreditChecks checks;
    private final CreditPolicies policies;
    private final MessageSource messages;

    CreditCheckPages(CreditChecks checks, CreditPolicies policies, MessageSource messages) {
        this.checks = checks;
        this.policies = policies;
        this.messages = messages;
    }

    @GetMapping("/credit/checks")
    String queue(@RequestParam(required = false) String decision, Model model, Locale locale) {
        String d = decision == null ? "" : decision.strip().toUpperCase();
        try {
            model.addAttribute("recent", checks.list(null, d.isEmpty() ? null : d, null));
        } catch (ValidationException e) {
            model.addAttribute("flashError", new FormErrors(messages, locale).text(e.errors().getFirst()));
            model.addAttribute("recent", checks.list(null, null, null));
            d = "";
        }
        model.addAttribute("pending", checks.list(null, null, "PENDING"));
        model.addAttribute("decision", d);
        model.addAttribute("policy", policies.current());
        CurrentUser me = CurrentUser.get();
        model.addAttribute("mayDecide", me.isManager() || me.has(Role.FINANCE));
        model.addAttribute("mayEditPolicy", me.isManager());
        return "credit/checks";
    }

    @PostMapping("/credit/checks/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String note, Locale locale, RedirectAttributes redirect) {
        return act(redirect, locale, () -> {
            checks.decide(id, true, new CreditCheck.Decision(note));
            return "creditCheck.approved";
        });
    }

    @PostMapping("/credit/checks/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String note, Locale locale, RedirectAttributes redirect) {
        return act(redirect, locale, () -> {
            checks.decide(id, false, new CreditCheck.Decision(note));
            return "creditCheck.rejected";
        });
    }

    @PostMapping("/credit/policy")
    String policy(@RequestParam(required = false) String reviewGrade, @RequestParam(required = false) String tolerancePct, Locale locale,
            RedirectAttributes redirect) {
        CurrentUser.require("change the credit policy", Role.MANAGER);
        return act(redirect, locale, () -> {
            policies.update(new CreditPolicy.Request(reviewGrade, tolerancePct));
            return "creditCheck.policySaved";
        });
    }

    private String act(RedirectAttributes redirect, Locale locale, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", messages.getMessage(action.get(), null, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", new FormErrors(messages, locale).summary(e, "creditCheck.field."));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("creditCheck.conflict", null, locale));
        }
        return "redirect:/credit/checks";
    }
}
