package io.huikuan.aging;

import io.huikuan.common.SqlDates;
import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.Currencies;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The amounts behind a run of month ends, each in one set-based statement over the whole run
 * (not one statement per month): receivables and not-yet-due receivables at every month end from
 * the ledger's balance periods, sales per day, and invoices settled per month with their
 * amount-weighted days. Exact (NUMERIC sums), for the whole company or one owner's portfolio (a
 * collector: always their own), the same SQL on H2 and PostgreSQL. In the base currency only: invoices in other
 * currencies are left out (docs/currencies.md).
 */
@Component
public class TrendQueries {

    private final JdbcClient jdbc;
    private final Currencies currencies;

    TrendQueries(JdbcClient jdbc, Currencies currencies) {
        this.jdbc = jdbc;
        this.currencies = currencies;
    }

    /** Receivables at one month end. */
    public record MonthEndAr(YearMonth month, BigDecimal ar, BigDecimal currentAr) {
    }

    /** Invoices fully settled in a month with a payment: count, amount, Σ amount × days to pay, Σ amount × days late. */
    public record Settled(long invoices, BigDecimal amount, BigDecimal weightedDaysToPay, BigDecimal weightedDaysLate) {

        static final Settled NONE = new Settled(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        /** Amount-weighted average days to pay (1 decimal), null when nothing was settled. */
        public BigDecimal averageDaysToPay() {
            return amount.signum() == 0 ? null : weightedDaysToPay.divide(amount, Measures.SCALE, java.math.RoundingMode.HALF_UP);
        }

        public BigDecimal averageDaysLate() {
            return amount.signum() == 0 ? null : weightedDaysLate.divide(amount, Measures.SCALE, java.math.RoundingMode.HALF_UP);
        }

        Settled plus(Settled o) {
            return new Settled(invoices + o.invoices, amount.add(o.amount), weightedDaysToPay.add(o.weightedDaysToPay),
                    weightedDaysLate.add(o.weightedDaysLate));
        }
    }

    /**
     * AR and not-yet-due AR at the last day of every month {@code first..last}. A balance period
     * [valid_from, valid_to) counts at month end m when valid_from's month ≤ m &lt; valid_to's month;
     * its invoice is not yet due at m when m is before the first month end after the due date. The
     * periods carry those three month numbers (balance_period.from_month, to_month, due_key); the
     * database groups by them (clamped to the run), Java adds up.
     */
    public List<MonthEndAr> monthEndReceivables(YearMonth first, YearMonth last, String owner) {
        int f = index(first);
        int l = index(last);
        Scope scope = Scope.of("b.customer_id", owner);
        String sql = """
                SELECT z.mf, z.mt, z.dk, sum(z.open_amount) amount FROM (
                  SELECT CASE WHEN y.f < %1$d THEN %1$d ELSE y.f END mf,
                         CASE WHEN y.t IS NULL OR y.t > %3$d THEN %3$d ELSE y.t END mt,
                         CASE WHEN y.dk < %1$d THEN %1$d WHEN y.dk > %3$d THEN %3$d ELSE y.dk END dk,
                         y.open_amount
                  FROM (SELECT b.from_month f, b.to_month t, b.due_key dk, b.open_amount
                        FROM balance_period b
                        WHERE b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?)%4$s%5$s) y) z
                GROUP BY z.mf, z.mt, z.dk""".formatted(f, l, l + 1, currencies.baseOnly("b.invoice_id"), scope.condition());
        List<Object> params = new ArrayList<>();
        params.add(java.sql.Date.valueOf(last.atEndOfMonth()));
        params.add(java.sql.Date.valueOf(first.atEndOfMonth()));
        params.addAll(scope.params());
        BigDecimal[] ar = zeros(l - f + 1);
        BigDecimal[] current = zeros(l - f + 1);
        jdbc.sql(sql).params(params).query((rs, n) -> {
            int mf = rs.getInt("mf");
            int mt = rs.getInt("mt");
            int dk = rs.getInt("dk");
            BigDecimal amount = rs.getBigDecimal("amount");
            for (int m = mf; m < mt && m <= l; m++) {
                ar[m - f] = ar[m - f].add(amount);
                if (m < dk) {
                    current[m - f] = current[m - f].add(amount);
                }
            }
            return null;
        }).list();
        List<MonthEndAr> result = new ArrayList<>();
        for (int m = f; m <= l; m++) {
            result.add(new MonthEndAr(month(m), AgingQueries.money(ar[m - f]), AgingQueries.money(current[m - f])));
        }
        return result;
    }

