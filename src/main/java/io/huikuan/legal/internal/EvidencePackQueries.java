package io.huikuan.legal.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger and activity facts of an evidence pack, as of a date: only what is dated on or before it (invoices issued,
 * payments received, credit notes and write-offs dated, activities that happened by the end of that day).
 */
@Component
public class EvidencePackQueries {

    /** An invoice as of the pack's date: paid = payments allocated, open = what was still owed that day. */
    public record InvoiceRow(String invoiceNo, LocalDate issueDate, LocalDate dueDate, String currency, BigDecimal amount, BigDecimal paid,
            BigDecimal credited, BigDecimal writtenOff, BigDecimal open, String contractNo, String taxInvoiceNo) {
    }

    /** A payment and one of its allocations (invoiceNo null: the unapplied rest). */
    public record PaymentRow(String paymentRef, LocalDate paymentDate, String currency, BigDecimal amount, String method, String note,
            String invoiceNo, BigDecimal allocated) {
    }

    /** An activity on the customer. */
    public record ActivityRow(Instant occurredAt, String channel, String direction, String outcome, String notes, String contact,
            String recordedBy) {
    }

    private final JdbcClient jdbc;

    EvidencePackQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's invoice numbers among {@code numbers} (to report the others). */
    public Set<String> ownInvoices(long customerId, Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT invoice_no FROM invoice WHERE customer_id = :c AND invoice_no IN (:n)")
                .params(Map.of("c", customerId, "n", numbers)).query(String.class).list());
    }

    /** The customer's invoices issued on or before {@code asOf} (only {@code numbers} when not empty), by due date. */
    public List<InvoiceRow> invoices(long customerId, LocalDate asOf, Collection<String> numbers) {
        String filter = numbers.isEmpty() ? "" : " AND i.invoice_no IN (:n)";
        Map<String, Object> params = new java.util.HashMap<>(Map.of("c", customerId, "d", Date.valueOf(asOf)));
        if (!numbers.isEmpty()) {
            params.put("n", numbers);
        }
        return jdbc.sql("""
                SELECT i.invoice_no, i.issue_date, i.due_date, i.currency, i.amount,
                       COALESCE((SELECT SUM(a.amount) FROM allocation a JOIN payment p ON p.id = a.payment_id
                                 WHERE a.invoice_id = i.id AND p.payment_date <= :d), 0),
                       COALESCE((SELECT SUM(n.amount) FROM credit_note n WHERE n.invoice_id = i.id AND n.note_date <= :d), 0),
                       COALESCE((SELECT SUM(w.amount) FROM write_off w WHERE w.invoice_id = i.id AND w.write_off_date <= :d), 0),
                       COALESCE((SELECT b.open_amount FROM balance_period b WHERE b.invoice_id = i.id AND b.valid_from <= :d
                                 AND (b.valid_to IS NULL OR b.valid_to > :d)), 0),
                       k.contract_no, i.tax_invoice_no
                FROM invoice i LEFT JOIN contract k ON k.id = i.contract_id
                WHERE i.customer_id = :c AND i.issue_date <= :d""" + filter + " ORDER BY i.due_date, i.invoice_no")
                .params(params)
                .query((rs, n) -> new InvoiceRow(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), rs.getString(4).strip(),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10),
                        rs.getString(11)))
                .list();
    }

    /**
     * The customer's payments dated on or before {@code asOf}, one row per allocation and one for an unapplied rest; with
     * {@code numbers} not empty only the allocations to those invoices.
     */
    public List<PaymentRow> payments(long customerId, LocalDate asOf, Collection<String> numbers) {
        Map<String, Object> params = new java.util.HashMap<>(Map.of("c", customerId, "d", Date.valueOf(asOf)));
        String allocations = """
                SELECT p.payment_ref, p.payment_date, p.currency, p.amount, p.method, p.note, i.invoice_no, a.amount AS allocated, p.id
                FROM payment p JOIN allocation a ON a.payment_id = p.id JOIN invoice i ON i.id = a.invoice_id
                WHERE p.customer_id = :c AND p.payment_date <= :d""";
        String sql;
        if (numbers.isEmpty()) {
            sql = allocations + """

                    UNION ALL
                    SELECT p.payment_ref, p.payment_date, p.currency, p.amount, p.method, p.note, NULL,
                           p.amount - COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.payment_id = p.id), 0), p.id
                    FROM payment p WHERE p.customer_id = :c AND p.payment_date <= :d
                      AND p.amount > COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.payment_id = p.id), 0)""";
        } else {
            sql = allocations + " AND i.invoice_no IN (:n)";
            params.put("n", numbers);
        }
        return jdbc.sql("SELECT * FROM (" + sql + ") x ORDER BY 2, 9, 7").params(params)
                .query((rs, n) -> new PaymentRow(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3).strip(), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8)))
                .list();
    }

    /** The customer's activities that happened before {@code until}, oldest first. */
    public List<ActivityRow> activities(long customerId, Instant until) {
        return jdbc.sql("""
                SELECT a.occurred_at, a.channel, a.direction, a.outcome, a.notes, c.name, a.recorded_by
                FROM activity a LEFT JOIN contact c ON c.id = a.contact_id
                WHERE a.customer_id = ? AND a.occurred_at < ? ORDER BY a.occurred_at, a.id""")
                .params(customerId, Timestamp.from(until))
                .query((rs, n) -> new ActivityRow(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)))
                .list();
    }
}
