package io.huikuan.ledger.web;

import io.huikuan.identity.Role;
import io.huikuan.common.ConflictException;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.common.web.ListLinks;
import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.AdjustmentService;
import io.huikuan.ledger.CreditNote;
import io.huikuan.ledger.DisputeService;
import io.huikuan.ledger.History;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceExpiries;
import io.huikuan.ledger.InvoiceService;
import io.huikuan.ledger.InvoiceView;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.ledger.LedgerQueries.InvoiceFilter;
import io.huikuan.ledger.OverdueCause;
import io.huikuan.ledger.OverdueNature;
import io.huikuan.ledger.WriteOff;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The invoice list, the invoice page (balances, allocations, credit notes, write-offs, cause, history) and its forms. */
@Controller
class InvoicePages {

    record InvoiceForm(String invoiceNo, String customerCode, String contractNo, String issueDate, String dueDate, String amount,
            String currency, String taxInvoiceNo, String taxInvoiceDate, String businessUnit, String reason) {
    }

    record ClassifyForm(String cause, String nature, String reason) {
    }

    record CreditNoteForm(String creditNoteNo, String noteDate, String amount, String reason) {
    }

    record WriteOffForm(String writeOffDate, String amount, String reason) {
    }

    /** The dispute form: opening takes the amount (blank: the whole open amount), category, owner and due-by date too. */
    record DisputeForm(String date, String text, String amount, String category, String owner, String dueBy) {
    }

    private final LedgerQueries queries;
    private final InvoiceService invoices;
    private final AdjustmentService adjustments;
    private final History history;
    private final DisputeService disputes;
    private final HistoryRows historyRows;
    private final MessageSource messages;
    private final Clock clock;
    private final ObjectProvider<InvoiceExpiries> expiries;

    InvoicePages(LedgerQueries queries, InvoiceService invoices, AdjustmentService adjustments, History history, DisputeService disputes,
            HistoryRows historyRows, MessageSource messages, Clock clock, ObjectProvider<InvoiceExpiries> expiries) {
        this.expiries = expiries;
        this.disputes = disputes;
        this.queries = queries;
        this.invoices = invoices;
        this.adjustments = adjustments;
        this.history = history;
        this.historyRows = historyRows;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/invoices")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) String customerCode, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String dueFrom, @RequestParam(required = false) String dueTo,
            @RequestParam(required = false) String limitation, @RequestParam(defaultValue = "dueDate") String sort, @RequestParam(defaultValue = "false") boolean desc,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size, Model model, Locale locale) {
        int pageSize = Math.clamp(size, 5, 200);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate from = errors.date("dueFrom", dueFrom, false);
        LocalDate to = errors.date("dueTo", dueTo, false);
        // open invoices unless the user chose otherwise ("all" shows every invoice)
        String chosen = status == null || status.isBlank() ? "open" : status;
        InvoiceExpiries clocks = expiries.getIfAvailable();
        InvoiceExpiries.Filter byLimitation = null;
        try {
            byLimitation = clocks == null ? null : InvoiceExpiries.Filter.parse(limitation);
        } catch (io.huikuan.common.ValidationException e) {
            errors.addAll(e);
        }
        InvoiceFilter filter = new InvoiceFilter(customerCode, "all".equals(chosen) ? null : chosen, q, from, to, owner, byLimitation);
        Page<InvoiceView> result = queries.invoices(filter, sort, desc, Math.max(page, 0), pageSize);
        if (result.beyondEnd()) {
            result = queries.invoices(filter, sort, desc, result.lastPage(), pageSize); // a page after the last: show the last
        }
        ListLinks links = new ListLinks("/invoices", sort, desc).filter("q", q).filter("status", chosen)
                .filter("customerCode", customerCode).filter("owner", owner).filter("dueFrom", from).filter("dueTo", to)
                .filter("limitation", byLimitation == null ? null : limitation);
        // the limitation column: the clocks of the page's open invoices, one query
        model.addAttribute("showLimitation", clocks != null);
        model.addAttribute("limitation", byLimitation == null ? "" : byLimitation.name().toLowerCase(Locale.ROOT));
        model.addAttribute("limits", clocks == null || result.items().isEmpty() ? java.util.Map.of()
                : clocks.ofInvoices(result.items().stream().map(InvoiceView::invoiceNo).toList(), LocalDate.now(clock)));
        if (pageSize != 25) {
            links.filter("size", pageSize);
        }
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        model.addAttribute("status", chosen);
        model.addAttribute("customerCode", customerCode);
        model.addAttribute("dueFrom", dueFrom);
        model.addAttribute("dueTo", dueTo);
        model.addAttribute("errors", errors);
        model.addAttribute("links", links);
        model.addAttribute("filtered", !"open".equals(chosen) || links.filtered() && (notBlank(q) || notBlank(customerCode)
                || notBlank(owner) || from != null || to != null || byLimitation != null));
        return "ledger/invoices";
    }

