package io.huikuan.strategy;

/**
 * A customer's signals from other modules as of a date ({@link SegmentSignals}): the credit score (null when none is
 * stored), the effective credit grade A–E (null when unknown) and whether its exposure is above its credit limit.
 */
public record CustomerSignals(Integer score, String creditGrade, boolean overLimit, int openAlerts) {

    /** Nothing known. */
    public static final CustomerSignals NONE = new CustomerSignals(null, null, false, 0);

    /** What two sources know together (each fills its own signals; the other's are unset). */
    public CustomerSignals merge(CustomerSignals o) {
        return new CustomerSignals(score != null ? score : o.score, creditGrade != null ? creditGrade : o.creditGrade, overLimit || o.overLimit,
                Math.max(openAlerts, o.openAlerts));
    }
}
