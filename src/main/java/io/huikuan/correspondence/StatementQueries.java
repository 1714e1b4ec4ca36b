package io.huikuan.correspondence;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The movements of a customer's account from the ledger's base tables, summed exactly in the database. */
@Component
class StatementQueries {

    /** Every movement of customer :c with its date, kind, reference, detail, signed amount and currency. */
    private static final String MOVEMENTS = """
            SELECT i.issue_date d, 'INVOICE' k, i.invoice_no ref, CAST(i.due_date AS VARCHAR(10)) detail, i.amount amt, i.currency cur
              FROM invoice i WHERE i.customer_id = :c
            UNION ALL
            SELECT p.payment_date, 'PAYMENT', p.payment_ref, p.method, -p.amount, p.currency FROM payment p WHERE p.customer_id = :c
            UNION ALL
            SELECT n.note_date, 'CREDIT_NOTE', n.credit_note_no, i.invoice_no, -n.amount, i.currency
              FROM credit_note n JOIN invoice i ON i.id = n.invoice_id WHERE i.customer_id = :c
            UNION ALL
            SELECT w.write_off_date, 'WRITE_OFF', CAST(w.id AS VARCHAR(20)), i.invoice_no, -w.amount, i.currency
              FROM write_off w JOIN invoice i ON i.id = w.invoice_id WHERE i.customer_id = :c""";

    private final JdbcClient jdbc;

    StatementQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The opening balance per currency (first rows, summed in the database) and the period's movements in order, in one
     * statement: one round trip to the database per statement instead of two.
     */
    private static final String STATEMENT = "SELECT d, k, ref, detail, amt, cur FROM ("
            + "SELECT CAST(NULL AS DATE) d, 'OPENING' k, CAST(NULL AS VARCHAR) ref, CAST(NULL AS VARCHAR) detail, "
            + "COALESCE(sum(amt), 0) amt, cur, 0 o, 0 s FROM (" + MOVEMENTS + ") m WHERE d < :from GROUP BY cur "
            + "UNION ALL SELECT d, k, ref, detail, amt, cur, 1, CASE k WHEN 'INVOICE' THEN 0 ELSE 1 END FROM (" + MOVEMENTS + ") m "
            + "WHERE d >= :from AND d <= :to) x ORDER BY o, d, s, ref";

    /**
     * The statement of customer {@code customerId} for [from, to], one section per currency (issue 12, item 15): the
     * running balance of each currency is its own, never added to another's.
     */
    Statement statement(long customerId, String code, String name, LocalDate from, LocalDate to) {
        Map<String, Section> sections = new TreeMap<>(Comparator.comparing((String c) -> BASE.equals(c) ? 0 : 1).thenComparing(c -> c));
        jdbc.sql(STATEMENT).param("c", customerId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(rs -> {
                    String cur = rs.getString(6).trim();
                    Section section = sections.computeIfAbsent(cur, Section::new);
                    BigDecimal amount = rs.getBigDecimal(5);
                    String kind = rs.getString(2);
                    if ("OPENING".equals(kind)) {
                        section.opening = amount;
                        section.balance = amount;
                    } else {
                        section.add(rs.getDate(1).toLocalDate(), kind, rs.getString(3), rs.getString(4), amount);
                    }
                });
        // a currency settled before the period with nothing in it has nothing to say
        sections.values().removeIf(x -> x.lines.isEmpty() && x.opening.signum() == 0);
        if (sections.isEmpty()) {
            sections.put(BASE, new Section(BASE));
        }
        List<Statement> all = sections.values().stream().map(x -> x.statement(code, name, from, to, List.of())).toList();
        return sections.values().iterator().next().statement(code, name, from, to, all.subList(1, all.size()));
    }

    private static final String BASE = io.huikuan.ledger.Currencies.BASE;

    /** The movements of one currency with its running balance. */
    private static final class Section {

        final String currency;
        final List<Statement.Line> lines = new ArrayList<>();
        BigDecimal opening = BigDecimal.ZERO;
        BigDecimal balance = BigDecimal.ZERO;
        BigDecimal invoiced = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal credited = BigDecimal.ZERO;
        BigDecimal writtenOff = BigDecimal.ZERO;

        Section(String currency) {
            this.currency = currency;
        }

        void add(LocalDate date, String kind, String reference, String detail, BigDecimal amount) {
            balance = balance.add(amount);
            switch (kind) {
                case "INVOICE" -> invoiced = invoiced.add(amount);
                case "PAYMENT" -> paid = paid.subtract(amount);
                case "CREDIT_NOTE" -> credited = credited.subtract(amount);
                default -> writtenOff = writtenOff.subtract(amount);
            }
            lines.add(new Statement.Line(date, kind, reference, detail, amount, balance));
        }

        Statement statement(String code, String name, LocalDate from, LocalDate to, List<Statement> others) {
            return new Statement(code, name, from, to, opening, lines, invoiced, paid, credited, writtenOff, balance, currency, others);
        }
    }
}
