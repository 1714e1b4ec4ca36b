package io.huikuan.ledger.web;

import io.huikuan.identity.Role;
import io.huikuan.identity.CurrentUser;
import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.common.web.ListLinks;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.ledger.History;
import io.huikuan.ledger.InvoiceView;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.ledger.LedgerQueries.CustomerFilter;
import io.huikuan.ledger.LedgerQueries.PaymentFilter;
import io.huikuan.ledger.LedgerQueries.PaymentRow;
import io.huikuan.ledger.Payment;
import io.huikuan.ledger.Payment.Allocation;
import io.huikuan.ledger.PaymentMethod;
import io.huikuan.ledger.PaymentService;
import io.huikuan.ledger.PaymentService.PaymentRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The payment list, payment posting with automatic (oldest due first) or manual allocation, and the
 * payment page with its allocations and unapplied cash.
 */
@Controller
class PaymentPages {

    /** The posting form. {@code allocation}: auto, manual or none; manual amounts come per invoice. */
    record PaymentForm(String paymentRef, String customerCode, String paymentDate, String amount, String method, String note,
            String allocation, List<String> allocInvoice, List<String> allocAmount) {

        /** The typed manual amount of an invoice (to refill the form). */
        public String amountFor(String invoiceNo) {
            if (allocInvoice == null || allocAmount == null) {
                return "";
            }
            int i = allocInvoice.indexOf(invoiceNo);
            return i >= 0 && i < allocAmount.size() && allocAmount.get(i) != null ? allocAmount.get(i) : "";
        }
    }

    private final LedgerQueries queries;
    private final PaymentService payments;
    private final CustomerService customers;
    private final History history;
    private final HistoryRows historyRows;
    private final MessageSource messages;
    private final Clock clock;

    PaymentPages(LedgerQueries queries, PaymentService payments, CustomerService customers, History history, HistoryRows historyRows,
            MessageSource messages, Clock clock) {
        this.queries = queries;
        this.payments = payments;
        this.customers = customers;
        this.history = history;
        this.historyRows = historyRows;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/payments")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String customerCode,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "false") boolean unappliedOnly, @RequestParam(defaultValue = "paymentDate") String sort,
            @RequestParam(defaultValue = "true") boolean desc, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size, Model model, Locale locale) {
        int pageSize = Math.clamp(size, 5, 200);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate fromDate = errors.date("from", from, false);
        LocalDate toDate = errors.date("to", to, false);
        Page<PaymentRow> result = queries.payments(new PaymentFilter(customerCode, q, fromDate, toDate, unappliedOnly), sort, desc,
                Math.max(page, 0), pageSize);
        if (result.beyondEnd()) {
            // an address with a page after the last (old bookmark, edited URL): the last page, never "page 100,000 of 9"
            result = queries.payments(new PaymentFilter(customerCode, q, fromDate, toDate, unappliedOnly), sort, desc, result.lastPage(), pageSize);
        }
        ListLinks links = new ListLinks("/payments", sort, desc).filter("q", q).filter("customerCode", customerCode)
                .filter("from", fromDate).filter("to", toDate).filter("unappliedOnly", unappliedOnly);
        if (pageSize != 25) {
            links.filter("size", pageSize);
        }
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        model.addAttribute("customerCode", customerCode);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("unappliedOnly", unappliedOnly);
        model.addAttribute("errors", errors);
        model.addAttribute("links", links);
        return "ledger/payments";
    }

    @GetMapping("/payments/new")
    String newForm(@RequestParam(required = false) String customer, Model model) {
        CurrentUser.require("post payments", Role.FINANCE, Role.MANAGER); // 403, not a form that cannot be saved
        PaymentForm form = new PaymentForm("", customer == null ? "" : customer, LocalDate.now(clock).toString(), "",
                PaymentMethod.BANK_TRANSFER.name(), "", "auto", List.of(), List.of());
        return newForm(model, form, FormErrors.none());
    }

    /** The htmx fragment: the chosen customer's open invoices, each with an amount input. */
    @GetMapping("/payments/open-invoices")
    String openInvoices(@RequestParam(required = false) String customerCode, Model model) {
        addOpenInvoices(model, customerCode);
        model.addAttribute("form", new PaymentForm("", customerCode, "", "", "", "", "manual", List.of(), List.of()));
        return "ledger/payment-open-invoices :: openInvoices";
    }

    @PostMapping("/payments")
    String post(@ModelAttribute("form") PaymentForm form, Model model, Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = errors.date("paymentDate", form.paymentDate(), true);
        BigDecimal amount = errors.amount("amount", form.amount(), true);
        PaymentMethod method = CustomerPages.parseEnum(PaymentMethod.class, form.method(), "method", errors, true);
        String mode = form.allocation() == null ? "auto" : form.allocation();
        List<Allocation> allocations = new ArrayList<>();
        if ("manual".equals(mode)) {
            allocations = manualAllocations(form, errors);
            if (!errors.any() && allocations.isEmpty()) {
                errors.addCode("allocations", "payment.allocation.noneEntered");
            }
        }
        if (errors.any()) {
            return newForm(model, form, errors);
        }
        PaymentRequest request = new PaymentRequest(CustomerPages.trim(form.paymentRef()), CustomerPages.trim(form.customerCode()), date,
                amount, null, method, CustomerPages.blankToNull(form.note()), allocations, "auto".equals(mode));
        try {
            Payment posted = payments.post(request, null);
            redirect.addFlashAttribute("flash", messages.getMessage("payment.posted",
                    new Object[] {posted.paymentRef(), posted.unapplied().toPlainString()}, locale));
            // accepted, but a date after today is most likely a typo: say so (issue 12, item 13)
            io.huikuan.ledger.PaymentWarnings.of(posted.paymentDate(), LocalDate.now(clock)).stream().findFirst().ifPresent(w ->
                    redirect.addFlashAttribute("flashWarning", messages.getMessage("warning." + w.code(), w.args().toArray(), w.message(), locale)));
            return "redirect:" + paymentUrl(posted.paymentRef());
        } catch (ValidationException e) {
            // an over-allocated invoice is marked at its own amount input
            List<String> shown = form.allocInvoice() == null ? List.of() : form.allocInvoice();
            for (ValidationException.FieldError f : e.errors()) {
                boolean atInvoice = "allocations".equals(f.field()) && f.value() instanceof String no && shown.contains(no);
                errors.add(atInvoice ? "alloc." + f.value() : f.field(), errors.text(f));
            }
            return newForm(model, form, errors);
        } catch (ConflictException e) {
            errors.add(e.field(), e.getMessage());
            return newForm(model, form, errors);
        }
    }

