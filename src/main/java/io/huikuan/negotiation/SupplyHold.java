package io.huikuan.negotiation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One supply hold or proposal of a customer as recorded: {@code heldOn} the business day it took effect (null while
 * proposed or when rejected), {@code releasedOn} the day it ended (the customer is not on hold that day).
 */
public record SupplyHold(long id, String customerCode, String customerName, String owner, HoldStatus status, HoldSource source,
        String reason, LocalDate proposedOn, String proposedBy, Instant proposedAt, LocalDate heldOn, String heldBy, String decidedBy,
        String decisionNote, LocalDate releasedOn, String releasedBy, String releaseReason) {
}
