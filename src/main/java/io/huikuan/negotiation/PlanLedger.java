package io.huikuan.negotiation;

import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.AdjustmentService;
import io.huikuan.ledger.CreditNote;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a plan posts on the ledger, as the system, in the caller's transaction. The agreed interest becomes an invoice
 * {@code PP<id>-INT} (issued on the agreement date, due on the last installment's date) when the plan becomes active: the
 * schedule includes it, so the payments of its part must have an invoice to be allocated to. The waived amount is a
 * condition of the agreement: when the plan is completed it is credited on the plan's invoices and its interest invoice (credit notes
 * {@code PP<id>-W<n>} dated the completion day, in proportion to what each still has open, never above it); a broken plan
 * loses the waiver and the whole balance stays due.
 */
@Component
class PlanLedger {

    private final InvoiceService invoices;
    private final AdjustmentService adjustments;
    private final JdbcClient jdbc;

    PlanLedger(InvoiceService invoices, AdjustmentService adjustments, JdbcClient jdbc) {
        this.invoices = invoices;
        this.adjustments = adjustments;
        this.jdbc = jdbc;
    }

    /** Posts the plan's interest invoice (none without interest); answers its id, or null. */
    Long postInterest(PaymentPlanQueries.Row plan, LocalDate lastDue) {
        if (plan.interest().signum() <= 0) {
            return null;
        }
        String no = interestInvoiceNo(plan.id());
        CurrentUser.runAsSystem(() -> invoices.create(new Invoice(no, plan.customerCode(), null, plan.agreedOn(), lastDue, plan.interest(),
                plan.currency(), null, null, null), "interest agreed in payment plan " + plan.id()));
        long id = jdbc.sql("SELECT id FROM invoice WHERE invoice_no = ?").param(no).query(Long.class).single();
        jdbc.sql("UPDATE payment_plan SET interest_invoice_id = ? WHERE id = ?").params(id, plan.id()).update();
        return id;
    }

    /** Credits the waived amount of a completed plan on {@code on}; answers the amount credited. */
    BigDecimal creditWaiver(PaymentPlanQueries.Row plan, LocalDate on) {
        if (plan.waived().signum() <= 0) {
            return BigDecimal.ZERO;
        }
        Date d = Date.valueOf(on);
        record Open(String invoiceNo, BigDecimal open) {
        }
        List<Open> open = jdbc.sql("""
                SELECT i.invoice_no, b.open_amount FROM invoice i
                JOIN balance_period b ON b.invoice_id = i.id AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?)
                WHERE (i.id IN (SELECT pi.invoice_id FROM payment_plan_invoice pi WHERE pi.plan_id = ?)
                       OR i.id = (SELECT pp.interest_invoice_id FROM payment_plan pp WHERE pp.id = ?))
                  AND b.open_amount > 0 ORDER BY i.due_date, i.invoice_no""")
                .params(d, d, plan.id(), plan.id()).query((rs, n) -> new Open(rs.getString(1), rs.getBigDecimal(2))).list();
        BigDecimal stillOpen = open.stream().map(Open::open).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credit = plan.waived().min(stillOpen);
        if (credit.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        List<BigDecimal> shares = Shares.proportional(credit, open.stream().map(Open::open).toList());
        List<CreditNote> notes = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            if (shares.get(i).signum() > 0) {
                notes.add(new CreditNote("PP" + plan.id() + "-W" + (notes.size() + 1), open.get(i).invoiceNo(), on, shares.get(i),
                        "amount waived in payment plan " + plan.id() + ", completed on " + on));
            }
        }
        CurrentUser.runAsSystem(() -> notes.forEach(adjustments::creditNote));
        return credit;
    }

    static String interestInvoiceNo(long planId) {
        return "PP" + planId + "-INT";
    }
}
