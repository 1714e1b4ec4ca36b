package io.huikuan.aging;

import io.huikuan.aging.MeasureService.TrendPoint;
import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.BalancePeriods;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Everything the management dashboard shows for a day and a scope (the company, or a collector's
 * portfolio): the aging total, overdue by owner, the customers with the most overdue and the
 * measure trend of the last {@link #TREND_MONTHS} month ends. Computing them takes a few set-based
 * statements over the whole ledger, so the result is kept until the ledger changes: every
 * committed change to balances, disputes or month-end closes bumps the ledger version, and a
 * request that finds a different version recomputes (one request per scope at a time; the others
 * wait for it rather than computing the same figures again).
 */
@Service
public class DashboardFigures {

    /** DSO and its relatives are measured over this many days of sales (the month-end closes' too). */
    public static final int DSO_DAYS = MonthEnds.DSO_DAYS;
    /** How many month ends the trend shows. */
    public static final int TREND_MONTHS = 24;
    /** How many customers the top-overdue table lists. */
    public static final int TOP = 10;
    /** Cached scopes × days before the cache is cleared. */
    private static final int MAX_ENTRIES = 1000;

    /** The dashboard's figures, as of {@code asOf}, computed at ledger version {@code version}. */
    public record Figures(LocalDate asOf, AgingReport total, AgingReport byOwner, List<AgingQueries.TopCustomer> topOverdue,
            List<TrendPoint> trend, long version) {
    }

    private record Cached(long version, Figures figures) {
    }

    private final AgingQueries aging;
    private final MeasureService measures;
    private final BalancePeriods periods;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    DashboardFigures(AgingQueries aging, MeasureService measures, BalancePeriods periods) {
        this.aging = aging;
        this.measures = measures;
        this.periods = periods;
    }

    /** The figures as of {@code today} for the current user's scope. */
    public Figures get(LocalDate today) {
        String key = (CurrentUser.get().portfolioOnly() ? "owner:" + CurrentUser.get().username() : "all") + "|" + today;
        long version = periods.version();
        Cached cached = cache.get(key);
        if (cached != null && cached.version() == version) {
            return cached.figures();
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            version = periods.version();
            cached = cache.get(key);
            if (cached != null && cached.version() == version) {
                return cached.figures();
            }
            Figures figures = compute(today, version);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
                locks.clear();
            }
            cache.put(key, new Cached(version, figures));
            return figures;
        }
    }

    /** Recomputes without the cache (the benchmark's cold figure). */
    public Figures compute(LocalDate today, long version) {
        YearMonth last = MonthEnds.lastCompleteMonth(today);
        return new Figures(today, aging.aging(today, AgingGrouping.NONE), aging.aging(today, AgingGrouping.OWNER),
                aging.topOverdue(today, TOP), measures.trend(last, TREND_MONTHS, DSO_DAYS), version);
    }
}
