package io.huikuan.legal.internal;

import io.huikuan.ledger.LateClause;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The invoices of a claim estimate: due date, currency, what was open on the as-of date, and the contract's late clause. */
@Component
public class ClaimQueries {

    /** An invoice of the customer as of a date (open 0 when nothing was open that day). */
    public record ClaimInvoice(String invoiceNo, LocalDate dueDate, String currency, BigDecimal open, LateClause clause, BigDecimal rate) {
    }

    private static final String SELECT = """
            SELECT i.invoice_no, i.due_date, i.currency, COALESCE(b.open_amount, 0), k.late_clause, k.late_rate
            FROM invoice i LEFT JOIN contract k ON k.id = i.contract_id
            LEFT JOIN balance_period b ON b.invoice_id = i.id AND b.valid_from <= :d AND (b.valid_to IS NULL OR b.valid_to > :d)
            WHERE i.customer_id = :c""";

    private final JdbcClient jdbc;

    ClaimQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's invoices named in {@code numbers} (missing ones are absent), by number. */
    public Map<String, ClaimInvoice> byNumber(long customerId, List<String> numbers, LocalDate asOf) {
        Map<String, ClaimInvoice> out = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return out;
        }
        Map<String, Object> params = new HashMap<>(Map.of("c", customerId, "d", Date.valueOf(asOf), "n", numbers));
        jdbc.sql(SELECT + " AND i.invoice_no IN (:n)").params(params).query(ClaimQueries::row).list().forEach(i -> out.put(i.invoiceNo(), i));
        return out;
    }

    /** The customer's invoices open and overdue on {@code asOf}, by due date. */
    public List<ClaimInvoice> overdue(long customerId, LocalDate asOf) {
        return jdbc.sql(SELECT + " AND b.open_amount > 0 AND i.due_date < :d ORDER BY i.due_date, i.invoice_no")
                .params(Map.of("c", customerId, "d", Date.valueOf(asOf))).query(ClaimQueries::row).list();
    }

    private static ClaimInvoice row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String clause = rs.getString(5);
        return new ClaimInvoice(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3).strip(), rs.getBigDecimal(4),
                clause == null ? LateClause.NONE : LateClause.valueOf(clause.strip()), rs.getBigDecimal(6));
    }
}
