package io.huikuan.negotiation;

/**
 * PENDING_APPROVAL until the authority the amount needs has approved it; APPROVED while it waits for its condition;
 * POSTED (the credit note or write-off is on the ledger; a waiver takes effect) or EXPIRED (the condition's date passed
 * unmet: nothing posted); REJECTED; CANCELLED.
 */
public enum ConcessionStatus {
    PENDING_APPROVAL, APPROVED, POSTED, EXPIRED, REJECTED, CANCELLED;

    /** Pending or approved: it still holds its invoices. */
    public boolean live() {
        return this == PENDING_APPROVAL || this == APPROVED;
    }
}
