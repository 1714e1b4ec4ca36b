package io.huikuan.negotiation;

/**
 * A payment plan's status as of a date: PENDING_APPROVAL until every required approval is given, then ACTIVE, and from
 * the payments COMPLETED (everything paid) or BROKEN (an installment missed); CANCELLED when cancelled or rejected.
 */
public enum PaymentPlanStatus {
    PENDING_APPROVAL, ACTIVE, COMPLETED, BROKEN, CANCELLED
}
