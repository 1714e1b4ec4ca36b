package io.huikuan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dispute on an amount of an invoice, open from {@code openedOn} until {@code resolvedOn} (null while open). While
 * open, {@code amount} (capped at the invoice's open amount of the day) is shown apart as disputed and not collected;
 * the rest of the invoice is. {@code ownerFunction}/{@code ownerUser} own it, {@code dueBy} is the day it should be
 * resolved by; {@code outcome}, {@code resolvedAmount} and {@code creditNoteNo} say how it ended.
 */
public record Dispute(long id, String invoiceNo, LocalDate openedOn, String reason, String openedBy, LocalDate resolvedOn, String resolution,
        String resolvedBy, String customerCode, BigDecimal amount, DisputeCategory category, DisputeOwner ownerFunction, String ownerUser,
        LocalDate dueBy, DisputeOutcome outcome, BigDecimal resolvedAmount, String creditNoteNo) {

    /** The owning function under the request's name ({@code owner}), beside {@code ownerFunction}. */
    @com.fasterxml.jackson.annotation.JsonProperty("owner")
    public DisputeOwner owner() {
        return ownerFunction;
    }

    public boolean open() {
        return resolvedOn == null;
    }
}
