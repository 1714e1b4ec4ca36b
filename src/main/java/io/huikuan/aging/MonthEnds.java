package io.huikuan.aging;

import io.huikuan.aging.MeasureService.TrendPoint;
import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.ledger.BalancePeriods;
import io.huikuan.ledger.Currencies;
import io.huikuan.ledger.History;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Month-end closes. Closing a month stores, as of its last day, the aging of every customer with
 * the default buckets and the month's measures (DSO over {@link #DSO_DAYS} days, best possible DSO,
 * ADD, count-back DSO, CEI, overdue ratio, days to pay and late) for the company and for each
 * owner's portfolio. From then on the trend shows the stored figures for that month, however late
 * payments or invoices dated in it arrive; the comparison report shows what moved since.
 * Managers and finance close; managers reopen (with a reason). Everyone may read, a collector
 * their own portfolio.
 */
@Service
public class MonthEnds {

    /** Days of sales the stored DSO measures use (the dashboard's). */
    public static final int DSO_DAYS = 90;
    /** The key of the company-wide measures. */
    static final String COMPANY = "*";
    /** At most this many customers in a comparison report. */
    public static final int MAX_DIFFERENCES = 500;

    /** One closed month: when, by whom, how many customers had receivables and how much. */
    public record Close(String month, LocalDate asOf, Instant closedAt, String closedBy, long customers, BigDecimal total,
            BigDecimal disputed) {
    }

    /** One customer whose stored aging differs from the aging recomputed now. */
    public record CustomerDifference(String customerCode, String customerName, BigDecimal storedTotal, BigDecimal recomputedTotal,
            BigDecimal difference, List<BigDecimal> storedAmounts, List<BigDecimal> recomputedAmounts) {
    }

    /** One measure, as stored and as recomputed now. */
    public record MeasureDifference(String measure, BigDecimal stored, BigDecimal recomputed, boolean changed) {
    }

    /** The snapshot-versus-recomputed report of a closed month. */
    public record Comparison(String month, LocalDate asOf, List<AgingBucket> buckets, AgingReport.Total stored,
            AgingReport.Total recomputed, BigDecimal difference, long customersChanged, List<CustomerDifference> customers,
            List<MeasureDifference> measures) {
    }

    private final JdbcClient jdbc;
    private final AgingQueries aging;
    private final MeasureService measures;
    private final History history;
    private final BalancePeriods periods;
    private final Clock clock;

    MonthEnds(JdbcClient jdbc, AgingQueries aging, MeasureService measures, History history, BalancePeriods periods, Clock clock) {
        this.jdbc = jdbc;
        this.aging = aging;
        this.measures = measures;
        this.history = history;
        this.periods = periods;
        this.clock = clock;
    }

    /** The closed months, newest first; totals over the user's portfolio for a collector. */
    @Transactional(readOnly = true)
    public List<Close> list() {
        String owner = TrendQueries.currentOwner();
        return jdbc.sql("""
                SELECT m.month_key, m.as_of, m.closed_at, m.closed_by, count(DISTINCT a.customer_id) customers,
                       coalesce(sum(CASE WHEN a.currency = '%2$s' THEN a.total ELSE 0 END), 0) total,
                       coalesce(sum(CASE WHEN a.currency = '%2$s' THEN a.disputed ELSE 0 END), 0) disputed
                FROM month_end m LEFT JOIN month_end_aging a ON a.month_key = m.month_key%s
                GROUP BY m.month_key, m.as_of, m.closed_at, m.closed_by ORDER BY m.month_key DESC""".formatted(owner == null ? "" : " AND a.owner = ?",
                        Currencies.BASE))
                .params(owner == null ? List.of() : List.of(owner))
                .query((rs, n) -> new Close(rs.getString("month_key"), rs.getObject("as_of", LocalDate.class),
                        rs.getTimestamp("closed_at").toInstant(), rs.getString("closed_by"), rs.getLong("customers"),
                        AgingQueries.money(rs.getBigDecimal("total")), AgingQueries.money(rs.getBigDecimal("disputed"))))
                .list();
    }

    public Close get(YearMonth month) {
        return list().stream().filter(c -> c.month().equals(month.toString())).findFirst()
                .orElseThrow(() -> new NotFoundException("month end", month.toString()));
    }

    /** The last month that is over on {@code today}: today's month on its last day, else the month before. */
    public static YearMonth lastCompleteMonth(LocalDate today) {
        YearMonth month = YearMonth.from(today);
        return today.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
    }

    public boolean closed(YearMonth month) {
        return jdbc.sql("SELECT count(*) FROM month_end WHERE month_key = ?").param(month.toString()).query(Long.class).single() > 0;
    }

