package io.huikuan.aging;

import io.huikuan.aging.MeasureQueries.Receivables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.huikuan.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The collection measures for a date or a run of months, from the portfolio's amounts. */
@Service
public class MeasureService {

    private final MeasureQueries queries;
    private final TrendQueries trends;
    private final JdbcClient jdbc;

    MeasureService(MeasureQueries queries, TrendQueries trends, JdbcClient jdbc) {
        this.queries = queries;
        this.trends = trends;
        this.jdbc = jdbc;
    }

    /**
     * The measures at one month end, as the trend shows them: DSO, best possible DSO and ADD over
     * {@code days} days of sales, count-back DSO, the month's CEI, the overdue ratio, and the
     * amount-weighted average days to pay and days late of the invoices settled in the month.
     */
    public record TrendPoint(YearMonth month, LocalDate monthEnd, BigDecimal ar, BigDecimal currentAr, BigDecimal overdueAr,
            BigDecimal sales, BigDecimal dso, BigDecimal bestPossibleDso, BigDecimal add, BigDecimal countbackDso, BigDecimal cei,
            BigDecimal overdueRatio, long settledInvoices, BigDecimal averageDaysToPay, BigDecimal averageDaysLate, boolean closed) {
    }

    /**
     * The measures at the ends of the {@code months} months up to {@code last}, oldest first, from
     * four set-based statements (not a statement per month): the same figures {@link #at} and
     * {@link #cei} give for each month end, exactly.
     */
    @Transactional(readOnly = true)
    public List<TrendPoint> trend(YearMonth last, int months, int days) {
        return trend(last, months, days, TrendQueries.currentOwner());
    }

    /**
     * The trend of one owner's portfolio (null: the whole company; a collector always gets their
     * own). For months that are closed the figures stored at closing are shown ({@code closed}
     * true) when the trend uses the closing's {@link MonthEnds#DSO_DAYS} days of sales.
     */
    @Transactional(readOnly = true)
    public List<TrendPoint> trend(YearMonth last, int months, int days, String owner) {
        List<TrendPoint> live = trendLive(last, months, days, owner);
        if (days != MonthEnds.DSO_DAYS) {
            return live;
        }
        String scope = CurrentUser.get().portfolioOnly() ? CurrentUser.get().username() : owner;
        Map<YearMonth, TrendPoint> stored = storedMeasures(last.minusMonths(months - 1), last, scope);
        return live.stream().map(p -> stored.getOrDefault(p.month(), p)).toList();
    }

