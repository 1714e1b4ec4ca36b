package io.huikuan.negotiation;

/** A supply hold's life: PROPOSED (waits for a manager), ACTIVE, RELEASED, REJECTED (a proposal refused or withdrawn). */
public enum HoldStatus {
    PROPOSED, ACTIVE, RELEASED, REJECTED
}
