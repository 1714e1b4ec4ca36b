package io.huikuan.negotiation.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.negotiation.NegotiationApprovals;
import io.huikuan.negotiation.PaymentPlan;
import io.huikuan.negotiation.PaymentPlanStatus;
import io.huikuan.negotiation.PaymentPlans;
import io.huikuan.negotiation.PlanDocuments;
import io.huikuan.negotiation.PlanPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The payment plan pages: /payment-plans (the plans and the queue awaiting the user's approval), the plan's page
 * (schedule and statuses as of a date, approvals, approve/reject/cancel, agreement, signed copy) and the policy a
 * manager edits. The editor is {@link PlanEditorPages}.
 */
@Controller
class PaymentPlanPages {

    private final PaymentPlans plans;
    private final PlanPolicy policy;
    private final PlanDocuments documents;
    private final NegotiationApprovals approvals;
    private final MessageSource messages;

    PaymentPlanPages(PaymentPlans plans, PlanPolicy policy, PlanDocuments documents, NegotiationApprovals approvals, MessageSource messages) {
        this.plans = plans;
        this.policy = policy;
        this.documents = documents;
        this.approvals = approvals;
        this.messages = messages;
    }

    @GetMapping("/payment-plans")
    String list(@RequestParam(required = false) String customer, @RequestParam(required = false) String status,
            @RequestParam(required = false) String asOf, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        CurrentUser.require("see payment plans", Role.COLLECTOR, Role.MANAGER, Role.FINANCE);
        PaymentPlanStatus s = null;
        LocalDate day = null;
        String c = customer == null || customer.isBlank() ? null : customer.strip();
        try {
            s = PaymentPlanApi.status(status);
            day = InputRules.date("asOf", asOf);
            model.addAttribute("plans", plans.list(c, s, day, Math.max(0, page), 50));
        } catch (ValidationException e) {
            model.addAttribute("flashError", String.join("; ", new FormErrors(messages, locale).addAll(e).all()));
            model.addAttribute("plans", plans.list(null, null, null, 0, 50));
        } catch (io.huikuan.common.NotFoundException e) {
            model.addAttribute("flashError", messages.getMessage("pplan.unknownCustomer", new Object[] {c}, locale));
            model.addAttribute("plans", plans.list(null, null, null, 0, 50));
        }
        model.addAttribute("awaiting", plans.awaitingMe());
        model.addAttribute("customer", c == null ? "" : c);
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("asOf", day == null ? "" : day.toString());
        model.addAttribute("statuses", PaymentPlanStatus.values());
        model.addAttribute("mayEditPolicy", PaymentPlanApi.mayEditPolicy());
        return "negotiation/plans";
    }

    @GetMapping("/payment-plans/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) String asOf, Model model, Locale locale) {
        LocalDate day = null;
        try {
            day = InputRules.date("asOf", asOf);
        } catch (ValidationException e) {
            model.addAttribute("flashError", String.join("; ", new FormErrors(messages, locale).addAll(e).all()));
        }
        PaymentPlan p = plans.get(id, day);
        CurrentUser me = CurrentUser.get();
        boolean pending = p.status() == PaymentPlanStatus.PENDING_APPROVAL && day == null;
        boolean decider = me.has(Role.ADMIN) || me.has(Role.MANAGER) || me.has(Role.FINANCE);
        boolean live = p.status() == PaymentPlanStatus.PENDING_APPROVAL || p.status() == PaymentPlanStatus.ACTIVE;
        model.addAttribute("plan", p);
        model.addAttribute("asOf", day == null ? "" : day.toString());
        model.addAttribute("mayDecide", pending && approvals.awaits(me, p.missingApprovals()));
        model.addAttribute("mayCancel", day == null && live && (decider || (pending && p.negotiatedBy().equals(me.username()))));
        model.addAttribute("mayUpload", day == null && p.status() != PaymentPlanStatus.CANCELLED && p.status() != PaymentPlanStatus.PENDING_APPROVAL);
        model.addAttribute("signed", documents.signedCopies(id));
        return "negotiation/plan";
    }

    @GetMapping("/payment-plans/{id}/agreement.pdf")
    org.springframework.http.ResponseEntity<byte[]> agreement(@PathVariable long id, Locale locale) {
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"payment-plan-" + id + ".pdf\"")
                .body(documents.pdf(id, locale));
    }

    @PostMapping("/payment-plans/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String note, Locale locale, RedirectAttributes redirect) {
        return act(id, redirect, locale, () -> plans.approve(id, note).status() == PaymentPlanStatus.ACTIVE ? "pplan.approved" : "pplan.approvedWaiting");
    }

    @PostMapping("/payment-plans/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
        return act(id, redirect, locale, () -> {
            plans.reject(id, reason);
            return "pplan.rejected";
        });
    }

    @PostMapping("/payment-plans/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
        return act(id, redirect, locale, () -> {
            plans.cancel(id, reason);
            return "pplan.cancelled";
        });
    }

    @PostMapping("/payment-plans/{id}/signed-agreement")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String signedOn,
            Locale locale, RedirectAttributes redirect) {
        return act(id, redirect, locale, () -> {
            documents.uploadSigned(id, file == null ? null : file.getOriginalFilename(), file == null ? 0 : file.getSize(), () -> file.getBytes(),
                    InputRules.date("signedOn", signedOn));
            return "pplan.uploaded";
        });
    }

    @GetMapping("/payment-plans/policy")
    String policyPage(Model model) {
        CurrentUser.require("see the payment plan policy", Role.COLLECTOR, Role.MANAGER, Role.FINANCE);
        model.addAttribute("policy", policy.settings());
        model.addAttribute("mayEdit", PaymentPlanApi.mayEditPolicy());
        return "negotiation/plan-policy";
    }

    @PostMapping("/payment-plans/policy")
    String savePolicy(@RequestParam(required = false) String minDownPaymentPercent, @RequestParam(required = false) String maxTermMonths,
            @RequestParam(required = false) String maxInstallments, @RequestParam(required = false) String interestAfterMonths, Locale locale,
            RedirectAttributes redirect) {
        CurrentUser.require("change the payment plan policy", Role.MANAGER);
        try {
            FormErrors errors = new FormErrors(messages, locale);
            BigDecimal pct = errors.amount("minDownPaymentPercent", minDownPaymentPercent, true);
            Integer term = errors.integer("maxTermMonths", maxTermMonths);
            Integer count = errors.integer("maxInstallments", maxInstallments);
            Integer after = errors.integer("interestAfterMonths", interestAfterMonths);
            if (errors.any()) {
                redirect.addFlashAttribute("flashError", String.join("; ", errors.all()));
            } else {
                policy.update(pct, term, count, after);
                redirect.addFlashAttribute("flash", messages.getMessage("pplan.policySaved", null, locale));
            }
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", String.join("; ", new FormErrors(messages, locale).addAll(e).all()));
        }
        return "redirect:/payment-plans/policy";
    }

    private interface Action {
        String run();
    }

    private String act(long id, RedirectAttributes redirect, Locale locale, Action action) {
        try {
            redirect.addFlashAttribute("flash", messages.getMessage(action.run(), new Object[] {id}, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", String.join("; ", new FormErrors(messages, locale).addAll(e).all()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("pplan.conflict", new Object[] {e.getMessage()}, locale));
        }
        return "redirect:/payment-plans/" + id;
    }

}
