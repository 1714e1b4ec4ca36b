package io.huikuan.worklist;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a collector did and what came of it. {@code taskCompleted}: the activity completed {@code taskId};
 * {@code followUpTaskId}: the follow-up or appointment task it scheduled; {@code overriddenRule}: the conduct
 * rules a manager overrode (short names joined by commas, e.g. {@code "daily-cap,gap"}) with {@code overrideReason};
 * {@code direction}: whether we contacted the customer or they contacted us.
 */
public record Activity(long id, String customerCode, String customerName, Long contactId, String contactName, Long taskId, Channel channel,
        Instant occurredAt, Instant appointmentAt, Outcome outcome, Excuse excuse, String notes, LocalDate nextFollowUp, Long promiseId,
        BigDecimal promiseAmount, LocalDate promiseDate, String overriddenRule, String overrideReason, String recordedBy, Instant recordedAt,
        boolean taskCompleted, Long followUpTaskId, Direction direction) {
}
