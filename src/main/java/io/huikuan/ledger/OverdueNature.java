package io.huikuan.ledger;

/** Whether an overdue debt is expected to be short-term or long-term (短期/长期). */
public enum OverdueNature {
    SHORT_TERM, LONG_TERM
}