    /** Invoiced amount per issue date in {@code (fromExclusive, to]}. */
    public TreeMap<LocalDate, BigDecimal> dailySales(LocalDate fromExclusive, LocalDate to, String owner) {
        Scope scope = Scope.of("i.customer_id", owner);
        List<Object> params = new ArrayList<>();
        params.add(java.sql.Date.valueOf(fromExclusive));
        params.add(java.sql.Date.valueOf(to));
        params.addAll(scope.params());
        TreeMap<LocalDate, BigDecimal> days = new TreeMap<>();
        jdbc.sql("SELECT i.issue_date, sum(i.amount) sales FROM invoice i WHERE i.issue_date > ? AND i.issue_date <= ?"
                        + currencies.baseOnly("i.id") + scope.condition() + " GROUP BY i.issue_date")
                .params(params)
                .query((rs, n) -> days.put(rs.getObject("issue_date", LocalDate.class), rs.getBigDecimal("sales")))
                .list();
        return days;
    }

    /** Invoices whose balance reached zero in each month {@code first..last}, among those a payment contributed to. */
    public Map<YearMonth, Settled> settledPerMonth(YearMonth first, YearMonth last, String owner) {
        Scope scope = Scope.of("s.customer_id", owner);
        List<Object> params = new ArrayList<>();
        params.add(java.sql.Date.valueOf(first.atDay(1)));
        params.add(java.sql.Date.valueOf(last.atEndOfMonth()));
        params.addAll(scope.params());
        Map<YearMonth, Settled> months = new TreeMap<>();
        jdbc.sql("""
                SELECT y.m, count(*) invoices, sum(y.amount) amount, sum(y.amount * y.days_to_pay) to_pay, sum(y.amount * y.days_late) late
                FROM (SELECT %s m, s.amount, s.days_to_pay, s.days_late FROM invoice_settlement s
                      WHERE s.paid > 0 AND s.settled_on >= ? AND s.settled_on <= ?%s%s) y
                GROUP BY y.m""".formatted(SqlDates.monthIndex("s.settled_on"), currencies.baseOnly("s.invoice_id"), scope.condition()))
                .params(params)
                .query((rs, n) -> months.put(month(rs.getInt("m")), new Settled(rs.getLong("invoices"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("to_pay"), rs.getBigDecimal("late"))))
                .list();
        return months;
    }

    /** Settled invoices over {@code (fromExclusive, to]}. */
    public Settled settled(LocalDate fromExclusive, LocalDate to, String owner) {
        Scope scope = Scope.of("s.customer_id", owner);
        List<Object> params = new ArrayList<>();
        params.add(java.sql.Date.valueOf(fromExclusive));
        params.add(java.sql.Date.valueOf(to));
        params.addAll(scope.params());
        return jdbc.sql("""
                SELECT count(*) invoices, coalesce(sum(s.amount), 0) amount, coalesce(sum(s.amount * s.days_to_pay), 0) to_pay,
                       coalesce(sum(s.amount * s.days_late), 0) late
                FROM invoice_settlement s WHERE s.paid > 0 AND s.settled_on > ? AND s.settled_on <= ?""" + currencies.baseOnly("s.invoice_id")
                        + scope.condition())
                .params(params)
                .query((rs, n) -> new Settled(rs.getLong("invoices"), rs.getBigDecimal("amount"), rs.getBigDecimal("to_pay"),
                        rs.getBigDecimal("late")))
                .single();
    }

    static int index(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    static YearMonth month(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] a = new BigDecimal[n];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }

    /**
     * The owner whose portfolio the current user may see: their own for a collector, null (the
     * whole company) for everyone else.
     */
    public static String currentOwner() {
        CurrentUser user = CurrentUser.get();
        return user.portfolioOnly() ? user.username() : null;
    }

    /**
     * The restriction to one owner's customers (null: none). A collector is always restricted to
     * their own portfolio, whatever owner is asked for.
     */
    private record Scope(String condition, List<Object> params) {
        static Scope of(String customerColumn, String owner) {
            String effective = CurrentUser.get().portfolioOnly() ? CurrentUser.get().username() : owner;
            return effective != null
                    ? new Scope(" AND " + customerColumn + " IN (SELECT o.id FROM customer o WHERE o.owner = ?)", List.of(effective))
                    : new Scope("", List.of());
        }
    }
}
