package io.huikuan.worklist;

import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.Contact;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.ledger.InvoiceView;
import io.huikuan.ledger.LedgerQueries;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities (催收记录): what a collector did, with an outcome. Logging one with a task id completes that task
 * (the only way a task is completed); outcome PROMISE records a promise to pay; DISPUTE_RAISED opens a dispute; a next follow-up date or an
 * appointment schedules a FOLLOW_UP task for the user. The conduct rules ({@link ConductRules}) are checked
 * first: a manager or administrator may override them with a reason, which the activity keeps.
 * Collectors log only on their own customers (404 otherwise), or on a task assigned to them.
 */
@Service
public class Activities {

    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final Tasks tasks;
    private final Promises promises;
    private final ConductRules conduct;
    private final LedgerQueries ledger;
    private final Clock clock;
    private final io.huikuan.ledger.DisputeService disputes;

    Activities(JdbcClient jdbc, CustomerService customers, Tasks tasks, Promises promises, ConductRules conduct, LedgerQueries ledger,
            io.huikuan.ledger.DisputeService disputes, Clock clock) {
        this.disputes = disputes;
        this.jdbc = jdbc;
        this.customers = customers;
        this.tasks = tasks;
        this.promises = promises;
        this.conduct = conduct;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Logs an activity; every broken rule names its field (conduct rules with their code, e.g. conduct.gap). */
    @Transactional
    public Activity log(NewActivity a) {
        CurrentUser user = CurrentUser.require("log activities", Role.COLLECTOR, Role.MANAGER, Role.FINANCE, Role.LEGAL);
        if (a.customerCode() == null || a.customerCode().isBlank()) {
            throw ValidationException.coded("customerCode", null, "required", "required");
        }
        CustomerRef ref = customers.findRef(a.customerCode().trim()).orElseThrow(() -> new NotFoundException("customer", a.customerCode()));
        Task task = a.taskId() == null ? null : tasks.find(a.taskId()).orElse(null);
        boolean ownTask = task != null && task.customerCode().equals(ref.code()) && user.username().equals(task.assignee());
        if (!user.mayAccess(ref.owner()) && !ownTask) {
            throw new NotFoundException("customer", a.customerCode());
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Instant occurredAt = a.occurredAt() == null ? now : a.occurredAt();
        List<FieldError> errors = new ArrayList<>();
        if (a.channel() == null) {
            errors.add(FieldError.coded("channel", null, "required", "required: one of " + java.util.Arrays.toString(Channel.values())));
        }
        if (a.outcome() == null) {
            errors.add(FieldError.coded("outcome", null, "required", "required: one of " + java.util.Arrays.toString(Outcome.values())));
        }
        if (occurredAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            errors.add(FieldError.coded("occurredAt", a.occurredAt(), "activity.future", "must not be in the future"));
        }
        if (a.contactId() != null && customers.contacts(ref.id()).stream().noneMatch(c -> c.id().equals(a.contactId()))) {
            errors.add(FieldError.coded("contactId", a.contactId(), "activity.contact", "not a contact of customer " + ref.code()));
        }
        if (a.taskId() != null) {
            if (task == null) {
                errors.add(FieldError.coded("taskId", a.taskId(), "activity.taskUnknown", "no such task"));
            } else if (!task.customerCode().equals(ref.code())) {
                errors.add(FieldError.coded("taskId", a.taskId(), "activity.taskCustomer",
                        "task " + a.taskId() + " belongs to customer " + task.customerCode() + ", not " + ref.code()));
            } else if (task.status() == TaskStatus.OPEN && !Tasks.mayAct(user, task)) {
                errors.add(FieldError.coded("taskId", a.taskId(), "activity.taskAssignee", "task " + a.taskId() + " is "
                        + (task.assignee() != null ? "assigned to " + task.assignee() : "in the " + task.ownerRole() + " queue")));
            }
        }
        promiseRules(a, today, errors);
        if (a.nextFollowUp() != null && (a.nextFollowUp().isBefore(today) || a.nextFollowUp().isAfter(today.plusDays(365)))) {
            errors.add(FieldError.coded("nextFollowUp", a.nextFollowUp(), "activity.followUpRange", "from today to a year ahead"));
        }
        if (a.appointmentAt() != null && (!a.appointmentAt().isAfter(now) || a.appointmentAt().isAfter(now.plus(Duration.ofDays(365))))) {
            errors.add(FieldError.coded("appointmentAt", a.appointmentAt(), "activity.appointmentRange", "after now and within a year"));
        }
        if (a.notes() != null && a.notes().length() > 2000) {
            errors.add(new FieldError("notes", a.notes().length(), "at most 2000 characters"));
        }
        if (a.script() != null && jdbc.sql("SELECT count(*) FROM script WHERE code = ?").param(a.script()).query(Long.class).single() == 0) {
            errors.add(FieldError.coded("script", a.script(), "activity.script", "no script with this code"));
        }
        String overrideReason = a.overrideReason() == null || a.overrideReason().isBlank() ? null : a.overrideReason().trim();
        if (overrideReason != null && !user.isManager()) {
            errors.add(FieldError.coded("overrideReason", overrideReason, "conduct.override",
                    "conduct.override: only a manager or administrator may override the conduct rules"));
        } else if (overrideReason != null && overrideReason.length() > 300) {
            errors.add(new FieldError("overrideReason", overrideReason.length(), "at most 300 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (task != null && task.status() != TaskStatus.OPEN) {
            throw new ConflictException("taskId", "task " + task.taskId() + " is already " + task.status());
        }
        Direction direction = a.direction() == null ? Direction.OUTBOUND : a.direction();
        List<ConductRules.Breach> breaches = conduct.check(ref.id(), a.contactId(), a.channel(), occurredAt, a.occurredAt() != null, direction,
                a.appointmentAt());
        String overridden = null;
        if (!breaches.isEmpty()) {
            if (overrideReason == null) {
                throw new ValidationException(breaches.stream().map(ConductRules.Breach::error).toList());
            }
            overridden = breaches.stream().map(ConductRules.Breach::rule).distinct().collect(Collectors.joining(","));
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO activity (customer_id, contact_id, task_id, channel, occurred_at, appointment_at, outcome, excuse, notes,
                                      next_follow_up, overridden_rule, override_reason, recorded_by, recorded_at, direction, script_code)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(ref.id(), a.contactId(), a.taskId(), a.channel().name(), ConductRules.ts(occurredAt),
                        a.appointmentAt() == null ? null : ConductRules.ts(a.appointmentAt()), a.outcome().name(),
                        a.excuse() == null ? null : a.excuse().name(), blankToNull(a.notes()), a.nextFollowUp(), overridden,
                        overridden == null ? null : overrideReason, user.username(), ConductRules.ts(now), direction.name(), a.script())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (a.outcome() == Outcome.PROMISE) {
            Promises.Promise p = promises.create(new Promises.NewPromise(ref.code(), a.contactId(), id, a.channel(), a.promiseAmount(),
                    a.promiseDate(), occurredAt.atZone(clock.getZone()).toLocalDate(), blankToNull(a.notes())));
            jdbc.sql("UPDATE activity SET promise_id = ? WHERE id = ?").params(p.id(), id).update();
        }
        if (a.outcome() == Outcome.DISPUTE_RAISED) {
            raiseDispute(ref.code(), id, a, occurredAt);
        }
        if (task != null && !tasks.complete(task.taskId(), a.outcome(), id, user.username(), now)) {
            throw new ConflictException("taskId", "task " + task.taskId() + " is no longer open");
        }
        if (a.appointmentAt() != null || a.nextFollowUp() != null) {
            followUp(ref, task, id, a, user);
        }
        return get(id);
    }

    /**
     * Outcome DISPUTE_RAISED opens a dispute on the undisputed rest of the customer's oldest open invoice, dated the day
     * of the contact, its reason the notes; category PRICE when the excuse was a price dispute, else OTHER (the dispute
     * list edits nothing: resolve it and open a narrower one on the invoice page or the API to change the amount).
     */
    private void raiseDispute(String customerCode, long activityId, NewActivity a, Instant occurredAt) {
        LocalDate on = occurredAt.atZone(clock.getZone()).toLocalDate();
        LocalDate today = LocalDate.now(clock);
        String notes = blankToNull(a.notes());
        String reason = "activity " + activityId + (notes == null ? "" : ": " + notes);
        disputes.raise(customerCode, on.isAfter(today) ? today : on, reason.length() > 500 ? reason.substring(0, 500) : reason,
                a.excuse() == Excuse.PRICE_DISPUTE ? io.huikuan.ledger.DisputeCategory.PRICE : io.huikuan.ledger.DisputeCategory.OTHER);
    }

    /**
     * Records a message sent or a document issued to a customer (outcome SENT), by a user or by the daily run, and
     * completes its task when one is given and still open. Runs in the caller's transaction, so the record exists
     * exactly when the message or document does. No conduct check here: the sender keeps the contact hours.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public long recordCorrespondence(long customerId, Long contactId, Long taskId, Channel channel, String notes, String by) {
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO activity (customer_id, contact_id, task_id, channel, occurred_at, outcome, notes, recorded_by, recorded_at)
                VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(customerId, contactId, taskId, channel.name(), ConductRules.ts(now), Outcome.SENT.name(),
                        notes == null ? null : notes.length() > 2000 ? notes.substring(0, 2000) : notes, by, ConductRules.ts(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (taskId != null) {
            tasks.complete(taskId, Outcome.SENT, id, by, now);
        }
        return id;
    }

    private void promiseRules(NewActivity a, LocalDate today, List<FieldError> errors) {
        if (a.outcome() == Outcome.PROMISE) {
            if (a.promiseAmount() == null || a.promiseAmount().signum() <= 0) {
                errors.add(FieldError.coded("promiseAmount", a.promiseAmount(), "amount.positive", "required with outcome PROMISE, above 0"));
            } else if (a.promiseAmount().stripTrailingZeros().scale() > 2) {
                errors.add(FieldError.coded("promiseAmount", a.promiseAmount(), "amount.decimals", "at most 2 decimals"));
            } else if (a.promiseAmount().compareTo(io.huikuan.common.InputRules.MAX_AMOUNT) > 0) {
                errors.add(FieldError.coded("promiseAmount", a.promiseAmount(), "amount.tooLarge", "too large"));
            }
            if (a.promiseDate() == null) {
                errors.add(FieldError.coded("promiseDate", null, "required", "required with outcome PROMISE"));
            } else if (a.promiseDate().isBefore(today)) {
                errors.add(FieldError.coded("promiseDate", a.promiseDate(), "activity.promiseDate", "today (" + today + ") or later"));
            }
        } else if (a.promiseAmount() != null || a.promiseDate() != null) {
            String field = a.promiseAmount() != null ? "promiseAmount" : "promiseDate";
            errors.add(FieldError.coded(field, a.promiseAmount() != null ? a.promiseAmount() : a.promiseDate(), "activity.promiseOutcome",
                    "a promise needs outcome PROMISE"));
        }
    }

    /** Schedules the follow-up task: figures from the completed task, else from the ledger as of today. */
    private void followUp(CustomerRef ref, Task task, long activityId, NewActivity a, CurrentUser user) {
        boolean appointment = a.appointmentAt() != null;
        LocalDate due = appointment ? a.appointmentAt().atZone(clock.getZone()).toLocalDate() : a.nextFollowUp();
        Channel channel = a.followUpChannel() != null ? a.followUpChannel() : appointment ? Channel.VISIT : a.channel();
        BigDecimal overdue;
        int days;
        BigDecimal risk;
        String segment = null;
        if (task != null) {
            overdue = task.overdueAmount();
            days = task.daysOverdue();
            risk = task.riskFactor();
            segment = task.segment();
        } else {
            overdue = ledger.summary(ref.id()).overdueIn(io.huikuan.ledger.Currencies.BASE); // issue 12, item 15: as the daily run
            days = ledger.openInvoices(ref.id()).stream().mapToInt(InvoiceView::daysOverdue).max().orElse(0);
            record GradeFlags(String grade, String flags) {
            }
            GradeFlags g = jdbc.sql("SELECT grade, flags FROM customer WHERE id = ?").param(ref.id())
                    .query((rs, n) -> new GradeFlags(rs.getString(1), rs.getString(2))).single();
            risk = Priority.riskFactor(g.grade(), g.flags() != null && g.flags().contains("MALICIOUS_DEFAULTER"));
        }
        String role = user.has(Role.COLLECTOR) ? "COLLECTOR" : user.isManager() ? "MANAGER" : user.has(Role.LEGAL) ? "LEGAL" : "FINANCE";
        tasks.createFollowUp(ref.id(), activityId, channel, due, user.username(), role, overdue == null ? BigDecimal.ZERO : overdue,
                Math.max(0, days), risk, appointment, segment);
    }

    /** One activity, without an access check. */
    Activity get(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(Activities::map).single();
    }

    /** The customer's activities, newest first (404 outside the caller's portfolio). */
    @Transactional(readOnly = true)
    public List<Activity> forCustomer(String customerCode, int limit) {
        CustomerRef ref = customers.ref(customerCode);
        return jdbc.sql(SELECT + " WHERE a.customer_id = ? ORDER BY a.occurred_at DESC, a.id DESC LIMIT ?").params(ref.id(),
                Math.clamp(limit, 1, 1000)).query(Activities::map).list();
    }

    /** The contacts of a customer the user may see, for the activity forms. */
    public List<Contact> contacts(String customerCode) {
        return customers.get(customerCode).contacts();
    }

    private static final String SELECT = """
            SELECT a.*, c.code AS customer_code, c.name AS customer_name, k.name AS contact_name, p.amount AS promise_amount,
                   p.promised_date AS promise_date, f.id AS follow_up_id
            FROM activity a
            JOIN customer c ON c.id = a.customer_id
            LEFT JOIN contact k ON k.id = a.contact_id
            LEFT JOIN promise p ON p.id = a.promise_id
            LEFT JOIN collection_task f ON f.customer_id = a.customer_id AND f.task_key = CONCAT('F:', CAST(a.id AS VARCHAR(20)))""";

    private static Activity map(ResultSet rs, int n) throws SQLException {
        long contact = rs.getLong("contact_id");
        Long contactId = rs.wasNull() ? null : contact;
        long task = rs.getLong("task_id");
        Long taskId = rs.wasNull() ? null : task;
        long promise = rs.getLong("promise_id");
        Long promiseId = rs.wasNull() ? null : promise;
        long followUp = rs.getLong("follow_up_id");
        Long followUpId = rs.wasNull() ? null : followUp;
        Timestamp appointment = rs.getTimestamp("appointment_at");
        String excuse = rs.getString("excuse");
        java.sql.Date next = rs.getDate("next_follow_up");
        java.sql.Date promiseDate = rs.getDate("promise_date");
        return new Activity(rs.getLong("id"), rs.getString("customer_code"), rs.getString("customer_name"), contactId,
                rs.getString("contact_name"), taskId, Channel.valueOf(rs.getString("channel")), rs.getTimestamp("occurred_at").toInstant(),
                appointment == null ? null : appointment.toInstant(), Outcome.valueOf(rs.getString("outcome")),
                excuse == null ? null : Excuse.valueOf(excuse), rs.getString("notes"), next == null ? null : next.toLocalDate(), promiseId,
                rs.getBigDecimal("promise_amount"), promiseDate == null ? null : promiseDate.toLocalDate(), rs.getString("overridden_rule"),
                rs.getString("override_reason"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), taskId != null,
                followUpId, Direction.valueOf(rs.getString("direction")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
