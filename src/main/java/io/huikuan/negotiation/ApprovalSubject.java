package io.huikuan.negotiation;

/** What is approved under the authority matrix. */
public enum ApprovalSubject {
    PAYMENT_PLAN, CONCESSION
}
