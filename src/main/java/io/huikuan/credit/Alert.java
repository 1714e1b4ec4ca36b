package io.huikuan.credit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An alert raised by an early-warning rule for a customer: one per rule, customer and episode (while the condition holds).
 * {@code reason} is in the request's language; {@code owner} is the customer's owner; {@code clearedOn} the day the
 * condition was found cleared (the episode's end), null while it holds; {@code holdId} the supply hold proposed for it.
 */
public record Alert(long id, long ruleId, String ruleName, AlertRule.Kind kind, String customerCode, String customerName, String owner,
        AlertRule.Severity severity, AlertRule.Action action, String reason, Status status, LocalDate raisedOn, LocalDate clearedOn,
        String acknowledgedBy, Instant acknowledgedAt, String acknowledgeNote, String resolvedBy, Instant resolvedAt, String resolveNote,
        Long holdId) {

    public enum Status {
        OPEN, ACKNOWLEDGED, RESOLVED
    }
}
