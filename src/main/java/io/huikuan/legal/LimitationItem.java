package io.huikuan.legal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The limitation clock of one invoice open on the as-of date.
 *
 * @param runsFrom the later of the due date and the last counting interruption dated on or before the as-of date
 * @param expiresOn the last day of the period: runsFrom plus the configured years, moved past a statutory rest day
 *                  when the holiday calendar of that year is loaded
 * @param daysLeft expiresOn minus the as-of date in days (negative once expired)
 * @param lastEvent the latest counting interruption on or before the as-of date (a part payment appears as
 *                  ACKNOWLEDGED), null when the clock runs from the due date
 * @param invoiceId the invoice's id, for other lists that show the clock next to their rows
 */
public record LimitationItem(String invoiceNo, String customerCode, BigDecimal openAmount, String currency, LocalDate runsFrom,
        LocalDate expiresOn, long daysLeft, LimitationStatus status, LastEvent lastEvent, LocalDate dueDate, long invoiceId) {

    /** A counting interruption as the clock list shows it. */
    public record LastEvent(LocalDate date, LimitationEventKind kind, String evidence) {
    }
}