    @GetMapping("/invoices/new")
    String newForm(@RequestParam(required = false) String customer, Model model) {
        CurrentUser.require("create invoices", Role.FINANCE, Role.MANAGER); // 403, not a form that cannot be saved
        LocalDate today = LocalDate.now(clock);
        InvoiceForm form = new InvoiceForm("", customer == null ? "" : customer, "", today.toString(), today.plusDays(30).toString(),
                "", "CNY", "", "", "", "");
        return newForm(model, form, FormErrors.none());
    }

    @PostMapping("/invoices")
    String create(@ModelAttribute("form") InvoiceForm form, Model model, Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate issue = errors.date("issueDate", form.issueDate(), true);
        LocalDate due = errors.date("dueDate", form.dueDate(), true);
        LocalDate taxDate = errors.date("taxInvoiceDate", form.taxInvoiceDate(), false);
        BigDecimal amount = errors.amount("amount", form.amount(), true);
        if (errors.any()) {
            return newForm(model, form, errors);
        }
        Invoice invoice = new Invoice(CustomerPages.trim(form.invoiceNo()), CustomerPages.trim(form.customerCode()),
                CustomerPages.blankToNull(form.contractNo()), issue, due, amount, CustomerPages.blankToNull(form.currency()),
                CustomerPages.blankToNull(form.taxInvoiceNo()), taxDate, CustomerPages.blankToNull(form.businessUnit()));
        try {
            InvoiceView created = invoices.create(invoice, form.reason());
            redirect.addFlashAttribute("flash", messages.getMessage("invoice.created", new Object[] {created.invoiceNo()}, locale));
            return "redirect:" + invoiceUrl(created.invoiceNo());
        } catch (ValidationException e) {
            return newForm(model, form, errors.addAll(e));
        } catch (ConflictException e) {
            errors.add(e.field(), e.getMessage());
            return newForm(model, form, errors);
        }
    }

    private String newForm(Model model, InvoiceForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("editing", false);
        return "ledger/invoice-new";
    }

    @GetMapping("/invoices/{invoiceNo}/edit")
    String editForm(@PathVariable String invoiceNo, Model model) {
        CurrentUser.require("change invoices", Role.FINANCE, Role.MANAGER);
        InvoiceView v = invoices.get(invoiceNo);
        InvoiceForm form = new InvoiceForm(v.invoiceNo(), v.customerCode(), v.contractNo() == null ? "" : v.contractNo(),
                v.issueDate().toString(), v.dueDate().toString(), v.amount().toPlainString(), v.currency(),
                v.taxInvoiceNo() == null ? "" : v.taxInvoiceNo(), v.taxInvoiceDate() == null ? "" : v.taxInvoiceDate().toString(),
                v.businessUnit() == null ? "" : v.businessUnit(), "");
        return editForm(model, form, FormErrors.none());
    }

    @PostMapping("/invoices/{invoiceNo}")
    String update(@PathVariable String invoiceNo, @ModelAttribute("form") InvoiceForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        invoices.get(invoiceNo);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate issue = errors.date("issueDate", form.issueDate(), true);
        LocalDate due = errors.date("dueDate", form.dueDate(), true);
        LocalDate taxDate = errors.date("taxInvoiceDate", form.taxInvoiceDate(), false);
        BigDecimal amount = errors.amount("amount", form.amount(), true);
        InvoiceForm shown = new InvoiceForm(invoiceNo, form.customerCode(), form.contractNo(), form.issueDate(), form.dueDate(),
                form.amount(), form.currency(), form.taxInvoiceNo(), form.taxInvoiceDate(), form.businessUnit(), form.reason());
        if (errors.any()) {
            return editForm(model, shown, errors);
        }
        Invoice invoice = new Invoice(invoiceNo, CustomerPages.trim(form.customerCode()), CustomerPages.blankToNull(form.contractNo()),
                issue, due, amount, CustomerPages.blankToNull(form.currency()), CustomerPages.blankToNull(form.taxInvoiceNo()), taxDate,
                CustomerPages.blankToNull(form.businessUnit()));
        try {
            invoices.update(invoiceNo, invoice, form.reason());
            redirect.addFlashAttribute("flash", messages.getMessage("invoice.updated", new Object[] {invoiceNo}, locale));
            return "redirect:" + invoiceUrl(invoiceNo);
        } catch (ValidationException e) {
            return editForm(model, shown, errors.addAll(e));
        }
    }

