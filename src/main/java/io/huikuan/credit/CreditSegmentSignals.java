package io.huikuan.credit;

import io.huikuan.strategy.CustomerSignals;
import io.huikuan.strategy.SegmentSignals;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Credit's signals for strategy's segments (issue 15, item 5), for every customer at once, set-based:
 * <ul>
 * <li>score and computed grade: the latest stored daily snapshot ({@code credit_score}) dated on or before the date and
 * at most {@value #WINDOW_DAYS} days before it (the 03:00 snapshot, or one stored since when the customer's credit was
 * looked at); the score is not computed here (at 100,000 customers that takes seconds), so a customer without a recent
 * snapshot has no score;</li>
 * <li>the effective grade: the override in force at the date, else that computed grade;</li>
 * <li>over the limit: open receivables at the date (balance periods, every currency summed as it is, as in
 * {@link CustomerCredits}) plus the orders the ERP reported open then, above the credit limit (no limit: never);</li>
 * <li>open alerts: the early-warning alerts raised by the date and not resolved by then, counted per customer.</li>
 * </ul>
 * Only the signals asked for are read: one statement for scores (the window's rows by the {@code as_of} index; the
 * latest per customer kept in Java, ten times cheaper than grouping in SQL), one for overrides, one for the exposure.
 */
@Component
class CreditSegmentSignals implements SegmentSignals {

    static final int WINDOW_DAYS = 7;

    /** The snapshots of the window, by the {@code as_of} index; the latest per customer is kept in Java (no self-join). */
    private static final String SCORES = "SELECT customer_id, as_of, score, grade FROM credit_score WHERE as_of > :from AND as_of <= :d";

    private static final String OVER_LIMIT = """
            SELECT c.id
            FROM customer c
            JOIN (SELECT customer_id, sum(open_amount) amt FROM balance_period
                  WHERE valid_from <= :d AND (valid_to IS NULL OR valid_to > :d) GROUP BY customer_id) b ON b.customer_id = c.id
            LEFT JOIN (SELECT customer_id, sum(amount) amt FROM credit_open_order
                       WHERE opened_on <= :d AND (closed_on IS NULL OR closed_on > :d) GROUP BY customer_id) o ON o.customer_id = c.id
            WHERE c.credit_limit IS NOT NULL AND b.amt + COALESCE(o.amt, 0) > c.credit_limit""";

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    CreditSegmentSignals(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<Long, CustomerSignals> asOf(LocalDate asOf, Set<Signal> wanted) {
        Date d = Date.valueOf(asOf);
        Map<Long, Integer> scores = new HashMap<>();
        Map<Long, String> grades = new HashMap<>();
        if (wanted.contains(Signal.CREDIT_SCORE)) {
            Map<Long, Date> latest = new HashMap<>();
            jdbc.sql(SCORES).param("from", Date.valueOf(asOf.minusDays(WINDOW_DAYS))).param("d", d).query(rs -> {
                long id = rs.getLong(1);
                Date day = rs.getDate(2);
                Date seen = latest.get(id);
                if (seen == null || day.after(seen)) {
                    latest.put(id, day);
                    scores.put(id, rs.getInt(3));
                    grades.put(id, rs.getString(4));
                }
            });
            jdbc.sql("SELECT customer_id, grade FROM credit_grade_override WHERE set_on <= :d AND expires_on >= :d").param("d", d)
                    .query(rs -> {
                        grades.put(rs.getLong(1), rs.getString(2));
                    });
        }
        Set<Long> over = new HashSet<>();
        if (wanted.contains(Signal.OVER_LIMIT)) {
            over.addAll(jdbc.sql(OVER_LIMIT).param("d", d).query(Long.class).list());
        }
        Map<Long, Integer> alerts = new HashMap<>();
        if (wanted.contains(Signal.OPEN_ALERTS)) {
            // open at the date: raised by then and not resolved before the next day began (the company's zone)
            Timestamp next = Timestamp.from(asOf.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
            jdbc.sql("SELECT customer_id, count(*) FROM credit_alert WHERE raised_on <= :d AND (resolved_at IS NULL OR resolved_at >= :next) "
                    + "GROUP BY customer_id").param("d", d).param("next", next).query(rs -> {
                        alerts.put(rs.getLong(1), rs.getInt(2));
                    });
        }
        Set<Long> ids = new HashSet<>(grades.keySet());
        ids.addAll(over);
        ids.addAll(alerts.keySet());
        Map<Long, CustomerSignals> out = new HashMap<>(ids.size() * 2);
        for (Long id : ids) {
            out.put(id, new CustomerSignals(scores.get(id), grades.get(id), over.contains(id), alerts.getOrDefault(id, 0)));
        }
        return out;
    }

    /**
     * For the signals wanted only: the latest snapshot day and its row count and the overrides (count, last set) for the
     * score; the orders (last report, last id, the open ones' count and sum) for the limit; the alerts not resolved
     * (count, last id) for the open alerts. All by index or over small sets, hashed to 8 characters (the run's key has
     * 200). The alerts the daily run itself raises change it only when some segment tests them.
     */
    @Override
    public String inputsKey(Set<Signal> wanted) {
        StringBuilder key = new StringBuilder();
        if (wanted.contains(Signal.CREDIT_SCORE)) {
            key.append(jdbc.sql("SELECT COALESCE(CAST(max(as_of) AS VARCHAR(20)), '-') || '/' || count(*) FROM credit_score "
                    + "WHERE as_of = (SELECT max(as_of) FROM credit_score)").query(String.class).single())
                    .append(jdbc.sql("SELECT count(*) || '/' || COALESCE(CAST(max(set_at) AS VARCHAR(40)), '-') FROM credit_grade_override")
                            .query(String.class).single());
        }
        if (wanted.contains(Signal.OVER_LIMIT)) {
            key.append(jdbc.sql("SELECT COALESCE(CAST(max(reported_at) AS VARCHAR(40)), '-') || '/' || COALESCE(max(id), 0) FROM credit_open_order")
                    .query(String.class).single())
                    .append(jdbc.sql("SELECT count(*) || '/' || COALESCE(sum(amount), 0) FROM credit_open_order WHERE closed_on IS NULL")
                            .query(String.class).single());
        }
        if (wanted.contains(Signal.OPEN_ALERTS)) {
            key.append(jdbc.sql("SELECT count(*) || '/' || COALESCE(max(id), 0) FROM credit_alert WHERE status <> 'RESOLVED'").query(String.class)
                    .single());
        }
        return Integer.toHexString(key.toString().hashCode());
    }
}
