package io.huikuan.worklist;

import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks other modules' jobs put on the worklist (the legal module's limitation warnings and demand proposals): each
 * is unique per customer and {@code key}, so a job that runs again, on this node or another, never writes it twice.
 */
@Service
public class SystemTasks {

    /**
     * A task to open on {@code dueDate}. {@code assignee} null: the {@code ownerRole} queue (LEGAL, MANAGER …).
     * {@code note} is coded {@code what|arg|arg} (labels {@code task.note.what}), {@code link} a page of this
     * application; {@code amount} ranks it with {@code daysOverdue} like any other task (risk 1).
     */
    public record NewTask(long customerId, String key, TaskKind kind, Channel channel, Role ownerRole, String assignee, LocalDate dueDate,
            BigDecimal amount, int daysOverdue, String note, String link) {

        public NewTask {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(ownerRole, "ownerRole");
            Objects.requireNonNull(dueDate, "dueDate");
            if (key.length() > 60 || (note != null && note.length() > 1000) || (link != null && link.length() > 300)) {
                throw new IllegalArgumentException("key, note or link too long: " + key);
            }
        }
    }

    private final JdbcClient jdbc;
    private final TaskCounts counts;
    private final Clock clock;

    SystemTasks(JdbcClient jdbc, TaskCounts counts, Clock clock) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.clock = clock;
    }

    /** Opens the task unless the customer already has one with that key (open or done); true when it was written. */
    @Transactional
    public boolean open(NewTask t) {
        BigDecimal amount = t.amount() == null ? BigDecimal.ZERO : t.amount();
        BigDecimal risk = BigDecimal.ONE.setScale(2);
        BigDecimal boost = Priority.boost(t.kind(), t.channel(), false);
        int written = jdbc.sql("""
                INSERT INTO collection_task (customer_id, task_key, kind, channel, owner_role, assignee, due_date, overdue_amount,
                                             days_overdue, risk_factor, priority, reason, status, note, link, created_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT DO NOTHING""")
                .params(t.customerId(), t.key(), t.kind().name(), t.channel().name(), t.ownerRole().name(), t.assignee(), t.dueDate(), amount,
                        Math.max(0, t.daysOverdue()), risk, Priority.score(amount, risk, t.daysOverdue(), boost),
                        Priority.reason(amount, risk, t.daysOverdue(), t.kind(), t.channel(), false), TaskStatus.OPEN.name(), t.note(), t.link(),
                        Timestamp.from(clock.instant()))
                .update();
        if (written > 0) {
            counts.changed();
        }
        return written > 0;
    }

    /** Marks the customer's open task with that key done (its cause was dealt with elsewhere); true when one was open. */
    @Transactional
    public boolean done(long customerId, String key, String by) {
        int n = jdbc.sql("UPDATE collection_task SET status = ?, completed_by = ?, completed_at = ? WHERE customer_id = ? AND task_key = ? AND status = ?")
                .params(TaskStatus.DONE.name(), by, Timestamp.from(clock.instant()), customerId, key, TaskStatus.OPEN.name()).update();
        if (n > 0) {
            counts.changed();
        }
        return n > 0;
    }

    /** Cancels the customer's task with {@code key} if it is still open (its reason went away); true when one was. */
    @Transactional
    public boolean cancel(long customerId, String key) {
        int n = jdbc.sql("UPDATE collection_task SET status = 'CANCELLED', completed_at = ? WHERE customer_id = ? AND task_key = ? AND status = 'OPEN'")
                .params(Timestamp.from(clock.instant()), customerId, key).update();
        if (n > 0) {
            counts.changed();
        }
        return n > 0;
    }
}
