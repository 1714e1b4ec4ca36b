package io.huikuan.strategy;

import io.huikuan.worklist.Channel;
import io.huikuan.worklist.TaskKind;
import io.huikuan.worklist.Tone;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the run's tasks in batches. A task whose (customer, key) exists is skipped, never
 * doubled: {@code ON CONFLICT DO NOTHING} on PostgreSQL (safe however many writers race),
 * {@code NOT EXISTS} on the embedded H2. Returns the rows really inserted, so counts are exact.
 */
@Component
class TaskWriter {

    /** One task row to insert. */
    record Row(long customerId, String key, TaskKind kind, long runId, String segment, Long versionId, Integer offset, Channel channel,
            Tone tone, String ownerRole, String template, String assignee, LocalDate dueDate, LocalDate cycleStart, BigDecimal overdue,
            int daysOverdue, BigDecimal risk, BigDecimal priority, String reason, boolean approval) {
    }

    private static final String COLUMNS = """
            customer_id, task_key, kind, run_id, segment_code, strategy_version_id, step_offset, channel, tone, owner_role, template, assignee,
            due_date, cycle_start, overdue_amount, days_overdue, risk_factor, priority, reason, template_approval, status, created_at""";

    private static final String PG = "INSERT INTO collection_task (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) "
            + "ON CONFLICT (customer_id, task_key) DO NOTHING";

    private static final String H2 = "INSERT INTO collection_task (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ? "
            + "WHERE NOT EXISTS (SELECT 1 FROM collection_task WHERE customer_id = ? AND task_key = ?)";

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    TaskWriter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgres = Boolean.TRUE.equals(jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
    }

    /** Inserts the rows that do not exist yet (in the caller's transaction); returns the inserted ones. */
    List<Row> insert(List<Row> rows, Timestamp now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        int[][] counts = jdbc.batchUpdate(postgres ? PG : H2, rows, 1000, (ps, r) -> bind(ps, r, now));
        List<Row> inserted = new ArrayList<>();
        int i = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                if (c > 0) {
                    inserted.add(rows.get(i));
                }
                i++;
            }
        }
        return inserted;
    }

    private void bind(PreparedStatement ps, Row r, Timestamp now) throws SQLException {
        int i = 1;
        ps.setLong(i++, r.customerId());
        ps.setString(i++, r.key());
        ps.setString(i++, r.kind().name());
        ps.setLong(i++, r.runId());
        ps.setString(i++, r.segment());
        ps.setObject(i++, r.versionId(), java.sql.Types.BIGINT);
        ps.setObject(i++, r.offset(), java.sql.Types.INTEGER);
        ps.setString(i++, r.channel().name());
        ps.setString(i++, r.tone() == null ? null : r.tone().name());
        ps.setString(i++, r.ownerRole());
        ps.setString(i++, r.template());
        ps.setString(i++, r.assignee());
        ps.setDate(i++, Date.valueOf(r.dueDate()));
        ps.setDate(i++, r.cycleStart() == null ? null : Date.valueOf(r.cycleStart()));
        ps.setBigDecimal(i++, r.overdue());
        ps.setInt(i++, r.daysOverdue());
        ps.setBigDecimal(i++, r.risk());
        ps.setBigDecimal(i++, r.priority());
        ps.setString(i++, r.reason());
        ps.setBoolean(i++, r.approval());
        ps.setTimestamp(i++, now);
        if (!postgres) {
            ps.setLong(i++, r.customerId());
            ps.setString(i, r.key());
        }
    }

    /** Replaces the stored segment of customers {@code (fromId, toId]} with {@code assigned} (customer id, segment code). */
    void storeSegments(long fromId, long toId, List<Object[]> assigned, LocalDate asOf, long runId) {
        jdbc.update("DELETE FROM customer_segment WHERE customer_id > ? AND customer_id <= ?", fromId, toId);
        jdbc.batchUpdate("INSERT INTO customer_segment (customer_id, segment_code, as_of, run_id) VALUES (?, ?, ?, ?)", assigned, 1000,
                (ps, a) -> {
                    ps.setLong(1, (Long) a[0]);
                    ps.setString(2, (String) a[1]);
                    ps.setDate(3, Date.valueOf(asOf));
                    ps.setLong(4, runId);
                });
    }

    /**
     * Cancels the open step tasks of an escalation cycle that a later payment (on or before
     * {@code asOf}) has ended; returns how many.
     */
    int cancelEndedCycles(LocalDate asOf) {
        return jdbc.update("""
                UPDATE collection_task SET status = 'CANCELLED'
                WHERE kind = 'STEP' AND status = 'OPEN'
                  AND EXISTS (SELECT 1 FROM payment p WHERE p.customer_id = collection_task.customer_id
                              AND p.payment_date > collection_task.cycle_start AND p.payment_date <= ?)""", Date.valueOf(asOf));
    }
}
