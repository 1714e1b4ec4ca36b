package io.huikuan.worklist;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A task of the worklist as the API shows it. {@code step} is a readable label: {@code "+7 PHONE"} for a
 * strategy step (day offset and channel), else the kind ({@code "PROMISE_BROKEN"}, {@code "PROMISE_DUE"},
 * {@code "FOLLOW_UP"}). {@code reason} is the stored English text of the priority; {@code appointment} is true
 * for a follow-up agreed for a time (its priority has the appointment boost). {@code dispatchNote}: for a step that writes to
 * the customer, what became of its message or letter, coded {@code what|arg|arg} (e.g. {@code queued|44},
 * {@code no-email}); labels {@code dispatch.what}. {@code note}: what a limitation task is about, coded {@code what|arg|arg}
 * (labels {@code task.note.what}); {@code link}: the page it leads to (the customer's limitation view, the demand
 * letter form); both null for other tasks.
 */
public record Task(long taskId, String customerCode, String customerName, String step, Channel channel, LocalDate dueDate,
        BigDecimal priority, String reason, TaskKind kind, String taskKey, Integer stepOffset, Tone tone, String assignee,
        String ownerRole, BigDecimal overdueAmount, int daysOverdue, BigDecimal riskFactor, String segment, LocalDate snoozedUntil,
        String snoozeReason, TaskStatus status, Outcome outcome, String completedBy, Instant completedAt, Long activityId,
        boolean appointment, String dispatchNote, String note, String link) {

    /** The step label of a task. */
    public static String step(TaskKind kind, Integer offset, Channel channel) {
        if (kind == TaskKind.STEP && offset != null) {
            return (offset >= 0 ? "+" : "") + offset + " " + channel.name();
        }
        return kind.name();
    }

    /**
     * Where in the collection the task stands, for script suggestions: by days overdue (before or at the due date:
     * REMINDER; 1–30: FOLLOW_UP; 31–90: ESCALATION; over 90: FINAL), but a strategy step early in the strategy
     * (not a FINAL or LEGAL step, not after day 90) stays at ESCALATION: a +7 call is no final demand, however old
     * the debt.
     */
    public ScriptStage stage() {
        ScriptStage byDays = stageOf(daysOverdue);
        if (byDays == ScriptStage.FINAL && kind == TaskKind.STEP && !lateInStrategy()) {
            return ScriptStage.ESCALATION;
        }
        return byDays;
    }

    /** The stage of a debt this many days overdue (zero or less: not yet overdue). */
    public static ScriptStage stageOf(int daysOverdue) {
        if (daysOverdue <= 0) {
            return ScriptStage.REMINDER;
        }
        if (daysOverdue <= 30) {
            return ScriptStage.FOLLOW_UP;
        }
        return daysOverdue <= 90 ? ScriptStage.ESCALATION : ScriptStage.FINAL;
    }

    private boolean lateInStrategy() {
        return tone == Tone.FINAL || tone == Tone.LEGAL || (stepOffset != null && stepOffset > 90);
    }
}
