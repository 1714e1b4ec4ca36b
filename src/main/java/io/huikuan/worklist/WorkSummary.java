package io.huikuan.worklist;

import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collection work a home page shows, as of the app's today (issue 12, item 10): tasks done today and
 * this week (Monday to today) per collector, open promises falling due in the next {@link #DUE_DAYS} days,
 * promises broken this month, step messages waiting for a manager's approval, and collected this month
 * against the target. A user who works a portfolio (a collector) sees their own work only.
 */
@Service
public class WorkSummary {

    /** Promises due "soon": promised date from today to today + this many days. */
    public static final int DUE_DAYS = 7;

    /** Tasks one user completed today and this week. */
    public record CollectorWork(String username, long doneToday, long doneThisWeek) {
    }

    /** A count and its amount. */
    public record Tally(long count, BigDecimal amount) {
    }

    /**
     * Everything of the panel. {@code approvalsWaiting} is null for a user who cannot approve; {@code target}
     * null when no target was set for the scope.
     */
    public record Figures(LocalDate asOf, LocalDate weekStart, List<CollectorWork> collectors, Tally promisesDue, Tally promisesBroken,
            Long approvalsWaiting, BigDecimal collectedThisMonth, BigDecimal target, BigDecimal achievedPercent, boolean ownOnly) {

        /** Tasks done today, all collectors in scope. */
        public long totalToday() {
            return collectors.stream().mapToLong(CollectorWork::doneToday).sum();
        }

        /** Tasks done this week, all collectors in scope. */
        public long totalThisWeek() {
            return collectors.stream().mapToLong(CollectorWork::doneThisWeek).sum();
        }
    }

    private final JdbcClient jdbc;
    private final Targets targets;
    private final Clock clock;

    WorkSummary(JdbcClient jdbc, Targets targets, Clock clock) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.clock = clock;
    }

    /** The current user's figures as of today. */
    @Transactional(readOnly = true)
    public Figures figures() {
        CurrentUser user = CurrentUser.get();
        boolean own = user.portfolioOnly();
        LocalDate today = LocalDate.now(clock);
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String owner = own ? user.username() : null;
        Collected c = collected(user, own, today);
        return new Figures(today, weekStart, done(owner, today, weekStart), promisesDue(owner, today), promisesBroken(owner, today),
                user.isManager() ? approvalsWaiting() : null, c.actual(), c.target(), c.percent(), own);
    }

    private List<CollectorWork> done(String onlyUser, LocalDate today, LocalDate weekStart) {
        Timestamp weekFrom = start(weekStart);
        Timestamp dayFrom = start(today);
        Timestamp until = start(today.plusDays(1));
        List<Object> params = new ArrayList<>(List.of(dayFrom, weekFrom, until));
        String who = "";
        if (onlyUser != null) {
            who = " AND completed_by = ?";
            params.add(onlyUser);
        }
        List<CollectorWork> rows = jdbc.sql("""
                SELECT completed_by, sum(CASE WHEN completed_at >= ? THEN 1 ELSE 0 END) today_n, count(*) week_n
                FROM collection_task WHERE status = 'DONE' AND completed_by IS NOT NULL AND completed_at >= ? AND completed_at < ?"""
                        + who + " GROUP BY completed_by ORDER BY count(*) DESC, completed_by")
                .params(params).query((rs, n) -> new CollectorWork(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        if (rows.isEmpty() && onlyUser != null) {
            return List.of(new CollectorWork(onlyUser, 0, 0));
        }
        return rows;
    }

    private Tally promisesDue(String owner, LocalDate today) {
        return tally("""
                SELECT count(*), coalesce(sum(p.amount - p.paid_amount), 0) FROM promise p JOIN customer c ON c.id = p.customer_id
                WHERE p.status = 'OPEN' AND p.promised_date >= ? AND p.promised_date <= ?""", owner,
                List.of(java.sql.Date.valueOf(today), java.sql.Date.valueOf(today.plusDays(DUE_DAYS))));
    }

    private Tally promisesBroken(String owner, LocalDate today) {
        YearMonth month = YearMonth.from(today);
        return tally("""
                SELECT count(*), coalesce(sum(p.amount - p.paid_amount), 0) FROM promise p JOIN customer c ON c.id = p.customer_id
                WHERE p.status = 'BROKEN' AND p.settled_on >= ? AND p.settled_on <= ?""", owner,
                List.of(java.sql.Date.valueOf(month.atDay(1)), java.sql.Date.valueOf(today)));
    }

    private Tally tally(String sql, String owner, List<Object> fixed) {
        List<Object> params = new ArrayList<>(fixed);
        if (owner != null) {
            sql += " AND c.owner = ?";
            params.add(owner);
        }
        return jdbc.sql(sql).params(params).query((rs, n) -> new Tally(rs.getLong(1), rs.getBigDecimal(2).setScale(2))).single();
    }

    private long approvalsWaiting() {
        return jdbc.sql("SELECT count(*) FROM collection_task t WHERE t.status = 'OPEN' AND t.kind = 'STEP' AND t.dispatched_at IS NULL"
                        + " AND t.template IS NOT NULL AND t.channel IN (" + Tasks.WRITTEN_IN + ") AND t.template_approval = TRUE"
                        + " AND t.approved_at IS NULL")
                .query(Long.class).single();
    }

    private record Collected(BigDecimal actual, BigDecimal target, BigDecimal percent) {
    }

    /** A collector: their own month; a manager or finance: the sum over the collectors and their targets. */
    private Collected collected(CurrentUser user, boolean own, LocalDate today) {
        YearMonth month = YearMonth.from(today);
        if (own || !(user.isManager() || user.has(Role.FINANCE))) {
            Targets.Progress p = targets.progress(user.username(), month);
            return new Collected(p.actual(), p.target(), p.achievedPercent());
        }
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal target = null;
        for (Targets.Standing s : targets.leaderboard(month)) {
            actual = actual.add(s.actual());
            if (s.target() != null) {
                target = target == null ? s.target() : target.add(s.target());
            }
        }
        return new Collected(actual, target, Targets.percent(actual, target));
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
