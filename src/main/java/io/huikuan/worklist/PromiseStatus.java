package io.huikuan.worklist;

/**
 * A promise to pay is OPEN until its date plus the grace days; then KEPT (payments allocated to the
 * customer since it was made reach the amount), PARTLY_KEPT (some but not all) or BROKEN (none).
 * It becomes KEPT as soon as the payments reach the amount, even before the date.
 */
public enum PromiseStatus {
    OPEN, KEPT, PARTLY_KEPT, BROKEN
}
