package io.huikuan.negotiation;

/**
 * What is conceded: a discount for prompt payment (付款后优惠, a credit note when the invoices are paid in full, net of the
 * discount, by a date), a waiver of late interest or of a penalty (recorded and approved; nothing on the ledger), or a
 * write-off of what remains of the invoices (unconditional, or when a named amount is paid by a date).
 */
public enum ConcessionKind {
    PROMPT_PAYMENT_DISCOUNT("LEDGER"),
    INTEREST_WAIVER("INTEREST"),
    PENALTY_WAIVER("PENALTY"),
    WRITE_OFF_REMAINDER("LEDGER");

    private final String group;

    ConcessionKind(String group) {
        this.group = group;
    }

    /** Concessions of one group exclude each other on an invoice (a discount and a write-off both change the ledger). */
    public String group() {
        return group;
    }

    /** Does this kind post on the ledger (a credit note or a write-off)? */
    public boolean postsOnLedger() {
        return group.equals("LEDGER");
    }
}
