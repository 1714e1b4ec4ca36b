package io.huikuan.negotiation.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.negotiation.NegotiationApprovals;
import io.huikuan.negotiation.PaymentPlan;
import io.huikuan.negotiation.PaymentPlanQueries;
import io.huikuan.negotiation.PaymentPlanStatus;
import io.huikuan.negotiation.PaymentPlans;
import io.huikuan.negotiation.PlanDocuments;
import io.huikuan.negotiation.PlanPolicy;
import io.huikuan.negotiation.PlanRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * The payment plan pages: /payment-plans (the plans and the queue awaiting the user's approval), the plan editor
 * (/payment-plans/new: open invoices to tick, a schedule computed from a few inputs and editable, the policy check live
 * through htmx), the plan's page (schedule and statuses, approvals, approve/reject/cancel, agreement, signed copy) and
 * the policy a manager edits.
 */
@Controller
class PaymentPlanPages {

    private final PaymentPlans plans;
    private final PaymentPlanQueries queries;
    private final PlanPolicy policy;
    private final PlanDocuments documents;
    private final NegotiationApprovals approvals;
    private final CustomerService customers;
    private final MessageSource messages;
    private final Clock clock;

    PaymentPlanPages(PaymentPlans plans, PaymentPlanQueries queries, PlanPolicy policy, PlanDocuments documents, NegotiationApprovals approvals,
            CustomerService customers, MessageSource messages, Clock clock) {
        this.plans = plans;
        this.queries = queries;
        this.policy = policy;
        this.documents = documents;
        this.approvals = approvals;
        this.customers = customers;
        this.messages = messages;
        this.clock = clock;
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

    @GetMapping("/payment-plans/new")
    String editor(@RequestParam String customer, Model model) {
        CurrentUser.require("propose a payment plan", Role.COLLECTOR, Role.MANAGER, Role.FINANCE);
        CustomerRef ref = customers.ref(customer);
        LocalDate today = LocalDate.now(clock);
        editorModel(model, ref, new Form(today.toString(), List.of(), "", "", "", "", "6", today.plusMonths(1).toString(), List.of(), List.of()));
        return "negotiation/plan-editor";
    }

    /** What the editor holds. */
    record Form(String agreedOn, List<String> invoiceNos, String interest, String waived, String note, String downPayment, String count,
            String firstDate, List<String> dueDate, List<String> amount) {

        PlanRequest request(String customer) {
            List<PlanRequest.InstallmentRequest> rows = new ArrayList<>();
            for (int i = 0; i < Math.max(dueDate.size(), amount.size()); i++) {
                String d = i < dueDate.size() ? dueDate.get(i) : null;
                String a = i < amount.size() ? amount.get(i) : null;
                if ((d == null || d.isBlank()) && (a == null || a.isBlank())) {
                    continue;
                }
                rows.add(new PlanRequest.InstallmentRequest(d, a == null ? null : a.replace(",", "").strip()));
            }
            return new PlanRequest(customer, invoiceNos, agreedOn, rows, interest, waived, note);
        }
    }

    private void editorModel(Model model, CustomerRef ref, Form form) {
        LocalDate day = safeDate(form.agreedOn()) == null ? LocalDate.now(clock) : safeDate(form.agreedOn());
        model.addAttribute("customer", ref);
        model.addAttribute("form", form);
        model.addAttribute("openInvoices", queries.openInvoices(ref.id(), day));
        model.addAttribute("policy", policy.settings());
        List<PlanSchedules.Row> rows = new ArrayList<>();
        for (int i = 0; i < form.dueDate().size(); i++) {
            rows.add(new PlanSchedules.Row(safeDate(form.dueDate().get(i)), i < form.amount().size() ? safeAmount(form.amount().get(i)) : null));
        }
        model.addAttribute("rows", rows);
    }

    @PostMapping("/payment-plans/new/schedule")
    String schedule(@RequestParam String customer, Form form, Model model, Locale locale) {
        CustomerRef ref = customers.ref(customer);
        Form f = normalised(form);
        PlanRequest base = f.request(ref.code());
        BigDecimal total = null;
        try {
            PaymentPlans.PlanCheck probe = plans.check(new PlanRequest(ref.code(), base.invoiceNos(), base.agreedOn(),
                    List.of(new PlanRequest.InstallmentRequest(base.agreedOn(), "1.00")), base.interest(), base.waived(), null));
            total = probe.total();
        } catch (ValidationException e) {
            model.addAttribute("errors", new FormErrors(messages, locale).addAll(e).all());
        }
        List<PlanSchedules.Row> rows = List.of();
        if (total != null) {
            LocalDate agreedOn = LocalDate.parse(f.agreedOn().strip());
            int count = parseInt(f.count(), 1);
            rows = PlanSchedules.compute(total, safeAmount(f.downPayment()), Math.min(Math.max(count, 0), 120), agreedOn, safeDate(f.firstDate()));
            Form computed = new Form(f.agreedOn(), f.invoiceNos(), f.interest(), f.waived(), f.note(), f.downPayment(), f.count(), f.firstDate(),
                    rows.stream().map(r -> r.dueDate().toString()).toList(), rows.stream().map(r -> r.amount().toPlainString()).toList());
            check(model, ref, computed, locale);
        }
        model.addAttribute("customer", ref);
        model.addAttribute("rows", rows);
        return "negotiation/plan-editor :: schedule";
    }

    @PostMapping("/payment-plans/new/check")
    String liveCheck(@RequestParam String customer, Form form, Model model, Locale locale) {
        CustomerRef ref = customers.ref(customer);
        check(model, ref, normalised(form), locale);
        return "negotiation/plan-editor :: check";
    }

    private void check(Model model, CustomerRef ref, Form form, Locale locale) {
        try {
            model.addAttribute("check", plans.check(form.request(ref.code())));
        } catch (ValidationException e) {
            model.addAttribute("checkErrors", new FormErrors(messages, locale).addAll(e).all());
        }
    }

    @PostMapping("/payment-plans")
    String propose(@RequestParam String customer, Form form, Model model, Locale locale, RedirectAttributes redirect) {
        CustomerRef ref = customers.ref(customer);
        Form f = normalised(form);
        try {
            PaymentPlan p = plans.propose(f.request(ref.code()));
            redirect.addFlashAttribute("flash", messages.getMessage(p.status() == PaymentPlanStatus.ACTIVE ? "pplan.proposedActive" : "pplan.proposed",
                    new Object[] {p.id()}, locale));
            return "redirect:/payment-plans/" + p.id();
        } catch (ValidationException e) {
            model.addAttribute("errors", new FormErrors(messages, locale).addAll(e).all());
        } catch (ConflictException e) {
            model.addAttribute("errors", List.of(messages.getMessage("pplan.conflict", new Object[] {e.getMessage()}, locale)));
        }
        editorModel(model, ref, f);
        return "negotiation/plan-editor";
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

    private static Form normalised(Form f) {
        return new Form(f.agreedOn(), f.invoiceNos() == null ? List.of() : f.invoiceNos(), f.interest(), f.waived(), f.note(), f.downPayment(),
                f.count(), f.firstDate(), f.dueDate() == null ? List.of() : f.dueDate(), f.amount() == null ? List.of() : f.amount());
    }

    private static LocalDate safeDate(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal safeAmount(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : new BigDecimal(raw.replace(",", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int parseInt(String raw, int fallback) {
        try {
            return raw == null || raw.isBlank() ? fallback : Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
