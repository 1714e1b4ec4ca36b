package io.huikuan.insight;

import io.huikuan.ledger.OverduePeriods;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts effectiveness is computed from, each in one statement over the period: the outbound actions with what made
 * them (the task's strategy version, step, template and tone), their promise; the payments of the customers acted on;
 * those customers' balance periods ({@link OverduePeriods}), from which the overdue amount at any day is read.
 */
@Component
class EffectivenessQueries {

    /** An outbound action and what it is grouped by. {@code promiseStatus}: the promise it obtained, as judged by the as-of date (null: none). */
    record Action(long id, long customerId, LocalDate on, String channel, String collector, String script, String strategy, Integer stepOffset,
            String stepChannel, String template, String tone, boolean promised, String promiseStatus) {
    }

    private static final String ACTED_ON = "SELECT customer_id FROM activity WHERE direction = 'OUTBOUND' AND occurred_at >= ? AND occurred_at < ?";

    private final JdbcClient jdbc;
    private final OverduePeriods overdue;

    EffectivenessQueries(JdbcClient jdbc, OverduePeriods overdue) {
        this.jdbc = jdbc;
        this.overdue = overdue;
    }

    List<Action> actions(LocalDate from, LocalDate to, LocalDate asOf, ZoneId zone) {
        return jdbc.sql("""
                SELECT a.id, a.customer_id, a.occurred_at, a.channel, a.recorded_by, a.script_code, s.code, v.version, t.step_offset,
                       t.channel, t.template, t.tone, p.id, p.status, p.settled_on
                FROM activity a
                LEFT JOIN collection_task t ON t.id = a.task_id
                LEFT JOIN strategy_version v ON v.id = t.strategy_version_id
                LEFT JOIN strategy s ON s.id = v.strategy_id
                LEFT JOIN promise p ON p.id = a.promise_id
                WHERE a.direction = 'OUTBOUND' AND a.occurred_at >= ? AND a.occurred_at < ?
                ORDER BY a.occurred_at, a.id""")
                .params(start(from, zone), start(to.plusDays(1), zone))
                .query((rs, i) -> {
                    String strategy = rs.getString(7) == null ? null : rs.getString(7) + " v" + rs.getInt(8);
                    Integer offset = (Integer) rs.getObject(9) == null ? null : rs.getInt(9);
                    boolean promised = rs.getObject(13) != null;
                    Date settled = rs.getDate(15);
                    String status = !promised || settled == null || settled.toLocalDate().isAfter(asOf) ? null : rs.getString(14);
                    return new Action(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant().atZone(zone).toLocalDate(), rs.getString(4),
                            rs.getString(5), rs.getString(6), strategy, offset, rs.getString(10), rs.getString(11), rs.getString(12), promised,
                            "OPEN".equals(status) ? null : status);
                }).list();
    }

    /** The payments dated in [from, until] of the customers acted on in the period. */
    List<Attribution.Paid> payments(LocalDate from, LocalDate to, LocalDate until, ZoneId zone) {
        return jdbc.sql("SELECT customer_id, payment_date, amount FROM payment WHERE payment_date >= ? AND payment_date <= ? AND customer_id IN ("
                + ACTED_ON + ")")
                .params(Date.valueOf(from), Date.valueOf(until), start(from, zone), start(to.plusDays(1), zone))
                .query((rs, i) -> new Attribution.Paid(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3))).list();
    }

    /** The balance periods that can count on a day in [from, until] of the customers acted on in the period, by customer. */
    Map<Long, List<OverduePeriods.Period>> periods(LocalDate from, LocalDate to, LocalDate until, ZoneId zone) {
        return overdue.of(ACTED_ON, List.of(start(from, zone), start(to.plusDays(1), zone)), from, until);
    }

    /** What an action costs by channel. */
    Map<String, BigDecimal> costs() {
        Map<String, BigDecimal> costs = new HashMap<>();
        jdbc.sql("SELECT channel, cost FROM insight_channel_cost").query((rs, i) -> costs.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return costs;
    }

    private static Timestamp start(LocalDate day, ZoneId zone) {
        Instant at = day.atStartOfDay(zone).toInstant();
        return Timestamp.from(at);
    }
}
