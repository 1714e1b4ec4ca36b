package io.huikuan.worklist;

import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Worklist tasks for deadlines another module computes (a legal case's objection period, appeal, enforcement
 * application, hearings): kind {@link TaskKind#LEGAL_DEADLINE}, in the LEGAL queue, assigned to the case owner. The
 * caller names a key prefix (e.g. {@code L:12:}) and the tasks it wants under it; {@link #sync} makes the open tasks
 * exactly these: new keys are inserted, open ones moved to the wanted due date and assignee, open ones no longer wanted
 * cancelled. A task already done is never reopened. Completed, like every task, by logging an activity.
 */
@Service
public class DeadlineTasks {

    /** A wanted task: its full key (at most 60 characters, starting with the prefix), due date and the amount at stake. */
    public record Wanted(String key, LocalDate due, BigDecimal amount) {
    }

    private final JdbcClient jdbc;
    private final SystemTasks tasks;
    private final TaskCounts counts;

    DeadlineTasks(JdbcClient jdbc, SystemTasks tasks, TaskCounts counts) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.counts = counts;
    }

    /** Makes the customer's open tasks under {@code keyPrefix} exactly {@code wanted}, in the caller's transaction. */
    @Transactional
    public void sync(long customerId, String keyPrefix, String assignee, List<Wanted> wanted) {
        Map<String, String> existing = new HashMap<>();
        jdbc.sql("SELECT task_key, status FROM collection_task WHERE customer_id = ? AND task_key LIKE ?")
                .params(customerId, keyPrefix + "%")
                .query((rs, n) -> existing.put(rs.getString(1), rs.getString(2))).list();
        java.util.Set<String> keep = new java.util.HashSet<>();
        for (Wanted w : wanted) {
            if (!w.key().startsWith(keyPrefix) || w.key().length() > 60) {
                throw new IllegalArgumentException("task key " + w.key() + " must start with " + keyPrefix + " and be at most 60 characters");
            }
            keep.add(w.key());
            BigDecimal amount = w.amount() == null ? BigDecimal.ZERO : w.amount();
            String status = existing.get(w.key());
            if (status == null) {
                tasks.open(new SystemTasks.NewTask(customerId, w.key(), TaskKind.LEGAL_DEADLINE, Channel.LEGAL_REVIEW, Role.LEGAL, assignee,
                        w.due(), amount, 0, null, null));
            } else if ("OPEN".equals(status)) {
                BigDecimal boost = Priority.boost(TaskKind.LEGAL_DEADLINE, Channel.LEGAL_REVIEW, false);
                jdbc.sql("UPDATE collection_task SET due_date = ?, assignee = ?, overdue_amount = ?, priority = ?, reason = ?"
                                + " WHERE customer_id = ? AND task_key = ? AND status = 'OPEN'")
                        .params(Date.valueOf(w.due()), assignee, amount, Priority.score(amount, BigDecimal.ONE, 0, boost),
                                Priority.reason(amount, BigDecimal.ONE, 0, TaskKind.LEGAL_DEADLINE, Channel.LEGAL_REVIEW, false), customerId, w.key())
                        .update();
                counts.changed();
            }
        }
        for (Map.Entry<String, String> e : existing.entrySet()) {
            if ("OPEN".equals(e.getValue()) && !keep.contains(e.getKey())) {
                tasks.cancel(customerId, e.getKey());
            }
        }
    }

    /** The customer's tasks under {@code keyPrefix} (any status), due date first: the case page lists them. */
    public List<Task> list(long customerId, String keyPrefix) {
        return jdbc.sql("SELECT " + Tasks.COLUMNS + " FROM collection_task t JOIN customer c ON c.id = t.customer_id"
                        + " WHERE t.customer_id = ? AND t.task_key LIKE ? ORDER BY t.due_date, t.id")
                .params(customerId, keyPrefix + "%").query(Tasks::map).list();
    }
}