    /** Closes a month that is over: stores its aging and measures as of its last day. */
    @Transactional
    public Close close(YearMonth month) {
        CurrentUser.require("close months", Role.MANAGER, Role.FINANCE);
        Objects.requireNonNull(month, "month");
        LocalDate asOf = month.atEndOfMonth();
        if (asOf.isAfter(LocalDate.now(clock))) {
            throw ValidationException.coded("month", month.toString(), "monthEnd.notOver", "is not over yet: it ends on " + asOf, asOf);
        }
        if (closed(month)) {
            throw new ConflictException("month", "month " + month + " is already closed; reopen it first to close it again");
        }
        String user = CurrentUser.get().username();
        jdbc.sql("INSERT INTO month_end (month_key, as_of, closed_at, closed_by) VALUES (?,?,?,?)")
                .params(month.toString(), java.sql.Date.valueOf(asOf), Timestamp.from(Instant.now(clock)), user).update();
        int customers = aging.storeMonthEnd(month.toString(), asOf);
        storeMeasures(month, COMPANY, measures.trend(month, 1, DSO_DAYS, null).getFirst());
        for (String owner : jdbc.sql("SELECT DISTINCT owner FROM customer WHERE owner IS NOT NULL ORDER BY owner").query(String.class).list()) {
            storeMeasures(month, owner, measures.trend(month, 1, DSO_DAYS, owner).getFirst());
        }
        Close close = get(month);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("month", close.month());
        what.put("asOf", asOf.toString());
        what.put("customers", customers);
        what.put("total", close.total());
        history.record("MONTH_END", month.toString(), null, "CREATE", null, what, user, "month-end close of " + month);
        periods.markChanged();
        return close;
    }

