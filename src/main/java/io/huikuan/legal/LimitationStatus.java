package io.huikuan.legal;

/**
 * Where an open invoice's limitation period (诉讼时效) stands on a date.
 * <ul>
 * <li>RUNNING: more than the warning window (default 180 days) left.</li>
 * <li>EXPIRING: the last day is within the window (on or before the date plus the window's days).</li>
 * <li>EXPIRED: the date is after the last day (Civil Code art. 192: the debtor may refuse to perform).</li>
 * <li>IN_PROCEEDINGS: suit, arbitration or a payment order was filed and has not ended; the clock restarts when
 * they end (Civil Code art. 195).</li>
 * </ul>
 */
public enum LimitationStatus {
    RUNNING, EXPIRING, EXPIRED, IN_PROCEEDINGS
}
