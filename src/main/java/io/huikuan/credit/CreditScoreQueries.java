package io.huikuan.credit;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts of every customer's score as of a date in one statement: one grouped pass each over the settlements of
 * the last 12 months, the balance periods open at the date, the first invoices, the promises settled and the disputes
 * raised in the last 12 months, joined to the customers by id. No date arithmetic in SQL: the window starts are bound.
 */
@Component
public class CreditScoreQueries {

    /** A customer's identity and the facts of its score. */
    public record Row(long customerId, String code, String owner, CreditFigures figures) {
    }

    private static final String SQL = """
            SELECT c.id, c.code, c.owner, c.credit_limit,
                   s.n, s.n_late, s.w_n, s.w_late, s.amt, s.late_amt, s.amt_days, s.w_amt, s.w_amt_days, s.r_amt, s.r_amt_days,
                   o.open_amt, o.overdue_amt, o.oldest_due, f.first_issue, p.broken, p.partly, d.disputes
            FROM customer c
            LEFT JOIN (SELECT customer_id, count(*) n, sum(CASE WHEN days_late > 0 THEN 1 ELSE 0 END) n_late,
                              sum(CASE WHEN settled_on > :r0 THEN 2 ELSE 1 END) w_n,
                              sum(CASE WHEN days_late > 0 THEN CASE WHEN settled_on > :r0 THEN 2 ELSE 1 END ELSE 0 END) w_late,
                              sum(amount) amt, sum(CASE WHEN days_late > 0 THEN amount ELSE 0 END) late_amt, sum(amount * days_late) amt_days,
                              sum(CASE WHEN settled_on > :r0 THEN 2 * amount ELSE amount END) w_amt,
                              sum(CASE WHEN settled_on > :r0 THEN 2 * amount * days_late ELSE amount * days_late END) w_amt_days,
                              sum(CASE WHEN settled_on > :r0 THEN amount ELSE 0 END) r_amt,
                              sum(CASE WHEN settled_on > :r0 THEN amount * days_late ELSE 0 END) r_amt_days
                       FROM %1$s WHERE settled_on > :y0 AND settled_on <= :asOf GROUP BY customer_id) s ON s.customer_id = c.id
            LEFT JOIN (SELECT customer_id, sum(open_amount) open_amt, sum(CASE WHEN due_date < :asOf THEN open_amount ELSE 0 END) overdue_amt,
                              min(CASE WHEN due_date < :asOf THEN due_date END) oldest_due
                       FROM %2$s WHERE valid_from <= :asOf AND (valid_to IS NULL OR valid_to > :asOf)
                       GROUP BY customer_id) o ON o.customer_id = c.id
            LEFT JOIN (SELECT customer_id, min(issue_date) first_issue FROM invoice WHERE issue_date <= :asOf%3$s GROUP BY customer_id) f
                   ON f.customer_id = c.id
            LEFT JOIN (SELECT customer_id, sum(CASE WHEN status = 'BROKEN' THEN 1 ELSE 0 END) broken,
                              sum(CASE WHEN status = 'PARTLY_KEPT' THEN 1 ELSE 0 END) partly
                       FROM promise WHERE status IN ('BROKEN', 'PARTLY_KEPT') AND settled_on > :y0 AND settled_on <= :asOf%3$s
                       GROUP BY customer_id) p ON p.customer_id = c.id
            LEFT JOIN (SELECT i.customer_id, count(*) disputes FROM invoice_dispute x JOIN invoice i ON i.id = x.invoice_id
                       WHERE x.opened_on > :y0 AND x.opened_on <= :asOf%4$s GROUP BY i.customer_id) d ON d.customer_id = c.id%5$s
            """;

    /** Every customer: each source scanned once. */
    private static final String ALL = SQL.formatted("invoice_settlement", "balance_period", "", "", "");

    /**
     * Some customers (:ids): each source reached through the customers' invoices (by index) instead of scanned, as
     * neither the settlements nor the balance periods are indexed by customer.
     */
    private static final String SOME = SQL.formatted(
            "(SELECT x.customer_id, x.amount, x.days_late, x.settled_on FROM invoice_settlement x JOIN invoice i ON i.id = x.invoice_id "
                    + "WHERE i.customer_id IN (:ids)) st",
            "(SELECT x.customer_id, x.open_amount, x.due_date, x.valid_from, x.valid_to FROM balance_period x JOIN invoice i ON i.id = x.invoice_id "
                    + "WHERE i.customer_id IN (:ids)) bp",
            " AND customer_id IN (:ids)", " AND i.customer_id IN (:ids)", " WHERE c.id IN (:ids)");

    private final JdbcClient jdbc;

    CreditScoreQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every customer's facts as of {@code asOf}, streamed to {@code each} in no particular order. */
    public void all(LocalDate asOf, Consumer<Row> each) {
        JdbcClient.StatementSpec sql = bind(jdbc.sql(ALL), asOf);
        sql.query((RowCallbackHandler) rs -> each.accept(row(rs)));
    }

    /** The facts of the customers with these ids as of {@code asOf}. */
    public List<Row> of(LocalDate asOf, List<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return bind(jdbc.sql(SOME), asOf).param("ids", customerIds).query((rs, n) -> row(rs)).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, LocalDate asOf) {
        return sql.param("asOf", Date.valueOf(asOf)).param("y0", Date.valueOf(asOf.minusDays(365))).param("r0", Date.valueOf(asOf.minusDays(91)));
    }

    private static Row row(ResultSet rs) throws SQLException {
        CreditFigures f = new CreditFigures(rs.getLong("n"), rs.getLong("n_late"), rs.getLong("w_n"), rs.getLong("w_late"), dec(rs, "amt"),
                dec(rs, "late_amt"), dec(rs, "amt_days"), dec(rs, "w_amt"), dec(rs, "w_amt_days"), dec(rs, "r_amt"), dec(rs, "r_amt_days"),
                dec(rs, "open_amt"), dec(rs, "overdue_amt"), date(rs, "oldest_due"), date(rs, "first_issue"), rs.getLong("broken"),
                rs.getLong("partly"), rs.getLong("disputes"), rs.getBigDecimal("credit_limit"));
        return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("owner"), f);
    }

    private static BigDecimal dec(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? BigDecimal.ZERO : v;
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