    private String editForm(Model model, InvoiceForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("editing", true);
        return "ledger/invoice-new";
    }

    @PostMapping("/invoices/{invoiceNo}/delete")
    String delete(@PathVariable String invoiceNo, @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
        InvoiceView v = invoices.get(invoiceNo);
        try {
            invoices.delete(invoiceNo, reason);
            redirect.addFlashAttribute("flash", messages.getMessage("invoice.deleted", new Object[] {invoiceNo}, locale));
            return "redirect:/customers/" + UriUtils.encodePathSegment(v.customerCode(), StandardCharsets.UTF_8);
        } catch (ValidationException | ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("invoice.notDeleted", new Object[] {e.getMessage()}, locale));
            return "redirect:" + invoiceUrl(invoiceNo);
        }
    }

    @GetMapping("/invoices/{invoiceNo}")
    String show(@PathVariable String invoiceNo, Model model) {
        return render(invoiceNo, model);
    }

    @PostMapping("/invoices/{invoiceNo}/classification")
    String classify(@PathVariable String invoiceNo, @ModelAttribute ClassifyForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        OverdueCause cause = CustomerPages.parseEnum(OverdueCause.class, form.cause(), "cause", errors, false);
        OverdueNature nature = CustomerPages.parseEnum(OverdueNature.class, form.nature(), "nature", errors, false);
        if (!errors.any()) {
            try {
                invoices.classify(invoiceNo, cause, nature, form.reason());
                redirect.addFlashAttribute("flash", messages.getMessage("invoice.classified", null, locale));
                return "redirect:" + invoiceUrl(invoiceNo);
            } catch (ValidationException e) {
                errors.addAll(e);
            }
        }
        model.addAttribute("classifyForm", form);
        model.addAttribute("classifyErrors", errors);
        return render(invoiceNo, model);
    }

    @PostMapping("/invoices/{invoiceNo}/disputes")
    String openDispute(@PathVariable String invoiceNo, @ModelAttribute DisputeForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        return dispute(invoiceNo, form, model, locale, redirect, true);
    }

    @PostMapping("/invoices/{invoiceNo}/disputes/resolve")
    String resolveDispute(@PathVariable String invoiceNo, @ModelAttribute DisputeForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        return dispute(invoiceNo, form, model, locale, redirect, false);
    }

    private String dispute(String invoiceNo, DisputeForm form, Model model, Locale locale, RedirectAttributes redirect, boolean open) {
        invoices.get(invoiceNo);
        FormErrors errors = new FormErrors(messages, locale);
        String field = open ? "openedOn" : "resolvedOn";
        LocalDate date = errors.date(field, form.date(), false);
        BigDecimal amount = open ? errors.amount("amount", form.amount(), false) : null;
        LocalDate dueBy = open ? errors.date("dueBy", form.dueBy(), false) : null;
        if (!errors.any()) {
            try {
                if (open) {
                    disputes.open(invoiceNo, new DisputeService.NewDispute(date, form.text(), amount, form.category(), form.owner(), null, dueBy));
                } else {
                    disputes.resolve(invoiceNo, date, form.text());
                }
                redirect.addFlashAttribute("flash", messages.getMessage(open ? "dispute.opened" : "dispute.resolved", null, locale));
                return "redirect:" + invoiceUrl(invoiceNo);
            } catch (ValidationException e) {
                errors.addAll(e);
            } catch (ConflictException e) {
                errors.add(e.field(), e.getMessage());
            }
        }
        model.addAttribute("disputeForm", form);
        model.addAttribute("disputeErrors", errors);
        return render(invoiceNo, model);
    }

    @PostMapping("/invoices/{invoiceNo}/credit-notes")
    String creditNote(@PathVariable String invoiceNo, @ModelAttribute CreditNoteForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        invoices.get(invoiceNo);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = errors.date("noteDate", form.noteDate(), true);
        BigDecimal amount = errors.amount("amount", form.amount(), true);
        if (!errors.any()) {
            try {
                adjustments.creditNote(new CreditNote(CustomerPages.trim(form.creditNoteNo()), invoiceNo, date, amount,
                        CustomerPages.trim(form.reason())));
                redirect.addFlashAttribute("flash", messages.getMessage("creditNote.created", null, locale));
                return "redirect:" + invoiceUrl(invoiceNo);
            } catch (ValidationException e) {
                errors.addAll(e);
            } catch (ConflictException e) {
                errors.add(e.field(), e.getMessage());
            }
        }
        model.addAttribute("creditNoteForm", form);
        model.addAttribute("creditNoteErrors", errors);
        return render(invoiceNo, model);
    }

    @PostMapping("/invoices/{invoiceNo}/write-offs")
    String writeOff(@PathVariable String invoiceNo, @ModelAttribute WriteOffForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        invoices.get(invoiceNo);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = errors.date("writeOffDate", form.writeOffDate(), true);
        BigDecimal amount = errors.amount("amount", form.amount(), true);
        if (!errors.any()) {
            try {
                adjustments.writeOff(new WriteOff(null, invoiceNo, date, amount, CustomerPages.trim(form.reason()), null));
                redirect.addFlashAttribute("flash", messages.getMessage("writeOff.created", null, locale));
                return "redirect:" + invoiceUrl(invoiceNo);
            } catch (ValidationException e) {
                errors.addAll(e);
            } catch (AccessDeniedException e) {
                // the form is not shown to others; say so at the top of the page
                model.addAttribute("flashError", messages.getMessage("writeOff.managersOnly", null, locale));
                return render(invoiceNo, model);
            }
        }
        model.addAttribute("writeOffForm", form);
        model.addAttribute("writeOffErrors", errors);
        return render(invoiceNo, model);
    }

    private String render(String invoiceNo, Model model) {
        InvoiceView invoice = invoices.get(invoiceNo);
        String today = LocalDate.now(clock).toString();
        model.addAttribute("invoice", invoice);
        model.addAttribute("allocations", queries.allocationsOfInvoice(invoiceNo));
        model.addAttribute("creditNotes", adjustments.creditNotes(invoiceNo));
        List<io.huikuan.ledger.Dispute> disputeList = disputes.list(invoiceNo);
        model.addAttribute("disputes", disputeList);
        model.addAttribute("openDispute", disputeList.stream().filter(io.huikuan.ledger.Dispute::open).findFirst().orElse(null));
        if (!model.containsAttribute("disputeForm")) {
            model.addAttribute("disputeForm", new DisputeForm(LocalDate.now(clock).toString(), "", "", "", "", ""));
            model.addAttribute("disputeErrors", FormErrors.none());
        }
        model.addAttribute("writeOffs", adjustments.writeOffs(invoiceNo));
        model.addAttribute("history", historyRows.rows(history.forEntities(invoiceNo, "INVOICE", "DISPUTE")).reversed());
        model.addAttribute("causes", OverdueCause.values());
        model.addAttribute("natures", OverdueNature.values());
        model.addAttribute("mayWriteOff", CurrentUser.get().isManager());
        if (!model.containsAttribute("classifyForm")) {
            model.addAttribute("classifyForm", new ClassifyForm(invoice.overdueCause() == null ? "" : invoice.overdueCause().name(),
                    invoice.overdueNature() == null ? "" : invoice.overdueNature().name(), ""));
            model.addAttribute("classifyErrors", FormErrors.none());
        }
        if (!model.containsAttribute("creditNoteForm")) {
            model.addAttribute("creditNoteForm", new CreditNoteForm("", today, "", ""));
            model.addAttribute("creditNoteErrors", FormErrors.none());
        }
        if (!model.containsAttribute("writeOffForm")) {
            model.addAttribute("writeOffForm", new WriteOffForm(today, "", ""));
            model.addAttribute("writeOffErrors", FormErrors.none());
        }
        return "ledger/invoice";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static String invoiceUrl(String invoiceNo) {
        return "/invoices/" + UriUtils.encodePathSegment(invoiceNo, StandardCharsets.UTF_8);
    }
}
