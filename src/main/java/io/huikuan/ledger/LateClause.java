package io.huikuan.ledger;

/** A contract's late-payment clause (违约金/利息): none, a daily rate, or an annual rate. */
public enum LateClause {
    NONE, DAILY_RATE, ANNUAL_RATE
}
