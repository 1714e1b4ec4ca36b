package io.huikuan.credit.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.credit.CreditApplication;
import io.huikuan.credit.CreditApplicationPolicies;
import io.huikuan.credit.CreditApplicationPolicy;
import io.huikuan.credit.CreditApplications;
import io.huikuan.credit.CreditReview;
import io.huikuan.credit.CreditReviews;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The credit application pages: the queue of submitted applications with the recommendation (approve, reject), the reviews
 * due, the policy; a new customer's application; from the customer page's credit section, an application for a higher
 * limit and a review.
 */
@Controller
class CreditApplicationPages {

    /** The fields of the application forms, as typed. */
    record Form(String customerCode, String code, String name, String owner, String requestedLimit, String creditDays, String revenue, String profit,
            String equity, String totalLiabilities, String registeredCapital, String yearsInBusiness, String guarantees, String bankReferences,
            String note) {

        CreditApplication.Request request(boolean newCustomer) {
            return new CreditApplication.Request(customerCode, newCustomer ? new CreditApplication.NewCustomer(code, name, owner, null) : null,
                    requestedLimit, creditDays, revenue, profit, equity, totalLiabilities, registeredCapital, yearsInBusiness, guarantees,
                    bankReferences, note);
        }
    }

    private final CreditApplications applications;
    private final CreditReviews reviews;
    private final CreditApplicationPolicies policies;
    private final MessageSource messages;
    private final Clock clock;

    CreditApplicationPages(CreditApplications applications, CreditReviews reviews, CreditApplicationPolicies policies, MessageSource messages,
            Clock clock) {
        this.applications = applications;
        this.reviews = reviews;
        this.policies = policies;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/credit/applications")
    String queue(Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("submitted", applications.list("SUBMITTED", null));
        model.addAttribute("recent", applications.list(null, null).stream().filter(a -> !"SUBMITTED".equals(a.status())).limit(50).toList());
        model.addAttribute("due", reviews.list("OPEN", LocalDate.now(clock), null));
        model.addAttribute("policy", policies.current());
        model.addAttribute("mayDecide", me.isManager() || me.has(Role.FINANCE));
        model.addAttribute("mayEditPolicy", me.isManager());
        return "credit/applications";
    }

    @GetMapping("/credit/applications/new")
    String newForm(Model model) {
        model.addAttribute("form", new Form(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        model.addAttribute("errors", FormErrors.none());
        return "credit/application-new";
    }

    @PostMapping("/credit/applications/new")
    String submitNew(@ModelAttribute Form form, @RequestParam(required = false) MultipartFile file, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            CreditApplication a = applications.submit(form.request(true), file == null ? null : file.getOriginalFilename(),
                    file == null ? 0 : file.getSize(), file == null ? () -> null : file::getBytes);
            redirect.addFlashAttribute("flash", messages.getMessage("creditApp.submitted", new Object[] {a.id()}, locale));
            return customerPage(a.customerCode());
        } catch (ValidationException e) {
            FormErrors errors = new FormErrors(messages, locale);
            errors.addAll(e, "newCustomer.");
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            model.addAttribute("flashError", errors.summary(e, "creditApp.field."));
            return "credit/application-new";
        }
    }

    @PostMapping("/customers/{code}/credit-applications")
    String submitIncrease(@PathVariable String code, @ModelAttribute Form form, @RequestParam(required = false) MultipartFile file, Locale locale,
            RedirectAttributes redirect) {
        Form f = new Form(code, null, null, null, form.requestedLimit(), form.creditDays(), form.revenue(), form.profit(), form.equity(),
                form.totalLiabilities(), form.registeredCapital(), form.yearsInBusiness(), form.guarantees(), form.bankReferences(), form.note());
        act(redirect, locale, () -> {
            CreditApplication a = applications.submit(f.request(false), file == null ? null : file.getOriginalFilename(),
                    file == null ? 0 : file.getSize(), file == null ? () -> null : file::getBytes);
            return messages.getMessage("creditApp.submitted", new Object[] {a.id()}, locale);
        });
        return customerPage(code);
    }

    @PostMapping("/customers/{code}/credit-reviews")
    String review(@PathVariable String code, @RequestParam(required = false) String limit, @RequestParam(required = false) String creditDays,
            @RequestParam(required = false) String grade, @RequestParam(required = false) String note, @RequestParam(required = false) String nextDueOn,
            Locale locale, RedirectAttributes redirect) {
        act(redirect, locale, () -> {
            reviews.record(code, new CreditReview.Request(limit, creditDays, grade, note, nextDueOn));
            return messages.getMessage("creditReview.recorded", null, locale);
        });
        return customerPage(code);
    }

    @PostMapping("/credit/applications/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String limit, @RequestParam(required = false) String creditDays,
            @RequestParam(required = false) String grade, @RequestParam(required = false) String note, Locale locale, RedirectAttributes redirect) {
        act(redirect, locale, () -> {
            CreditApplication a = applications.approve(id, new CreditApplication.Decision(limit, creditDays, grade, note, null));
            return messages.getMessage("creditApp.approved", new Object[] {a.id(), a.customerCode()}, locale);
        });
        return "redirect:/credit/applications";
    }

    @PostMapping("/credit/applications/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
        act(redirect, locale, () -> {
            applications.reject(id, new CreditApplication.Decision(null, null, null, null, reason));
            return messages.getMessage("creditApp.rejected", new Object[] {id}, locale);
        });
        return "redirect:/credit/applications";
    }

    @PostMapping("/credit/application-policy")
    String policy(@RequestParam Map<String, String> p, Locale locale, RedirectAttributes redirect) {
        CurrentUser.require("change the credit application policy", Role.MANAGER);
        Map<String, String> caps = new LinkedHashMap<>();
        Map<String, String> months = new LinkedHashMap<>();
        for (String g : new String[] {"A", "B", "C", "D", "E"}) {
            caps.put(g, p.get("cap" + g));
            months.put(g, p.get("months" + g));
        }
        act(redirect, locale, () -> {
            policies.update(new CreditApplicationPolicy.Request(p.get("equitySharePct"), p.get("revenueSharePct"), caps, months,
                    p.get("financeAuthority"), p.get("managerAuthority")));
            return messages.getMessage("creditApp.policySaved", null, locale);
        });
        return "redirect:/credit/applications";
    }

    private void act(RedirectAttributes redirect, Locale locale, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", action.get());
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", new FormErrors(messages, locale).summary(e, "creditApp.field."));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("creditApp.conflict", null, locale));
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("creditApp.denied", new Object[] {e.getMessage()}, locale));
        }
    }

    private static String customerPage(String code) {
        return "redirect:/customers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8);
    }
}
