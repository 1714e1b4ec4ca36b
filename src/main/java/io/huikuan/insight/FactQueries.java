package io.huikuan.insight;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invoices open at a cut-off date with their facts dated on or before it, in one statement: the balance periods open
 * at the date joined to one grouped pass each over the customers' settlements of the last 12 months (and 3), their
 * invoices issued in the last 12 months (the usual amount), the promises settled and the disputes opened in the last 12
 * months, and the disputes of the invoice open at the date. The settlement day of each invoice comes along (it may lie
 * after the cut-off: training and the backtest read it, the prediction never does). Window starts are bound, not computed.
 */
@Component
class FactQueries {

    private static final String SQL = """
            SELECT b.invoice_id, i.invoice_no, c.code, c.owner, i.currency, i.amount, b.open_amount, i.issue_date, i.due_date,
                   s.n, s.n_late, s.amt, s.amt_days, s.r_n, s.r_late, s.r_amt, s.r_amt_days, u.usual, p.broken, p.kept, d.disputes,
                   x.open_disputes, st.settled_on
            FROM balance_period b
            JOIN invoice i ON i.id = b.invoice_id
            JOIN customer c ON c.id = b.customer_id
            LEFT JOIN (SELECT customer_id, count(*) n, sum(CASE WHEN days_late > 0 THEN 1 ELSE 0 END) n_late, sum(amount) amt,
                              sum(amount * days_late) amt_days,
                              sum(CASE WHEN settled_on > :r0 THEN 1 ELSE 0 END) r_n,
                              sum(CASE WHEN settled_on > :r0 AND days_late > 0 THEN 1 ELSE 0 END) r_late,
                              sum(CASE WHEN settled_on > :r0 THEN amount ELSE 0 END) r_amt,
                              sum(CASE WHEN settled_on > :r0 THEN amount * days_late ELSE 0 END) r_amt_days
                       FROM invoice_settlement WHERE settled_on > :y0 AND settled_on <= :c%1$s GROUP BY customer_id) s ON s.customer_id = b.customer_id
            LEFT JOIN (SELECT customer_id, avg(amount) usual FROM invoice WHERE issue_date > :y0 AND issue_date <= :c%1$s GROUP BY customer_id) u
                   ON u.customer_id = b.customer_id
            LEFT JOIN (SELECT customer_id, sum(CASE WHEN status = 'BROKEN' THEN 1 ELSE 0 END) broken,
                              sum(CASE WHEN status = 'KEPT' THEN 1 ELSE 0 END) kept
                       FROM promise WHERE status IN ('BROKEN', 'KEPT', 'PARTLY_KEPT') AND settled_on > :y0 AND settled_on <= :c%1$s
                       GROUP BY customer_id) p ON p.customer_id = b.customer_id
            LEFT JOIN (SELECT i2.customer_id, count(*) disputes FROM invoice_dispute x2 JOIN invoice i2 ON i2.id = x2.invoice_id
                       WHERE x2.opened_on > :y0 AND x2.opened_on <= :c%2$s GROUP BY i2.customer_id) d ON d.customer_id = b.customer_id
            LEFT JOIN (SELECT invoice_id, count(*) open_disputes FROM invoice_dispute
                       WHERE opened_on <= :c AND (resolved_on IS NULL OR resolved_on > :c) GROUP BY invoice_id) x ON x.invoice_id = b.invoice_id
            LEFT JOIN invoice_settlement st ON st.invoice_id = b.invoice_id
            WHERE b.valid_from <= :c AND (b.valid_to IS NULL OR b.valid_to > :c)%3$s
            """;

    /** Every customer. */
    private static final String ALL = SQL.formatted("", "", "");

    /** The customers whose id is a multiple of :k (a stable sample of about 1/k of them): every source filtered alike. */
    private static final String SAMPLED = SQL.formatted(" AND MOD(customer_id, :k) = 0", " AND MOD(i2.customer_id, :k) = 0",
            " AND MOD(b.customer_id, :k) = 0");

    private static final String OPEN_COUNT = "SELECT count(*) FROM balance_period WHERE valid_from <= :c AND (valid_to IS NULL OR valid_to > :c)";

    private final JdbcClient jdbc;

    FactQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every invoice open at {@code cutOff} with its facts as of that date, streamed to {@code each} in no particular order. */
    void openAt(LocalDate cutOff, Consumer<InvoiceFacts> each) {
        openAt(cutOff, 1, each);
    }

    /**
     * The invoices open at {@code cutOff} of the customers whose id is a multiple of {@code every} (all when 1), with their
     * facts: training reads a bounded sample this way without aggregating every customer's history at every month end.
     */
    void openAt(LocalDate cutOff, long every, Consumer<InvoiceFacts> each) {
        JdbcClient.StatementSpec sql = jdbc.sql(every <= 1 ? ALL : SAMPLED).param("c", Date.valueOf(cutOff))
                .param("y0", Date.valueOf(cutOff.minusDays(365))).param("r0", Date.valueOf(cutOff.minusDays(91)));
        if (every > 1) {
            sql = sql.param("k", every);
        }
        sql.query((RowCallbackHandler) rs -> each.accept(row(rs, cutOff)));
    }

    /** How many invoices are open at {@code date}. */
    long openCount(LocalDate date) {
        return jdbc.sql(OPEN_COUNT).param("c", Date.valueOf(date)).query(Long.class).single();
    }

    /**
     * The ledger's version (bumped after every committed change of balances or disputes) and the number of promises
     * settled (promises are the worklist's and do not bump it): models and predictions are cached under this key.
     */
    String factsKey(long ledgerVersion) {
        return ledgerVersion + ":" + jdbc.sql("SELECT count(settled_on) FROM promise").query(Long.class).single();
    }

    private static InvoiceFacts row(ResultSet rs, LocalDate cutOff) throws SQLException {
        InvoiceFacts.Customer c = new InvoiceFacts.Customer(rs.getLong("n"), rs.getLong("n_late"), dbl(rs, "amt"), dbl(rs, "amt_days"),
                rs.getLong("r_n"), rs.getLong("r_late"), dbl(rs, "r_amt"), dbl(rs, "r_amt_days"), dbl(rs, "usual"), rs.getLong("broken"),
                rs.getLong("kept"), rs.getLong("disputes"));
        Date settled = rs.getDate("settled_on");
        return new InvoiceFacts(rs.getLong("invoice_id"), rs.getString("invoice_no"), rs.getString("code"), rs.getString("owner"),
                rs.getString("currency").strip(), rs.getBigDecimal("amount"), rs.getBigDecimal("open_amount"), rs.getDate("issue_date").toLocalDate(),
                rs.getDate("due_date").toLocalDate(), cutOff, c, rs.getInt("open_disputes"), settled == null ? null : settled.toLocalDate());
    }

    private static double dbl(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? 0 : v.doubleValue();
    }
}
