package io.huikuan.aging;

import io.huikuan.aging.Measures.MonthSales;
import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.Currencies;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The amounts behind the measures, summed exactly in the database (the same SQL on H2 and
 * PostgreSQL) and scoped to the current user's portfolio. Balances are as of a date: an invoice
 * counts if issued on or before D, less its allocations of payments dated on or before D and its
 * credit notes and write-offs dated on or before D. Ratios (DSO, CEI, …) cannot mix currencies: every amount here
 * is in the base currency, invoices in other currencies are left out (docs/currencies.md).
 */
@Component
public class MeasureQueries {

    /** How far back the count-back looks for sales before it gives up (ten years). */
    static final int COUNTBACK_MONTHS = 120;

    private final JdbcClient jdbc;
    private final Currencies currencies;

    MeasureQueries(JdbcClient jdbc, Currencies currencies) {
        this.jdbc = jdbc;
        this.currencies = currencies;
    }

    /** Receivables at a date: all of it, the part not yet due (due on or after D) and the overdue part. */
    public record Receivables(LocalDate asOf, BigDecimal ar, BigDecimal currentAr, BigDecimal overdueAr) {
    }

    public Receivables receivables(LocalDate asOf) {
        CurrentUser user = CurrentUser.get();
        String scope = " WHERE 1 = 1" + currencies.baseOnly("o.invoice_id")
                + (user.portfolioOnly() ? " AND o.customer_id IN (SELECT s.id FROM customer s WHERE s.owner = :owner)" : "");
        JdbcClient.StatementSpec sql = jdbc.sql("""
                SELECT coalesce(sum(o.open_amount), 0) ar,
                       coalesce(sum(CASE WHEN o.due_date >= :asOf THEN o.open_amount ELSE 0 END), 0) current_ar
                FROM (%s) o%s""".formatted(AgingQueries.OPEN_AT, scope))
                .param("asOf", java.sql.Date.valueOf(asOf));
        if (user.portfolioOnly()) {
            sql = sql.param("owner", user.username());
        }
        return sql.query((rs, n) -> {
                    BigDecimal ar = money(rs.getBigDecimal("ar"));
                    BigDecimal current = money(rs.getBigDecimal("current_ar"));
                    return new Receivables(asOf, ar, current, ar.subtract(current));
                })
                .single();
    }

    /** Invoiced amount with issue date in {@code (from, to]} (after {@code fromExclusive}, on or before {@code to}). */
    public BigDecimal sales(LocalDate fromExclusive, LocalDate to) {
        Scope scope = Scope.current();
        List<Object> params = new ArrayList<>(scope.params());
        params.add(java.sql.Date.valueOf(fromExclusive));
        params.add(java.sql.Date.valueOf(to));
        return money(jdbc.sql("SELECT coalesce(sum(i.amount), 0) FROM invoice i " + scope.join()
                        + " WHERE i.issue_date > ? AND i.issue_date <= ?" + currencies.baseOnly("i.id"))
                .params(params).query(BigDecimal.class).single());
    }

    /**
     * Sales per calendar month for the count-back, newest first, ending with {@code asOf}'s month:
     * that month counts its sales up to {@code asOf} and the days elapsed (all of them at a month
     * end); earlier months their whole sales and calendar days. At most {@link #COUNTBACK_MONTHS}.
     */
    public List<MonthSales> monthlySales(LocalDate asOf) {
        YearMonth last = YearMonth.from(asOf);
        YearMonth first = last.minusMonths(COUNTBACK_MONTHS - 1);
        Scope scope = Scope.current();
        List<Object> params = new ArrayList<>(scope.params());
        params.add(java.sql.Date.valueOf(first.atDay(1)));
        params.add(java.sql.Date.valueOf(asOf));
        Map<YearMonth, BigDecimal> byMonth = new HashMap<>();
        // per issue date (a cheap hash on a date column), folded into months here
        jdbc.sql("SELECT i.issue_date, sum(i.amount) sales FROM invoice i " + scope.join()
                        + " WHERE i.issue_date >= ? AND i.issue_date <= ?" + currencies.baseOnly("i.id") + " GROUP BY i.issue_date")
                .params(params)
                .query((rs, n) -> byMonth.merge(YearMonth.from(rs.getObject("issue_date", LocalDate.class)), rs.getBigDecimal("sales"),
                        BigDecimal::add))
                .list();
        byMonth.replaceAll((m, v) -> money(v));
        List<MonthSales> months = new ArrayList<>();
        for (YearMonth m = last; !m.isBefore(first); m = m.minusMonths(1)) {
            int days = m.equals(last) ? asOf.getDayOfMonth() : m.lengthOfMonth();
            months.add(new MonthSales(byMonth.getOrDefault(m, BigDecimal.ZERO.setScale(2)), days));
        }
        return months;
    }

