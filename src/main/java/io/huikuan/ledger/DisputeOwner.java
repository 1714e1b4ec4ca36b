package io.huikuan.ledger;

/** The function that owns a dispute and must resolve it (sales, quality, logistics, finance). Labels {@code dispute.owner.NAME}. */
public enum DisputeOwner {
    SALES, QUALITY, LOGISTICS, FINANCE
}
