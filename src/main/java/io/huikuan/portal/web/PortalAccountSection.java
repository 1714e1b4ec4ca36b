package io.huikuan.portal.web;

import io.huikuan.correspondence.TemplateData;
import io.huikuan.correspondence.TemplateDataBuilder;
import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.InvoiceView;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.portal.PortalVisitor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The debtor's account section of the start page (issue 16, part B): the late interest the contract allows per open
 * overdue invoice (none shown without a contract clause), the invoices paid in the last 12 months, and the form that
 * downloads a statement PDF for a period. Read as the system for the visitor's customer only.
 */
@ControllerAdvice(assignableTypes = PortalPages.class)
class PortalAccountSection {

    /** An overdue invoice with the late interest its contract allows to date. */
    record Interest(String number, BigDecimal open, long daysOverdue, BigDecimal interest, String currency) {
    }

    /** An invoice paid in full, with the day of its last payment. */
    record Paid(String number, LocalDate dueDate, BigDecimal amount, String currency, LocalDate paidOn) {
    }

    private final TemplateDataBuilder data;
    private final LedgerQueries ledger;
    private final Clock clock;

    PortalAccountSection(TemplateDataBuilder data, LedgerQueries ledger, Clock clock) {
        this.data = data;
        this.ledger = ledger;
        this.clock = clock;
    }

    @ModelAttribute
    void account(PortalVisitor visitor, Model model) {
        LocalDate today = LocalDate.now(clock);
        TemplateData d = CurrentUser.asSystem(() -> data.forCustomer(visitor.customerCode(), today));
        List<Interest> interest = d.invoices().stream().filter(r -> r.interest() != null && r.interest().signum() > 0)
                .map(r -> new Interest(r.number(), r.open(), r.daysOverdue(), r.interest(), r.currency())).toList();
        LocalDate since = today.minusMonths(12);
        List<Paid> paid = new ArrayList<>();
        CurrentUser.runAsSystem(() -> {
            for (InvoiceView i : ledger.invoices(new LedgerQueries.InvoiceFilter(visitor.customerCode(), "paid", null, null, null, null),
                    "due", true, 0, 200).items()) {
                ledger.allocationsOfInvoice(i.invoiceNo()).stream().map(LedgerQueries.InvoiceAllocation::paymentDate)
                        .max(Comparator.naturalOrder()).filter(on -> !on.isBefore(since))
                        .ifPresent(on -> paid.add(new Paid(i.invoiceNo(), i.dueDate(), i.amount(), i.currency(), on)));
            }
        });
        paid.sort(Comparator.comparing(Paid::paidOn).reversed().thenComparing(Paid::number));
        model.addAttribute("lateInterest", interest);
        model.addAttribute("paidInvoices", paid);
        model.addAttribute("statementFrom", since);
        model.addAttribute("statementTo", today);
    }
}