    private List<Allocation> manualAllocations(PaymentForm form, FormErrors errors) {
        Map<String, BigDecimal> wanted = new LinkedHashMap<>();
        List<String> invoiceNos = form.allocInvoice() == null ? List.of() : form.allocInvoice();
        List<String> amounts = form.allocAmount() == null ? List.of() : form.allocAmount();
        for (int i = 0; i < invoiceNos.size(); i++) {
            String raw = i < amounts.size() ? amounts.get(i) : null;
            BigDecimal value = errors.amount("alloc." + invoiceNos.get(i), raw, false);
            if (value != null && value.signum() != 0) {
                wanted.merge(invoiceNos.get(i), value, BigDecimal::add);
            }
        }
        return wanted.entrySet().stream().map(e -> new Allocation(e.getKey(), e.getValue())).toList();
    }

    private String newForm(Model model, PaymentForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("methods", PaymentMethod.values());
        model.addAttribute("customerChoices",
                queries.customers(new CustomerFilter(null, null, null, null, null, null, false), "code", false, 0, 1000).items());
        addOpenInvoices(model, form.customerCode());
        return "ledger/payment-new";
    }

    private void addOpenInvoices(Model model, String customerCode) {
        List<InvoiceView> open = List.of();
        CustomerRef customer = null;
        boolean unknown = false;
        if (customerCode != null && !customerCode.isBlank()) {
            try {
                customer = customers.ref(customerCode.trim());
                open = queries.openInvoices(customer.id());
            } catch (NotFoundException e) {
                unknown = true;
            }
        }
        model.addAttribute("chosenCustomer", customer);
        model.addAttribute("unknownCustomer", unknown);
        model.addAttribute("openInvoices", open);
        model.addAttribute("openTotal", open.stream().map(InvoiceView::open).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @GetMapping("/payments/{paymentRef}")
    String show(@PathVariable String paymentRef, Model model) {
        Payment payment = payments.get(paymentRef);
        CustomerRef customer = customers.ref(payment.customerCode());
        model.addAttribute("payment", payment);
        model.addAttribute("customer", customer);
        model.addAttribute("customerOpen", queries.openInvoices(customer.id()).stream().map(InvoiceView::open)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        List<io.huikuan.ledger.HistoryEntry> entries = new ArrayList<>(history.forEntity("PAYMENT", paymentRef));
        entries.addAll(history.forEntity("ALLOCATION", paymentRef));
        entries.sort(java.util.Comparator.comparingLong(io.huikuan.ledger.HistoryEntry::id).reversed());
        model.addAttribute("history", historyRows.rows(entries));
        return "ledger/payment";
    }

    /** Applies what is still unapplied to the customer's open invoices, oldest due first. */
    @PostMapping("/payments/{paymentRef}/auto-allocation")
    String autoAllocate(@PathVariable String paymentRef, Locale locale, RedirectAttributes redirect) {
        Payment before = payments.get(paymentRef);
        Payment after = payments.autoAllocate(paymentRef, null);
        BigDecimal applied = before.unapplied().subtract(after.unapplied());
        redirect.addFlashAttribute("flash", messages.getMessage("payment.autoAllocated", new Object[] {applied.toPlainString()}, locale));
        return "redirect:" + paymentUrl(paymentRef);
    }

    /** Takes back the allocation of this payment to one invoice (the cash becomes unapplied). */
    @PostMapping("/payments/{paymentRef}/allocations/{invoiceNo}/delete")
    String unallocate(@PathVariable String paymentRef, @PathVariable String invoiceNo, @RequestParam(required = false) String reason,
            Locale locale, RedirectAttributes redirect) {
        try {
            payments.unallocate(paymentRef, invoiceNo, reason);
            redirect.addFlashAttribute("flash", messages.getMessage("payment.unallocated", new Object[] {invoiceNo}, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:" + paymentUrl(paymentRef);
    }

    /** Deletes a payment entered by mistake, with its allocations (reason required, kept in the history). */
    @PostMapping("/payments/{paymentRef}/delete")
    String delete(@PathVariable String paymentRef, @RequestParam(required = false) String reason, Locale locale,
            RedirectAttributes redirect) {
        Payment payment = payments.get(paymentRef);
        try {
            payments.delete(paymentRef, reason);
            redirect.addFlashAttribute("flash", messages.getMessage("payment.deleted", new Object[] {paymentRef}, locale));
            return "redirect:/customers/" + UriUtils.encodePathSegment(payment.customerCode(), StandardCharsets.UTF_8);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("payment.notDeleted", new Object[] {e.getMessage()}, locale));
            return "redirect:" + paymentUrl(paymentRef);
        }
    }

    static String paymentUrl(String paymentRef) {
        return "/payments/" + UriUtils.encodePathSegment(paymentRef, StandardCharsets.UTF_8);
    }
}
