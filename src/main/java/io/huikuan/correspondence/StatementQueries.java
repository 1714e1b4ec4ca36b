package io.huikuan.correspondence;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The movements of a customer's account from the ledger's base tables, summed exactly in the database. */
@Component
class StatementQueries {

    /** Every movement of customer :c with its date, kind, reference, detail and signed amount. */
    private static final String MOVEMENTS = """
            SELECT i.issue_date d, 'INVOICE' k, i.invoice_no ref, CAST(i.due_date AS VARCHAR(10)) detail, i.amount amt
              FROM invoice i WHERE i.customer_id = :c
            UNION ALL
            SELECT p.payment_date, 'PAYMENT', p.payment_ref, p.method, -p.amount FROM payment p WHERE p.customer_id = :c
            UNION ALL
            SELECT n.note_date, 'CREDIT_NOTE', n.credit_note_no, i.invoice_no, -n.amount
              FROM credit_note n JOIN invoice i ON i.id = n.invoice_id WHERE i.customer_id = :c
            UNION ALL
            SELECT w.write_off_date, 'WRITE_OFF', CAST(w.id AS VARCHAR(20)), i.invoice_no, -w.amount
              FROM write_off w JOIN invoice i ON i.id = w.invoice_id WHERE i.customer_id = :c""";

    private final JdbcClient jdbc;

    StatementQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The opening balance (first row, summed in the database) and the period's movements in order, in one
     * statement: one round trip to the database per statement instead of two.
     */
    private static final String STATEMENT = "SELECT d, k, ref, detail, amt FROM ("
            + "SELECT CAST(NULL AS DATE) d, 'OPENING' k, CAST(NULL AS VARCHAR) ref, CAST(NULL AS VARCHAR) detail, "
            + "COALESCE(sum(amt), 0) amt, 0 o, 0 s FROM (" + MOVEMENTS + ") m WHERE d < :from "
            + "UNION ALL SELECT d, k, ref, detail, amt, 1, CASE k WHEN 'INVOICE' THEN 0 ELSE 1 END FROM (" + MOVEMENTS + ") m "
            + "WHERE d >= :from AND d <= :to) x ORDER BY o, d, s, ref";

    Statement statement(long customerId, String code, String name, LocalDate from, LocalDate to) {
        List<Object[]> all = jdbc.sql(STATEMENT).param("c", customerId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new Object[] {rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5)})
                .list();
        BigDecimal opening = (BigDecimal) all.getFirst()[4];
        List<Object[]> rows = all.subList(1, all.size());
        BigDecimal balance = opening;
        BigDecimal invoiced = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal credited = BigDecimal.ZERO;
        BigDecimal writtenOff = BigDecimal.ZERO;
        List<Statement.Line> lines = new ArrayList<>();
        for (Object[] r : rows) {
            BigDecimal amount = (BigDecimal) r[4];
            balance = balance.add(amount);
            switch ((String) r[1]) {
                case "INVOICE" -> invoiced = invoiced.add(amount);
                case "PAYMENT" -> paid = paid.subtract(amount);
                case "CREDIT_NOTE" -> credited = credited.subtract(amount);
                default -> writtenOff = writtenOff.subtract(amount);
            }
            lines.add(new Statement.Line((LocalDate) r[0], (String) r[1], (String) r[2], (String) r[3], amount, balance));
        }
        return new Statement(code, name, from, to, opening, lines, invoiced, paid, credited, writtenOff, balance);
    }
}
