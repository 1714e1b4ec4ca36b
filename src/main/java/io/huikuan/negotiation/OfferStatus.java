package io.huikuan.negotiation;

/** An offer is OPEN until the other side accepts or refuses it, or its maker withdraws it. */
public enum OfferStatus {
    OPEN, ACCEPTED, REFUSED, WITHDRAWN
}
