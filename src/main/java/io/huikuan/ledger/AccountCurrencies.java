package io.huikuan.ledger;

import io.huikuan.ledger.LedgerQueries.AccountSummary;
import io.huikuan.ledger.LedgerQueries.CustomerAccount;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One customer's balances per currency (issue 12, item 15; docs/currencies.md): the customer list's rows and the
 * customer header never add CNY to USD. The single-amount fields hold the customer's <em>row currency</em>: the base
 * currency when it has something open (or nothing is open at all), else the first currency with an open amount;
 * {@code byCurrency} lists every currency present, the row currency first.
 */
@Component
class AccountCurrencies {

    private final JdbcClient jdbc;

    AccountCurrencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The order the row currency is chosen in: open before settled, the base currency first, then by code. */
    static final Comparator<String[]> ROW_ORDER = Comparator.<String[], Integer>comparing(k -> "0".equals(k[1]) ? 1 : 0)
            .thenComparing(k -> Currencies.BASE.equals(k[0]) ? 0 : 1).thenComparing(k -> k[0]);

    /** The SQL ORDER BY choosing the row currency among a customer's per-currency sums {@code t}. */
    static final String ROW_ORDER_SQL = "CASE WHEN t.open_amount <> 0 THEN 0 ELSE 1 END, CASE WHEN t.currency = '"
            + Currencies.BASE + "' THEN 0 ELSE 1 END, t.currency";

