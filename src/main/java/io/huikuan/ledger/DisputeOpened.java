package io.huikuan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dispute was opened on an invoice. {@code ownerUser} is whoever must resolve it when one was named, else null (the
 * customer's collector, {@code collector}, follows it up); {@code dueBy} null when no date to resolve by was set.
 */
public record DisputeOpened(long disputeId, long customerId, String customerCode, String collector, String invoiceNo, BigDecimal amount,
        DisputeCategory category, DisputeOwner owner, String ownerUser, LocalDate openedOn, LocalDate dueBy) {
}