    /** One customer's amounts behind the per-customer measures. */
    public record CustomerAmounts(long customerId, String code, String name, String owner, BigDecimal ar, BigDecimal currentAr,
            BigDecimal sales, long settledInvoices, BigDecimal settledAmount, BigDecimal weightedDaysToPay, BigDecimal weightedDaysLate) {
    }

    /**
     * Per customer in the user's portfolio: receivables and not-yet-due receivables at {@code asOf},
     * sales in {@code (from, asOf]} and the invoices settled with a payment in that window (count,
     * amount, Σ amount × days to pay, Σ amount × days late); customers with none of these are left out.
     */
    public List<CustomerAmounts> perCustomer(LocalDate fromExclusive, LocalDate asOf) {
        CurrentUser user = CurrentUser.get();
        String owned = user.portfolioOnly() ? " AND %s IN (SELECT o.id FROM customer o WHERE o.owner = :owner)" : "";
        JdbcClient.StatementSpec sql = jdbc.sql("""
                SELECT c.id, c.code, c.name, c.owner, coalesce(r.ar, 0) ar, coalesce(r.current_ar, 0) current_ar, coalesce(s.sales, 0) sales,
                       coalesce(p.invoices, 0) settled, coalesce(p.amount, 0) settled_amount, coalesce(p.to_pay, 0) to_pay, coalesce(p.late, 0) late
                FROM customer c
                LEFT JOIN (SELECT x.customer_id, sum(x.open_amount) ar, sum(CASE WHEN x.due_date >= :asOf THEN x.open_amount ELSE 0 END) current_ar
                           FROM (%s) x WHERE x.open_amount > 0%s%s GROUP BY x.customer_id) r ON r.customer_id = c.id
                LEFT JOIN (SELECT i.customer_id, sum(i.amount) sales FROM invoice i WHERE i.issue_date > :from AND i.issue_date <= :asOf%s%s
                           GROUP BY i.customer_id) s ON s.customer_id = c.id
                LEFT JOIN (SELECT t.customer_id, count(*) invoices, sum(t.amount) amount, sum(t.amount * t.days_to_pay) to_pay,
                                  sum(t.amount * t.days_late) late
                           FROM invoice_settlement t WHERE t.paid > 0 AND t.settled_on > :from AND t.settled_on <= :asOf%s%s
                           GROUP BY t.customer_id) p ON p.customer_id = c.id
                WHERE (r.customer_id IS NOT NULL OR s.customer_id IS NOT NULL OR p.customer_id IS NOT NULL)%s"""
                        .formatted(AgingQueries.OPEN_AT, owned.formatted("x.customer_id"), currencies.baseOnly("x.invoice_id"),
                                owned.formatted("i.customer_id"), currencies.baseOnly("i.id"), owned.formatted("t.customer_id"),
                                currencies.baseOnly("t.invoice_id"), user.portfolioOnly() ? " AND c.owner = :owner" : ""))
                .param("asOf", java.sql.Date.valueOf(asOf))
                .param("from", java.sql.Date.valueOf(fromExclusive));
        if (user.portfolioOnly()) {
            sql = sql.param("owner", user.username());
        }
        return sql.query((rs, n) -> new CustomerAmounts(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("owner"),
                money(rs.getBigDecimal("ar")), money(rs.getBigDecimal("current_ar")), money(rs.getBigDecimal("sales")), rs.getLong("settled"),
                rs.getBigDecimal("settled_amount"), rs.getBigDecimal("to_pay"), rs.getBigDecimal("late"))).list();
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, RoundingMode.HALF_UP);
    }

    /** The portfolio restriction: a collector sees only customers they own. */
    private record Scope(String join, List<Object> params) {
        static Scope current() {
            CurrentUser user = CurrentUser.get();
            return user.portfolioOnly()
                    ? new Scope(" JOIN customer s ON s.id = i.customer_id AND s.owner = ?", List.of(user.username()))
                    : new Scope("", List.of());
        }
    }
}