    /**
     * The list rows of customers {@code rows} (by id) with their balances per currency, from two statements over the
     * page's customers only (index lookups); used only when some invoice is in another currency than the base.
     */
    List<CustomerAccount> rows(Map<Long, CustomerAccount> rows, LocalDate today) {
        String ids = String.join(",", rows.keySet().stream().map(String::valueOf).toList());
        Map<Long, Map<String, CustomerAccount.InCurrency>> per = new HashMap<>();
        jdbc.sql("""
                SELECT t.customer_id, t.currency, sum(t.open_amount), sum(CASE WHEN t.due_date < ? THEN t.open_amount ELSE 0 END),
                       sum(CASE WHEN t.open_amount > 0 THEN 1 ELSE 0 END)
                FROM (SELECT i.customer_id, i.currency, i.due_date, %s open_amount FROM invoice i WHERE i.customer_id IN (%s)) t
                GROUP BY t.customer_id, t.currency""".formatted(LedgerQueries.OPEN_CORRELATED, ids))
                .param(Date.valueOf(today))
                .query(rs -> {
                    String cur = rs.getString(2).trim();
                    per.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(cur, new CustomerAccount.InCurrency(cur,
                            LedgerQueries.scale(rs.getBigDecimal(3)), LedgerQueries.scale(rs.getBigDecimal(4)), rs.getLong(5), zero()));
                });
        jdbc.sql("""
                SELECT p.customer_id, p.currency, sum(p.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.payment_id = p.id))
                FROM payment p WHERE p.customer_id IN (%s) GROUP BY p.customer_id, p.currency""".formatted(ids))
                .query(rs -> {
                    String cur = rs.getString(2).trim();
                    BigDecimal unapplied = LedgerQueries.scale(rs.getBigDecimal(3));
                    per.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).merge(cur,
                            new CustomerAccount.InCurrency(cur, zero(), zero(), 0, unapplied),
                            (a, b) -> new CustomerAccount.InCurrency(cur, a.openAmount(), a.overdueAmount(), a.openInvoices(), unapplied));
                });
        List<CustomerAccount> out = new ArrayList<>();
        rows.forEach((id, a) -> {
            List<CustomerAccount.InCurrency> list = new ArrayList<>(per.getOrDefault(id, Map.of()).values());
            list.sort(Comparator.comparing(c -> new String[] {c.currency(), c.openAmount().signum() == 0 ? "0" : "1"}, ROW_ORDER));
            if (list.isEmpty()) {
                list.add(new CustomerAccount.InCurrency(Currencies.BASE, zero(), zero(), 0, zero()));
            }
            CustomerAccount.InCurrency first = list.getFirst();
            out.add(new CustomerAccount(a.code(), a.name(), a.region(), a.businessUnit(), a.industry(), a.owner(), a.grade(), a.creditLimit(),
                    a.creditDays(), first.openAmount(), first.overdueAmount(), first.openInvoices(), first.unapplied(), first.currency(),
                    List.copyOf(list)));
        });
        return out;
    }

    /** The balances of one customer per currency, the row currency first (two statements over the customer's rows). */
    AccountSummary summary(long customerId, LocalDate today) {
        Map<String, AccountSummary.InCurrency> per = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT i.currency, coalesce(sum(i.amount), 0) invoiced, coalesce(sum(%1$s), 0) open_amount,
                       coalesce(sum(CASE WHEN i.due_date < ? THEN %1$s ELSE 0 END), 0) overdue_amount,
                       coalesce(sum(CASE WHEN %1$s > 0 THEN 1 ELSE 0 END), 0) open_invoices,
                       coalesce(sum(a.paid), 0) paid, coalesce(sum(cn.credited), 0) credited, coalesce(sum(w.written_off), 0) written_off
                FROM invoice i %2$s WHERE i.customer_id = ? GROUP BY i.currency""".formatted(LedgerQueries.OPEN, LedgerQueries.SETTLED))
                .params(Date.valueOf(today), customerId)
                .query(rs -> {
                    String cur = rs.getString("currency").trim();
                    BigDecimal open = LedgerQueries.scale(rs.getBigDecimal("open_amount"));
                    BigDecimal overdue = LedgerQueries.scale(rs.getBigDecimal("overdue_amount"));
                    per.put(cur, new AccountSummary.InCurrency(cur, LedgerQueries.scale(rs.getBigDecimal("invoiced")), open, overdue,
                            open.subtract(overdue), rs.getLong("open_invoices"), zero(), LedgerQueries.scale(rs.getBigDecimal("paid")),
                            LedgerQueries.scale(rs.getBigDecimal("credited")), LedgerQueries.scale(rs.getBigDecimal("written_off"))));
                });
        jdbc.sql("""
                SELECT p.currency, coalesce(sum(p.amount - coalesce(pa.applied, 0)), 0) FROM payment p
                LEFT JOIN (SELECT payment_id, sum(amount) applied FROM allocation GROUP BY payment_id) pa ON pa.payment_id = p.id
                WHERE p.customer_id = ? GROUP BY p.currency""").param(customerId)
                .query(rs -> {
                    String cur = rs.getString(1).trim();
                    BigDecimal unapplied = LedgerQueries.scale(rs.getBigDecimal(2));
                    AccountSummary.InCurrency s = per.get(cur);
                    per.put(cur, s == null ? new AccountSummary.InCurrency(cur, zero(), zero(), zero(), zero(), 0, unapplied, zero(), zero(), zero())
                            : new AccountSummary.InCurrency(cur, s.invoiced(), s.open(), s.overdue(), s.notDue(), s.openInvoices(), unapplied,
                                    s.paid(), s.credited(), s.writtenOff()));
                });
        List<AccountSummary.InCurrency> list = new ArrayList<>(per.values());
        list.sort(Comparator.comparing(c -> new String[] {c.currency(), c.open().signum() == 0 ? "0" : "1"}, ROW_ORDER));
        if (list.isEmpty()) {
            list.add(new AccountSummary.InCurrency(Currencies.BASE, zero(), zero(), zero(), zero(), 0, zero(), zero(), zero(), zero()));
        }
        AccountSummary.InCurrency f = list.getFirst();
        return new AccountSummary(f.invoiced(), f.open(), f.overdue(), f.notDue(), f.openInvoices(), f.unapplied(), f.paid(), f.credited(),
                f.writtenOff(), f.currency(), List.copyOf(list));
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
