package io.huikuan.exchange;

import io.huikuan.exchange.internal.TableWriter;
import io.huikuan.ledger.Currencies;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer export when some invoice is in another currency than the base (issue 12, item 15; docs/currencies.md):
 * still one row per customer (an exported file imports again), its balance columns in the customer's row currency (the
 * base currency unless only others are open, the {@code currency} column), every other currency in one cell of
 * {@code other_currencies} ("USD open 1150.00 overdue 200.00 invoices 2 unapplied 0.00"). Amounts in different
 * currencies are never added. One statement, a row per customer and currency, streamed in customer order.
 */
final class CustomerCurrencyExport {

    private final JdbcTemplate jdbc;
    private final String open;
    private final String settled;

    CustomerCurrencyExport(JdbcTemplate jdbc, String open, String settled) {
        this.jdbc = jdbc;
        this.open = open;
        this.settled = settled;
    }

    private record Amounts(String currency, BigDecimal open, BigDecimal overdue, long invoices, BigDecimal unapplied) {
    }

    /** {@code where} filters customers {@code c} only; {@code params}: today, then the filter's. */
    void write(String where, List<Object> params, boolean overdueOnly, boolean chinese, TableWriter w, long[] rows) {
        List<Object[]> group = new ArrayList<>();
        Object[][] customer = new Object[1][];
        jdbc.query("""
                SELECT c.code, c.name, c.region, c.business_unit, c.industry, c.owner, c.credit_limit, c.credit_days, c.grade, c.credit_code,
                       x.currency, coalesce(b.open_amount, 0) open_amount, coalesce(b.overdue_amount, 0) overdue_amount,
                       coalesce(b.open_invoices, 0) open_invoices, coalesce(u.unapplied, 0) unapplied
                FROM customer c
                LEFT JOIN (SELECT customer_id, currency FROM invoice GROUP BY customer_id, currency
                           UNION SELECT customer_id, currency FROM payment GROUP BY customer_id, currency) x ON x.customer_id = c.id
                LEFT JOIN (SELECT i.customer_id, i.currency, sum(%1$s) open_amount, sum(CASE WHEN i.due_date < ? THEN %1$s ELSE 0 END) overdue_amount,
                                  sum(CASE WHEN %1$s > 0 THEN 1 ELSE 0 END) open_invoices
                           FROM invoice i %2$s GROUP BY i.customer_id, i.currency) b ON b.customer_id = c.id AND b.currency = x.currency
                LEFT JOIN (SELECT p.customer_id, p.currency, sum(p.amount - coalesce(pa.applied, 0)) unapplied FROM payment p
                           LEFT JOIN (SELECT payment_id, sum(amount) applied FROM allocation GROUP BY payment_id) pa ON pa.payment_id = p.id
                           GROUP BY p.customer_id, p.currency) u ON u.customer_id = c.id AND u.currency = x.currency"""
                .formatted(open, settled) + where + " ORDER BY c.code, x.currency", rs -> {
            String code = rs.getString("code");
            if (customer[0] != null && !code.equals(customer[0][0])) {
                flush(customer[0], group, overdueOnly, chinese, w, rows);
                group.clear();
            }
            if (customer[0] == null || !code.equals(customer[0][0])) {
                int days = rs.getInt("credit_days");
                Integer creditDays = rs.wasNull() ? null : days;
                BigDecimal limit = rs.getBigDecimal("credit_limit");
                customer[0] = new Object[] {code, rs.getString("name"), rs.getString("region"), rs.getString("business_unit"),
                        rs.getString("industry"), rs.getString("owner"), limit == null ? null : limit.setScale(2, RoundingMode.HALF_UP), creditDays,
                        rs.getString("grade"), rs.getString("credit_code")};
            }
            String currency = rs.getString("currency");
            if (currency != null) {
                group.add(new Object[] {new Amounts(currency.trim(), scale(rs.getBigDecimal("open_amount")), scale(rs.getBigDecimal("overdue_amount")),
                        rs.getLong("open_invoices"), scale(rs.getBigDecimal("unapplied")))});
            }
        }, params.toArray());
        if (customer[0] != null) {
            flush(customer[0], group, overdueOnly, chinese, w, rows);
        }
    }

    private static void flush(Object[] customer, List<Object[]> group, boolean overdueOnly, boolean chinese, TableWriter w, long[] rows) {
        List<Amounts> all = new ArrayList<>(group.stream().map(g -> (Amounts) g[0]).toList());
        if (overdueOnly && all.stream().noneMatch(a -> a.overdue().signum() > 0)) {
            return;
        }
        all.sort(Comparator.<Amounts, Integer>comparing(a -> a.open().signum() == 0 ? 1 : 0)
                .thenComparing(a -> Currencies.BASE.equals(a.currency()) ? 0 : 1).thenComparing(Amounts::currency));
        Amounts first = all.isEmpty() ? new Amounts(Currencies.BASE, scale(null), scale(null), 0, scale(null)) : all.getFirst();
        List<String> others = new ArrayList<>();
        for (Amounts a : all.subList(Math.min(1, all.size()), all.size())) {
            others.add(chinese
                    ? a.currency() + " 未收 " + a.open().toPlainString() + " 逾期 " + a.overdue().toPlainString() + " 发票 " + a.invoices()
                            + " 未核销 " + a.unapplied().toPlainString()
                    : a.currency() + " open " + a.open().toPlainString() + " overdue " + a.overdue().toPlainString() + " invoices "
                            + a.invoices() + " unapplied " + a.unapplied().toPlainString());
        }
        List<Object> row = new ArrayList<>(java.util.Arrays.asList(customer));
        row.addAll(List.of(first.open(), first.overdue(), first.invoices(), first.unapplied(), first.currency(), String.join("; ", others)));
        w.row(row.toArray());
        rows[0]++;
    }

    private static BigDecimal scale(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, RoundingMode.HALF_UP);
    }
}
