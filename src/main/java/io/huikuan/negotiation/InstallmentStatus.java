package io.huikuan.negotiation;

/** An installment as of a date: PAID, PARTLY_PAID, DUE (nothing paid yet) or MISSED (not fully paid by its date plus the grace days). */
public enum InstallmentStatus {
    PAID, PARTLY_PAID, DUE, MISSED
}