    /** Removes a month's stored figures so it can be closed again (managers; reason required). */
    @Transactional
    public void reopen(YearMonth month, String reason) {
        CurrentUser.require("reopen months", Role.MANAGER);
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", reason, "required to reopen a closed month");
        }
        Close close = get(month);
        jdbc.sql("DELETE FROM month_end_measure WHERE month_key = ?").param(month.toString()).update();
        jdbc.sql("DELETE FROM month_end_aging WHERE month_key = ?").param(month.toString()).update();
        jdbc.sql("DELETE FROM month_end WHERE month_key = ?").param(month.toString()).update();
        history.record("MONTH_END", month.toString(), null, "DELETE", close, null, CurrentUser.get().username(), reason.trim());
        periods.markChanged();
    }

    /** The stored aging of a closed month, grouped like the live one (by the customers' attributes at closing). */
    @Transactional(readOnly = true)
    public AgingReport storedAging(YearMonth month, AgingGrouping grouping) {
        Close close = get(month);
        List<AgingBucket> buckets = AgingBucket.DEFAULTS;
        String owner = TrendQueries.currentOwner();
        String key = switch (grouping) {
            case CUSTOMER -> "a.customer_code";
            case OWNER -> "a.owner";
            case REGION -> "a.region";
            case BUSINESS_UNIT -> "a.business_unit";
            case GRADE -> "a.grade";
            case NONE -> "'all'";
        };
        StringBuilder sql = new StringBuilder("SELECT " + key + " grp_key, a.currency cur, ")
                .append(grouping == AgingGrouping.CUSTOMER ? "max(c.name)" : "CAST(NULL AS VARCHAR(300))").append(" grp_name, sum(a.disputed) disputed");
        for (int b = 0; b < buckets.size(); b++) {
            sql.append(", sum(a.b").append(b).append(") b").append(b);
        }
        sql.append(" FROM month_end_aging a LEFT JOIN customer c ON c.id = a.customer_id WHERE a.month_key = ?");
        if (owner != null) {
            sql.append(" AND a.owner = ?");
        }
        sql.append(grouping == AgingGrouping.NONE ? " GROUP BY a.currency" : " GROUP BY " + key + ", a.currency");
        List<Object> params = new ArrayList<>();
        params.add(month.toString());
        if (owner != null) {
            params.add(owner);
        }
        List<AgingReport.Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            List<BigDecimal> amounts = new ArrayList<>();
            for (int b = 0; b < buckets.size(); b++) {
                amounts.add(AgingQueries.money(rs.getBigDecimal("b" + b)));
            }
            return new AgingReport.Row(rs.getString("grp_key"), rs.getString("grp_name"),
                    amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add), List.copyOf(amounts),
                    AgingQueries.money(rs.getBigDecimal("disputed")), rs.getString("cur").trim());
        }).list();
        return AgingQueries.assemble(close.asOf(), buckets, rows);
    }

    /** What moved in a closed month since it was closed: aging per customer and the measures. */
    @Transactional(readOnly = true)
    public Comparison compare(YearMonth month) {
        Close close = get(month);
        AgingReport stored = storedAging(month, AgingGrouping.CUSTOMER);
        AgingReport now = aging.aging(close.asOf(), AgingBucket.DEFAULTS, AgingGrouping.CUSTOMER);
        Map<String, AgingReport.Row> storedRows = new HashMap<>();
        stored.rows().forEach(r -> storedRows.put(rowKey(r), r));
        Map<String, AgingReport.Row> nowRows = new HashMap<>();
        now.rows().forEach(r -> nowRows.put(rowKey(r), r));
        List<CustomerDifference> differences = new ArrayList<>();
        List<BigDecimal> zeros = AgingBucket.DEFAULTS.stream().map(b -> BigDecimal.ZERO.setScale(2)).toList();
        java.util.Set<String> keys = new java.util.TreeSet<>(storedRows.keySet());
        keys.addAll(nowRows.keySet());
        for (String key : keys) {
            AgingReport.Row s = storedRows.get(key);
            AgingReport.Row r = nowRows.get(key);
            List<BigDecimal> sa = s == null ? zeros : s.amounts();
            List<BigDecimal> ra = r == null ? zeros : r.amounts();
            if (!sameAmounts(sa, ra)) {
                BigDecimal st = s == null ? BigDecimal.ZERO.setScale(2) : s.total();
                BigDecimal rt = r == null ? BigDecimal.ZERO.setScale(2) : r.total();
                differences.add(new CustomerDifference(key, r != null ? r.name() : s.name(), st, rt, rt.subtract(st), sa, ra));
            }
        }
        differences.sort(Comparator.comparing((CustomerDifference d) -> d.difference().abs()).reversed()
                .thenComparing(CustomerDifference::customerCode));
        long changed = differences.size();

        String owner = TrendQueries.currentOwner();
        TrendPoint storedPoint = measures.storedMeasures(month, month, owner).get(month);
        TrendPoint livePoint = measures.trendLive(month, 1, DSO_DAYS, owner).getFirst();
        List<MeasureDifference> measureDifferences = new ArrayList<>();
        if (storedPoint != null) {
            add(measureDifferences, "ar", storedPoint.ar(), livePoint.ar());
            add(measureDifferences, "currentAr", storedPoint.currentAr(), livePoint.currentAr());
            add(measureDifferences, "overdueAr", storedPoint.overdueAr(), livePoint.overdueAr());
            add(measureDifferences, "sales", storedPoint.sales(), livePoint.sales());
            add(measureDifferences, "dso", storedPoint.dso(), livePoint.dso());
            add(measureDifferences, "bestPossibleDso", storedPoint.bestPossibleDso(), livePoint.bestPossibleDso());
            add(measureDifferences, "add", storedPoint.add(), livePoint.add());
            add(measureDifferences, "countbackDso", storedPoint.countbackDso(), livePoint.countbackDso());
            add(measureDifferences, "cei", storedPoint.cei(), livePoint.cei());
            add(measureDifferences, "overdueRatio", storedPoint.overdueRatio(), livePoint.overdueRatio());
            add(measureDifferences, "averageDaysToPay", storedPoint.averageDaysToPay(), livePoint.averageDaysToPay());
            add(measureDifferences, "averageDaysLate", storedPoint.averageDaysLate(), livePoint.averageDaysLate());
        }
        return new Comparison(month.toString(), close.asOf(), AgingBucket.DEFAULTS, stored.total(), now.total(),
                now.total().total().subtract(stored.total().total()), changed,
                List.copyOf(differences.subList(0, Math.min(MAX_DIFFERENCES, differences.size()))), List.copyOf(measureDifferences));
    }

    /** A customer's row: its code, followed by the currency when that is not the base currency (a customer has a row per currency). */
    private static String rowKey(AgingReport.Row r) {
        return Currencies.BASE.equals(r.currency()) ? r.key() : r.key() + " (" + r.currency() + ")";
    }

    private static void add(List<MeasureDifference> list, String name, BigDecimal stored, BigDecimal recomputed) {
        boolean changed = stored == null ? recomputed != null : recomputed == null || stored.compareTo(recomputed) != 0;
        list.add(new MeasureDifference(name, stored, recomputed, changed));
    }

    private static boolean sameAmounts(List<BigDecimal> a, List<BigDecimal> b) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).compareTo(b.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    private void storeMeasures(YearMonth month, String owner, TrendPoint p) {
        jdbc.sql("""
                INSERT INTO month_end_measure (month_key, owner, ar, current_ar, overdue_ar, sales, dso, best_possible_dso, add_days,
                    countback_dso, cei, overdue_ratio, settled_invoices, average_days_to_pay, average_days_late)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(month.toString(), owner, p.ar(), p.currentAr(), p.overdueAr(), p.sales(), p.dso(), p.bestPossibleDso(), p.add(),
                        p.countbackDso(), p.cei(), p.overdueRatio(), p.settledInvoices(), p.averageDaysToPay(), p.averageDaysLate())
                .update();
    }
}
