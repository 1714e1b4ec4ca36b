package io.huikuan.aging;

import io.huikuan.aging.Measures.MonthSales;
import io.huikuan.identity.CurrentUser;
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
 * credit notes and write-offs dated on or before D.
 */
@Component
public class MeasureQueries {

    /** How far back the count-back looks for sales before it gives up (ten years). */
    static final int COUNTBACK_MONTHS = 120;

    private final JdbcClient jdbc;

    MeasureQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Receivables at a date: all of it, the part not yet due (due on or after D) and the overdue part. */
    public record Receivables(LocalDate asOf, BigDecimal ar, BigDecimal currentAr, BigDecimal overdueAr) {
    }

    public Receivables receivables(LocalDate asOf) {
        CurrentUser user = CurrentUser.get();
        String scope = user.portfolioOnly() ? " WHERE o.customer_id IN (SELECT s.id FROM customer s WHERE s.owner = :owner)" : "";
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
                        + " WHERE i.issue_date > ? AND i.issue_date <= ?")
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
                        + " WHERE i.issue_date >= ? AND i.issue_date <= ? GROUP BY i.issue_date")
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
