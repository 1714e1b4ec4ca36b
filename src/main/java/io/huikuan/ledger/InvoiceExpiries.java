package io.huikuan.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * The limitation clock (诉讼时效) of open invoices as the ledger's and the worklist's lists show it: implemented by
 * the legal module, which knows the rules and the events that interrupt the period. Lists take it through an
 * {@code ObjectProvider} and show nothing when it is absent. Every answer is as of a date, from facts dated on or
 * before it.
 */
public interface InvoiceExpiries {

    /** Where the period stands (the legal module's RUNNING, EXPIRING, EXPIRED, IN_PROCEEDINGS). */
    enum State {
        RUNNING, EXPIRING, EXPIRED, IN_PROCEEDINGS
    }

    /** The last day of the period, the days left (negative once past) and the state. */
    record Expiry(LocalDate expiresOn, long daysLeft, State state) {
    }

    /** A list filter: open invoices whose period ends within the warning window (EXPIRING) or has ended (EXPIRED). */
    enum Filter {
        EXPIRING, EXPIRED;

        /** The filter a request names ({@code expiring} or {@code expired}, any case); null for blank. */
        public static Filter parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try {
                return valueOf(raw.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new io.huikuan.common.ValidationException("limitation", raw, "one of expiring, expired");
            }
        }
    }

    /** The clocks of those of the invoices (by number) that are open at {@code asOf}, by invoice number. */
    Map<String, Expiry> ofInvoices(Collection<String> invoiceNos, LocalDate asOf);

    /**
     * Per customer code, the invoice of the customer's open ones whose period ends first (those in proceedings left
     * aside; IN_PROCEEDINGS when every open invoice is); customers without open invoices are absent.
     */
    Map<String, Expiry> earliestOfCustomers(Collection<String> customerCodes, LocalDate asOf);

    /**
     * A SQL derived table, without parameters (the date is written into it), with the columns {@code invoice_id} and
     * {@code customer_id} of the invoices open at {@code asOf} that pass the filter, to be used as
     * {@code x.id IN (SELECT invoice_id FROM (…) lf)}; on H2 and PostgreSQL.
     */
    String matching(Filter filter, LocalDate asOf);

    /** The warning window in days (an invoice whose period ends within it is EXPIRING). */
    int windowDays();
}
