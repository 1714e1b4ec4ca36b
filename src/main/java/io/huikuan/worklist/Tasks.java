package io.huikuan.worklist;

import io.huikuan.common.SqlLike;
import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserAccount;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.InvoiceExpiries;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worklist: the open tasks due by a date, ranked by priority (then due date, id), one query and one
 * count; bulk reassignment (managers) and snoozing with a reason. Tasks are completed only by logging an
 * activity with an outcome ({@link Activities}).
 *
 * <p>The total comes from {@link TaskCounts} (cached while nothing changed, at most 10 s for changes made on
 * other nodes). Whose tasks: {@code owner} omitted, a manager or administrator sees everyone's, anyone else their own;
 * {@code owner=USER} lists the tasks assigned to USER plus the unassigned role-queue tasks of USER's roles other
 * than COLLECTOR (an administrator's include the MANAGER queue). Only managers may ask for someone else (403).
 */
@Service
public class Tasks {

    /**
     * What the worklist is narrowed to; null fields do not narrow. {@code customer}: code or name contains.
     * {@code limitation}: the customer has an open invoice whose limitation period ends within the warning window
     * (EXPIRING) or has ended (EXPIRED) as of the list's date.
     */
    public record Query(LocalDate date, String owner, Channel channel, TaskKind kind, String segment, String customer,
            BigDecimal minAmount, int page, int size, InvoiceExpiries.Filter limitation) {

        public Query(LocalDate date, String owner, Channel channel, TaskKind kind, String segment, String customer, BigDecimal minAmount,
                int page, int size) {
            this(date, owner, channel, kind, segment, customer, minAmount, page, size, null);
        }
    }

    static final String COLUMNS = """
            t.id, t.task_key, t.kind, t.step_offset, t.channel, t.tone, t.owner_role, t.assignee, t.due_date, t.overdue_amount,
            t.days_overdue, t.risk_factor, t.priority, t.reason, t.status, t.segment_code, t.snoozed_until, t.snooze_reason,
            t.outcome, t.completed_by, t.completed_at, t.activity_id, t.dispatch_note, t.note, t.link, c.code AS customer_code, c.name AS customer_name""";

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final TaskCounts counts;
    private final Clock clock;
    private final ObjectProvider<InvoiceExpiries> expiries;

    Tasks(JdbcClient jdbc, UserDirectory users, TaskCounts counts, Clock clock, ObjectProvider<InvoiceExpiries> expiries) {
        this.jdbc = jdbc;
        this.users = users;
        this.counts = counts;
        this.clock = clock;
        this.expiries = expiries;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The worklist page: open tasks due by the date and not snoozed beyond it, best first. */
    @Transactional(readOnly = true)
    public Page<Task> list(Query q) {
        CurrentUser me = CurrentUser.get();
        LocalDate date = q.date() == null ? today() : q.date();
        int size = Page.clampSize(q.size());
        int page = Math.max(0, q.page());
        StringBuilder where = new StringBuilder(" WHERE t.status = 'OPEN' AND t.due_date <= ? AND (t.snoozed_until IS NULL OR t.snoozed_until <= ?)")
                .append(" AND ").append(FOR_A_PERSON);
        List<Object> params = new ArrayList<>(List.of(date, date));
        String owner = q.owner() == null || q.owner().isBlank() ? null : q.owner().trim();
        if (owner == null && !me.isManager()) {
            owner = me.username();
        }
        if (owner != null) {
            if (!me.isManager() && !owner.equals(me.username())) {
                throw new AccessDeniedException("only a manager may see another user's worklist");
            }
            Set<Role> roles = owner.equals(me.username()) ? me.roles() : users.find(owner)
                    .orElseThrow(() -> ValidationException.coded("owner", q.owner(), "owner.unknown", "no such user")).roles();
            List<String> queues = queues(roles);
            if (queues.isEmpty()) {
                where.append(" AND t.assignee = ?");
                params.add(owner);
            } else {
                where.append(" AND (t.assignee = ? OR (t.assignee IS NULL AND t.owner_role IN (")
                        .append(queues.stream().map(r -> "?").collect(Collectors.joining(","))).append(")))");
                params.add(owner);
                params.addAll(queues);
            }
        }
        if (q.channel() != null) {
            where.append(" AND t.channel = ?");
            params.add(q.channel().name());
        }
        if (q.kind() != null) {
            where.append(" AND t.kind = ?");
            params.add(q.kind().name());
        }
        if (q.segment() != null && !q.segment().isBlank()) {
            where.append(" AND t.segment_code = ?");
            params.add(q.segment().trim());
        }
        boolean byCustomer = q.customer() != null && !q.customer().isBlank();
        if (byCustomer) {
            where.append(" AND (").append(SqlLike.condition("c.code")).append(" OR ").append(SqlLike.condition("c.name")).append(")");
            String like = SqlLike.contains(q.customer());
            params.add(like);
            params.add(like);
        }
        if (q.minAmount() != null) {
            where.append(" AND t.overdue_amount >= ?");
            params.add(q.minAmount());
        }
        if (q.limitation() != null) {
            InvoiceExpiries clocks = expiries.getIfAvailable();
            if (clocks == null) {
                throw new ValidationException("limitation", q.limitation().name(), "the limitation clock is not available");
            }
            where.append(" AND t.customer_id IN (SELECT lf.customer_id FROM (").append(clocks.matching(q.limitation(), date)).append(") lf)");
        }
        String countSql = "SELECT count(*) FROM collection_task t" + (byCustomer ? " JOIN customer c ON c.id = t.customer_id" : "") + where;
        long total = counts.count(countSql, params, () -> jdbc.sql(countSql).params(params).query(Long.class).single());
        List<Task> items = List.of();
        if (total > (long) page * size) {
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(size);
            pageParams.add((long) page * size);
            items = jdbc.sql("SELECT " + COLUMNS + " FROM collection_task t JOIN customer c ON c.id = t.customer_id" + where
                    + " ORDER BY t.priority DESC, t.due_date, t.id LIMIT ? OFFSET ?").params(pageParams).query(Tasks::map).list();
        }
        return new Page<>(items, total, page, size);
    }

    static final String AUTOMATIC_IN = StepTask.AUTOMATIC.stream().map(c -> "'" + c.name() + "'")
            .collect(java.util.stream.Collectors.joining(", "));

    /**
     * The condition (on {@code collection_task t}) of a task that is a person's work: not an automatic e-mail, SMS or
     * message step, which the system sends (it waits for approval, for the dispatch, or sits queued in the outbox),
     * unless the dispatch left it to a person (no address, nothing to say, failed: its note says why).
     */
    public static final String FOR_A_PERSON = "NOT (t.kind = 'STEP' AND t.template IS NOT NULL AND t.channel IN (" + AUTOMATIC_IN + ")"
            + " AND (t.dispatched_at IS NULL OR t.dispatch_note LIKE 'queued|%'))";

    static final String STEP_COLUMNS = """
            t.id, t.customer_id, c.code, c.name, t.channel, t.tone, t.template, t.template_approval, t.approved_by, t.approved_at, t.due_date,
            t.assignee, t.owner_role, t.status, t.dispatched_at, t.dispatch_note, t.overdue_amount""";

    static final String WRITTEN_IN = StepTask.WRITTEN.stream().map(c -> "'" + c.name() + "'")
            .collect(java.util.stream.Collectors.joining(", "));

    /** Open step tasks whose message or letter waits for a manager's approval, oldest due first. */
    public List<StepTask> awaitingApproval(int limit) {
        return jdbc.sql("SELECT " + STEP_COLUMNS + " FROM collection_task t JOIN customer c ON c.id = t.customer_id"
                        + " WHERE t.status = 'OPEN' AND t.kind = 'STEP' AND t.dispatched_at IS NULL AND t.template IS NOT NULL"
                        + " AND t.channel IN (" + WRITTEN_IN + ") AND t.template_approval = TRUE AND t.approved_at IS NULL"
                        + " ORDER BY t.due_date, t.id LIMIT ?")
                .param(limit).query(Tasks::mapStep).list();
    }

    /** A step task that writes to the customer, if {@code taskId} is one. */
    public Optional<StepTask> stepTask(long taskId) {
        return jdbc.sql("SELECT " + STEP_COLUMNS + " FROM collection_task t JOIN customer c ON c.id = t.customer_id"
                        + " WHERE t.id = ? AND t.kind = 'STEP' AND t.template IS NOT NULL AND t.channel IN (" + WRITTEN_IN + ")")
                .param(taskId).query(Tasks::mapStep).optional();
    }

    /** Replaces the note on what became of a claimed task's message or letter. */
    public void noteDispatch(long taskId, String note) {
        jdbc.sql("UPDATE collection_task SET dispatch_note = ? WHERE id = ?").params(note == null || note.length() <= 300 ? note : note.substring(0, 300),
                taskId).update();
    }

    /** Records a manager's approval of the step's message or letter; false when it is not waiting for one. */
    public boolean approve(long taskId, String by) {
        return jdbc.sql("UPDATE collection_task SET approved_by = ?, approved_at = ? WHERE id = ? AND template_approval = TRUE"
                        + " AND approved_at IS NULL AND status = 'OPEN'")
                .params(by, ConductRules.ts(clock.instant()), taskId).update() == 1;
    }

    /**
     * A manager turns down a step's message or letter waiting for approval: the task is cancelled, with who and why in its
     * dispatch note. False when it was not waiting for approval (any more).
     */
    public boolean reject(long taskId, String by, String note) {
        counts.changed();
        return jdbc.sql("UPDATE collection_task SET status = 'CANCELLED', completed_by = ?, completed_at = ?, dispatch_note = ?"
                        + " WHERE id = ? AND template_approval = TRUE AND approved_at IS NULL AND status = 'OPEN' AND dispatched_at IS NULL")
                .params(by, ConductRules.ts(clock.instant()), note == null || note.length() <= 300 ? note : note.substring(0, 300), taskId)
                .update() == 1;
    }

    static StepTask mapStep(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Timestamp approved = rs.getTimestamp(10);
        java.sql.Timestamp dispatched = rs.getTimestamp(15);
        String tone = rs.getString(6);
        return new StepTask(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Channel.valueOf(rs.getString(5)),
                tone == null ? null : Tone.valueOf(tone), rs.getString(7), rs.getBoolean(8), rs.getString(9),
                approved == null ? null : approved.toInstant(), rs.getDate(11).toLocalDate(), rs.getString(12), rs.getString(13),
                TaskStatus.valueOf(rs.getString(14)), dispatched == null ? null : dispatched.toInstant(), rs.getString(16), rs.getBigDecimal(17));
    }

    /** The owner roles whose unassigned queue a user with these roles works. */
    static List<String> queues(Set<Role> roles) {
        Set<String> queues = new LinkedHashSet<>();
        for (Role r : roles) {
            if (r == Role.ADMIN) {
                queues.add(Role.MANAGER.name());
            } else if (r != Role.COLLECTOR) {
                queues.add(r.name());
            }
        }
        return List.copyOf(queues);
    }

    /** A task, without any access check. */
    public Optional<Task> find(long taskId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE t.id = ?")
                .param(taskId).query(Tasks::map).optional();
    }

    /** A task the current user may act on (404 otherwise). */
    public Task get(long taskId) {
        Task t = find(taskId).orElseThrow(() -> new NotFoundException("task", String.valueOf(taskId)));
        if (!mayAct(CurrentUser.get(), t)) {
            throw new NotFoundException("task", String.valueOf(taskId));
        }
        return t;
    }

    /** May the current user complete, snooze (or, a manager, reassign) this task? */
    public boolean mayAct(Task t) {
        return mayAct(CurrentUser.get(), t);
    }

    /** Managers act on every task; others on the tasks assigned to them and the unassigned tasks of their role queues. */
    static boolean mayAct(CurrentUser user, Task t) {
        if (user.isManager()) {
            return true;
        }
        if (t.assignee() != null) {
            return t.assignee().equals(user.username());
        }
        return queues(user.roles()).contains(t.ownerRole());
    }

    /** The customer's open tasks, best first (the customer page and its activity form). */
    public List<Task> openTasks(long customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM collection_task t JOIN customer c ON c.id = t.customer_id"
                        + " WHERE t.customer_id = ? AND t.status = 'OPEN' ORDER BY t.priority DESC, t.due_date, t.id")
                .param(customerId).query(Tasks::map).list();
    }

    /** Moves open tasks to another user (managers and administrators), all or nothing; unknown ids are named. */
    @Transactional
    public int reassign(List<Long> taskIds, String assignee) {
        CurrentUser.require("reassign tasks", Role.MANAGER);
        List<FieldError> errors = new ArrayList<>();
        List<Long> ids = taskIds == null ? List.of() : taskIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            errors.add(FieldError.coded("taskIds", null, "worklist.noTasks", "at least one task id"));
        } else if (ids.size() > 1000) {
            errors.add(new FieldError("taskIds", ids.size(), "at most 1000 tasks at once"));
        }
        if (assignee == null || assignee.isBlank()) {
            errors.add(FieldError.coded("assignee", assignee, "required", "required"));
        } else if (users.find(assignee.trim()).filter(UserAccount::enabled).isEmpty()) {
            errors.add(FieldError.coded("assignee", assignee, "owner.unknown", "no enabled user '" + assignee + "'"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String in = ids.stream().map(i -> "?").collect(Collectors.joining(","));
        List<Object[]> found = jdbc.sql("SELECT id, status FROM collection_task WHERE id IN (" + in + ")").params(new ArrayList<>(ids))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        Set<Long> known = found.stream().map(r -> (Long) r[0]).collect(Collectors.toSet());
        List<Long> unknown = ids.stream().filter(i -> !known.contains(i)).toList();
        if (!unknown.isEmpty()) {
            throw ValidationException.coded("taskIds", unknown, "worklist.unknownTasks", "unknown task ids: " + unknown, unknown.toString());
        }
        List<Long> closed = found.stream().filter(r -> !"OPEN".equals(r[1])).map(r -> (Long) r[0]).sorted().toList();
        if (!closed.isEmpty()) {
            throw new ConflictException("taskIds", "tasks no longer open: " + closed);
        }
        List<Object> params = new ArrayList<>();
        params.add(assignee.trim());
        params.addAll(ids);
        counts.changed();
        return jdbc.sql("UPDATE collection_task SET assignee = ? WHERE status = 'OPEN' AND id IN (" + in + ")").params(params).update();
    }

    /** The rules of a snooze: until a day after today and within 30 days, with a reason (at most 300 characters). */
    static void checkSnooze(List<FieldError> errors, LocalDate today, LocalDate until, String reason) {
        if (until == null) {
            errors.add(FieldError.coded("until", null, "required", "required"));
        } else if (!until.isAfter(today) || until.isAfter(today.plusDays(30))) {
            errors.add(FieldError.coded("until", until, "worklist.snoozeRange", "after today (" + today + ") and within 30 days",
                    today.plusDays(1).toString(), today.plusDays(30).toString()));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(FieldError.coded("reason", reason, "required", "required"));
        } else if (reason.strip().length() > 300) {
            errors.add(new FieldError("reason", reason.length(), "at most 300 characters"));
        } else {
            io.huikuan.common.InputRules.textRule("reason", reason).ifPresent(errors::add);
        }
    }

    /** Hides an open task from the worklist until a date (after today, within 30 days), with a reason. */
    @Transactional
    public Task snooze(long taskId, LocalDate until, String reason) {
        Task t = get(taskId);
        LocalDate today = today();
        List<FieldError> errors = new ArrayList<>();
        checkSnooze(errors, today, until, reason);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (t.status() != TaskStatus.OPEN) {
            throw new ConflictException("taskId", "task " + taskId + " is " + t.status() + ", not OPEN");
        }
        counts.changed();
        jdbc.sql("UPDATE collection_task SET snoozed_until = ?, snooze_reason = ? WHERE id = ?").params(until, reason.trim(), taskId).update();
        return find(taskId).orElseThrow();
    }

    /** Marks an open task done by an activity; false when it was no longer open. */
    boolean complete(long taskId, Outcome outcome, long activityId, String by, java.time.Instant at) {
        counts.changed();
        return jdbc.sql("""
                UPDATE collection_task SET status = 'DONE', outcome = ?, completed_by = ?, completed_at = ?, activity_id = ?
                WHERE id = ? AND status = 'OPEN'""")
                .params(outcome.name(), by, ConductRules.ts(at), activityId, taskId).update() == 1;
    }

    /** A follow-up (or appointment) task a user scheduled by an activity: key F:activityId, assigned to the user. */
    long createFollowUp(long customerId, long activityId, Channel channel, LocalDate due, String assignee, String ownerRole,
            BigDecimal overdue, int daysOverdue, BigDecimal risk, boolean appointment, String segment) {
        BigDecimal priority = Priority.score(overdue, risk, daysOverdue, Priority.boost(TaskKind.FOLLOW_UP, channel, appointment));
        String reason = Priority.reason(overdue, risk, daysOverdue, TaskKind.FOLLOW_UP, channel, appointment);
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO collection_task (customer_id, task_key, kind, segment_code, channel, owner_role, assignee, due_date,
                                             overdue_amount, days_overdue, risk_factor, priority, reason, status, created_at)
                VALUES (?,?,'FOLLOW_UP',?,?,?,?,?,?,?,?,?,?,'OPEN',?)""")
                .params(customerId, "F:" + activityId, segment, channel.name(), ownerRole, assignee, due, overdue, daysOverdue, risk,
                        priority, reason, ConductRules.ts(clock.instant()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    static Task map(ResultSet rs, int n) throws SQLException {
        TaskKind kind = TaskKind.valueOf(rs.getString("kind"));
        int offset = rs.getInt("step_offset");
        Integer stepOffset = rs.wasNull() ? null : offset;
        Channel channel = Channel.valueOf(rs.getString("channel"));
        String tone = rs.getString("tone");
        String outcome = rs.getString("outcome");
        Timestamp completed = rs.getTimestamp("completed_at");
        long activity = rs.getLong("activity_id");
        Long activityId = rs.wasNull() ? null : activity;
        java.sql.Date snoozed = rs.getDate("snoozed_until");
        String reason = rs.getString("reason");
        return new Task(rs.getLong("id"), rs.getString("customer_code"), rs.getString("customer_name"), Task.step(kind, stepOffset, channel),
                channel, rs.getDate("due_date").toLocalDate(), rs.getBigDecimal("priority"), reason, kind, rs.getString("task_key"), stepOffset,
                tone == null ? null : Tone.valueOf(tone), rs.getString("assignee"), rs.getString("owner_role"), rs.getBigDecimal("overdue_amount"),
                rs.getInt("days_overdue"), rs.getBigDecimal("risk_factor"), rs.getString("segment_code"),
                snoozed == null ? null : snoozed.toLocalDate(), rs.getString("snooze_reason"), TaskStatus.valueOf(rs.getString("status")),
                outcome == null ? null : Outcome.valueOf(outcome), rs.getString("completed_by"), completed == null ? null : completed.toInstant(),
                activityId, kind == TaskKind.FOLLOW_UP && reason != null && reason.contains("; appointment"), rs.getString("dispatch_note"),
                rs.getString("note"), rs.getString("link"));
    }
}
