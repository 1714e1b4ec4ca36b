package io.huikuan.legal.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The seam for the limitation clock per invoice in the evidence pack ({@code 09-limitation.xlsx}, sheet "clock"): when a
 * bean implements it (the clock of issue 14 part A, once its read API exists), the pack lists each invoice's runs-from
 * and expires-on dates and status as of the pack's date; without one the pack holds the events timeline only and says so.
 */
public interface InvoiceClockSource {

    /** One invoice's clock as of a date. */
    record InvoiceClock(String invoiceNo, LocalDate runsFrom, LocalDate expiresOn, String status) {
    }

    /** The clocks of the customer's invoices (only {@code invoiceNos} when not empty) as of {@code asOf}. */
    List<InvoiceClock> clocks(String customerCode, Collection<String> invoiceNos, LocalDate asOf);
}
