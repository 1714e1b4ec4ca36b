package io.huikuan.negotiation.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.negotiation.PaymentPlan;
import io.huikuan.negotiation.PaymentPlanQueries;
import io.huikuan.negotiation.PaymentPlanStatus;
import io.huikuan.negotiation.PaymentPlans;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plan editor (/payment-plans/new?customer=CODE): the customer's open invoices to tick, a schedule computed
 * server-side from a down payment, a number of monthly installments and a first date (htmx), editable row by row, the
 * policy check re-run on every change (htmx), and the proposal.
 */
@Controller
class PlanEditorPages {

    private final PaymentPlans plans;
    private final PaymentPlanQueries queries;
    private final PlanPolicy policy;
    private final CustomerService customers;
    private final MessageSource messages;
    private final Clock clock;

    PlanEditorPages(PaymentPlans plans, PaymentPlanQueries queries, PlanPolicy policy, CustomerService customers, MessageSource messages,
            Clock clock) {
        this.plans = plans;
        this.queries = queries;
        this.policy = policy;
        this.customers = customers;
        this.messages = messages;
        this.clock = clock;
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
