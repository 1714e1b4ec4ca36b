package io.huikuan.negotiation;

/** Who made an offer or a request: we (OURS) or the customer (THEIRS). */
public enum OfferSide {
    OURS, THEIRS
}
