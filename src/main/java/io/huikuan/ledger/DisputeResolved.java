package io.huikuan.ledger;

import java.time.LocalDate;

/** A dispute was resolved ({@code outcome} null when resolved by the older free-text path). */
public record DisputeResolved(long disputeId, long customerId, String invoiceNo, LocalDate resolvedOn, DisputeOutcome outcome) {
}