    /** The trend recomputed from the ledger as it is now, closed months included. */
    @Transactional(readOnly = true)
    public List<TrendPoint> trendLive(YearMonth last, int months, int days, String owner) {
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("months must be 1..120: " + months);
        }
        YearMonth first = last.minusMonths(months - 1);
        List<TrendQueries.MonthEndAr> ar = trends.monthEndReceivables(first.minusMonths(1), last, owner);
        LocalDate salesFrom = first.minusMonths(MeasureQueries.COUNTBACK_MONTHS).atDay(1).minusDays(Math.max(days, 1));
        TreeMap<LocalDate, BigDecimal> daily = trends.dailySales(salesFrom, last.atEndOfMonth(), owner);
        Map<YearMonth, BigDecimal> monthly = new HashMap<>();
        daily.forEach((d, v) -> monthly.merge(YearMonth.from(d), v, BigDecimal::add));
        Map<YearMonth, TrendQueries.Settled> settled = trends.settledPerMonth(first, last, owner);
        List<TrendPoint> points = new ArrayList<>(months);
        for (int i = 1; i < ar.size(); i++) {
            TrendQueries.MonthEndAr end = ar.get(i);
            TrendQueries.MonthEndAr start = ar.get(i - 1);
            YearMonth m = end.month();
            LocalDate d = m.atEndOfMonth();
            BigDecimal sales = money(sum(daily.subMap(d.minusDays(days), false, d, true).values()));
            BigDecimal monthSales = money(monthly.getOrDefault(m, BigDecimal.ZERO));
            List<Measures.MonthSales> back = new ArrayList<>();
            for (int k = 0; k < MeasureQueries.COUNTBACK_MONTHS; k++) {
                YearMonth mm = m.minusMonths(k);
                back.add(new Measures.MonthSales(money(monthly.getOrDefault(mm, BigDecimal.ZERO)), mm.lengthOfMonth()));
            }
            BigDecimal overdue = end.ar().subtract(end.currentAr());
            TrendQueries.Settled s = settled.getOrDefault(m, TrendQueries.Settled.NONE);
            points.add(new TrendPoint(m, d, end.ar(), end.currentAr(), overdue, monthSales,
                    Measures.dso(end.ar(), sales, days), Measures.bestPossibleDso(end.currentAr(), sales, days),
                    Measures.averageDaysDelinquent(end.ar(), end.currentAr(), sales, days), Measures.countbackDso(end.ar(), back),
                    Measures.cei(start.ar(), monthSales, 1, end.ar(), end.currentAr()), Measures.overdueRatio(overdue, end.ar()),
                    s.invoices(), s.averageDaysToPay(), s.averageDaysLate(), false));
        }
        return points;
    }

    /** The stored measures of the closed months in {@code first..last} for one scope (owner or null: the company). */
    Map<YearMonth, TrendPoint> storedMeasures(YearMonth first, YearMonth last, String owner) {
        Map<YearMonth, TrendPoint> points = new HashMap<>();
        jdbc.sql("""
                SELECT m.* FROM month_end_measure m WHERE m.owner = ? AND m.month_key >= ? AND m.month_key <= ?""")
                .params(owner == null ? MonthEnds.COMPANY : owner, first.toString(), last.toString())
                .query((rs, n) -> {
                    YearMonth month = YearMonth.parse(rs.getString("month_key"));
                    points.put(month, new TrendPoint(month, month.atEndOfMonth(), rs.getBigDecimal("ar"), rs.getBigDecimal("current_ar"),
                            rs.getBigDecimal("overdue_ar"), rs.getBigDecimal("sales"), rs.getBigDecimal("dso"),
                            rs.getBigDecimal("best_possible_dso"), rs.getBigDecimal("add_days"), rs.getBigDecimal("countback_dso"),
                            rs.getBigDecimal("cei"), rs.getBigDecimal("overdue_ratio"), rs.getLong("settled_invoices"),
                            rs.getBigDecimal("average_days_to_pay"), rs.getBigDecimal("average_days_late"), true));
                    return null;
                }).list();
        return points;
    }

    private static BigDecimal sum(java.util.Collection<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /**
     * The measures at a date over N days of sales; measures without a denominator are {@code null}.
     * Average days to pay and days late are amount-weighted over the invoices whose balance reached
     * zero in (D−N, D] with at least one payment ({@code settledInvoices} of them).
     */
    public record MeasureValues(LocalDate asOf, int days, BigDecimal ar, BigDecimal currentAr, BigDecimal overdueAr,
            BigDecimal sales, BigDecimal dso, BigDecimal bestPossibleDso, BigDecimal add, BigDecimal countbackDso,
            BigDecimal overdueRatio, long settledInvoices, BigDecimal averageDaysToPay, BigDecimal averageDaysLate) {
    }

    /** The collection effectiveness index over the months {@code from..to} with the amounts behind it. */
    public record CeiValues(YearMonth from, YearMonth to, int months, BigDecimal arStart, BigDecimal sales,
            BigDecimal arEnd, BigDecimal currentArEnd, BigDecimal cei) {
    }

    @Transactional(readOnly = true)
    public MeasureValues at(LocalDate asOf, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be positive: " + days);
        }
        Receivables r = queries.receivables(asOf);
        BigDecimal sales = queries.sales(asOf.minusDays(days), asOf);
        TrendQueries.Settled settled = trends.settled(asOf.minusDays(days), asOf, TrendQueries.currentOwner());
        return new MeasureValues(asOf, days, r.ar(), r.currentAr(), r.overdueAr(), sales,
                Measures.dso(r.ar(), sales, days),
                Measures.bestPossibleDso(r.currentAr(), sales, days),
                Measures.averageDaysDelinquent(r.ar(), r.currentAr(), sales, days),
                Measures.countbackDso(r.ar(), queries.monthlySales(asOf)),
                Measures.overdueRatio(r.overdueAr(), r.ar()),
                settled.invoices(), settled.averageDaysToPay(), settled.averageDaysLate());
    }

    /** One customer's measures at a date over N days (see {@link #perCustomer}). */
    public record CustomerMeasures(String customerCode, String customerName, String owner, BigDecimal ar, BigDecimal currentAr,
            BigDecimal overdueAr, BigDecimal overdueRatio, BigDecimal sales, BigDecimal dso, long settledInvoices,
            BigDecimal averageDaysToPay, BigDecimal averageDaysLate) {
    }

    /** How per-customer measures may be sorted (each largest first, then by code). */
    public static final List<String> CUSTOMER_SORTS = List.of("overdueAr", "ar", "overdueRatio", "dso", "averageDaysToPay",
            "averageDaysLate", "sales", "customerCode");

    /**
     * Each customer's measures at {@code asOf} over {@code days} days, as the overall ones are
     * defined: AR, not-yet-due and overdue AR, overdue ratio, sales in (D−N, D], DSO, and the
     * amount-weighted average days to pay and late of the invoices settled with a payment in the
     * window. Sorted by {@code sort} (largest first; customerCode ascending), paged.
     */
    @Transactional(readOnly = true)
    public io.huikuan.common.Page<CustomerMeasures> perCustomer(LocalDate asOf, int days, String sort, int page, int size) {
        List<CustomerMeasures> all = new ArrayList<>();
        for (MeasureQueries.CustomerAmounts a : queries.perCustomer(asOf.minusDays(days), asOf)) {
            BigDecimal overdue = a.ar().subtract(a.currentAr());
            TrendQueries.Settled s = new TrendQueries.Settled(a.settledInvoices(), a.settledAmount(), a.weightedDaysToPay(), a.weightedDaysLate());
            all.add(new CustomerMeasures(a.code(), a.name(), a.owner(), a.ar(), a.currentAr(), overdue, Measures.overdueRatio(overdue, a.ar()),
                    a.sales(), Measures.dso(a.ar(), a.sales(), days), a.settledInvoices(), s.averageDaysToPay(), s.averageDaysLate()));
        }
        java.util.function.Function<CustomerMeasures, BigDecimal> key = switch (sort) {
            case "ar" -> CustomerMeasures::ar;
            case "overdueRatio" -> CustomerMeasures::overdueRatio;
            case "dso" -> CustomerMeasures::dso;
            case "averageDaysToPay" -> CustomerMeasures::averageDaysToPay;
            case "averageDaysLate" -> CustomerMeasures::averageDaysLate;
            case "sales" -> CustomerMeasures::sales;
            case "customerCode" -> null;
            default -> CustomerMeasures::overdueAr;
        };
        java.util.Comparator<CustomerMeasures> byCode = java.util.Comparator.comparing(CustomerMeasures::customerCode);
        all.sort(key == null ? byCode : java.util.Comparator.comparing(key, java.util.Comparator.nullsLast(java.util.Comparator.<BigDecimal>reverseOrder()))
                .thenComparing(byCode));
        int from = Math.min(all.size(), page * size);
        return new io.huikuan.common.Page<>(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), all.size(), page, size);
    }

    /**
     * CEI over {@code from..to}: AR at start is AR on the day before {@code from}'s first day; sales are
     * those invoiced in the months; AR and current AR at end are at {@code to}'s last day.
     */
    @Transactional(readOnly = true)
    public CeiValues cei(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("from must not be after to: " + from + " > " + to);
        }
        int months = (int) ChronoUnit.MONTHS.between(from, to) + 1;
        LocalDate start = from.atDay(1).minusDays(1);
        LocalDate end = to.atEndOfMonth();
        Receivables atStart = queries.receivables(start);
        Receivables atEnd = queries.receivables(end);
        BigDecimal sales = queries.sales(start, end);
        return new CeiValues(from, to, months, atStart.ar(), sales, atEnd.ar(), atEnd.currentAr(),
                Measures.cei(atStart.ar(), sales, months, atEnd.ar(), atEnd.currentAr()));
    }
}
