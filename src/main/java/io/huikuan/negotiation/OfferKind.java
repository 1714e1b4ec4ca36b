package io.huikuan.negotiation;

/** What an offer is about. */
public enum OfferKind {
    PAYMENT_PLAN, DISCOUNT, WAIVER, SETTLEMENT, OTHER
}
