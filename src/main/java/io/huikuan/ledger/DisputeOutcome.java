package io.huikuan.ledger;

/**
 * How a dispute ended: a credit note for (part of) the disputed amount (posted on the invoice), the invoice to be
 * re-issued (noted, nothing posted), the claim rejected, or withdrawn by the customer (both: the amount is collected
 * again). Labels {@code dispute.outcome.NAME}.
 */
public enum DisputeOutcome {
    CREDIT_NOTE, REBILL, REJECTED, WITHDRAWN
}
