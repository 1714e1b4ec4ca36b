package io.huikuan.worklist;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A strategy step task whose channel writes to the customer (e-mail, SMS, message, letter, demand letter,
 * lawyer letter) as the correspondence module produces it: its template and tone, whether the step waits for
 * a manager's approval, and what became of it ({@code dispatchedAt}, {@code dispatchNote}).
 */
public record StepTask(long taskId, long customerId, String customerCode, String customerName, Channel channel, Tone tone, String template,
        boolean approval, String approvedBy, Instant approvedAt, LocalDate dueDate, String assignee, String ownerRole, TaskStatus status,
        Instant dispatchedAt, String dispatchNote, java.math.BigDecimal overdueAmount) {

    /** The channels whose steps produce a message or a document by themselves. */
    public static final java.util.List<Channel> WRITTEN = java.util.List.of(Channel.EMAIL, Channel.SMS, Channel.MESSAGE, Channel.LETTER,
            Channel.DEMAND_LETTER, Channel.LAWYER_LETTER);

    /**
     * The channels whose steps are sent by the system alone (e-mail, SMS, instant message: queued in the outbox, or waiting
     * on the approval queue): such a step is never a person's task unless sending it failed (no address, an error).
     */
    public static final java.util.List<Channel> AUTOMATIC = java.util.List.of(Channel.EMAIL, Channel.SMS, Channel.MESSAGE);

    /** True while the step waits for a manager's approval. */
    public boolean awaitingApproval() {
        return approval && approvedAt == null && status == TaskStatus.OPEN && dispatchedAt == null;
    }
}
