package io.huikuan.legal;

/**
 * The SQL of the limitation clock, one statement for every open invoice, on H2 and PostgreSQL.
 * <p>
 * For each invoice open at {@code :asOf} (the ledger's balance periods):
 * <ul>
 * <li>the latest counting event dated on or before {@code :asOf} (demand delivered, acknowledged, proceedings filed
 * or ended; Civil Code art. 195), and whether proceedings were filed without having ended;</li>
 * <li>when part payments count (SPC limitation rules art. 14: part performance is an agreement to perform), the
 * latest payment dated on or before {@code :asOf} allocated to it; computed from the allocations, never stored;</li>
 * <li>{@code runs_from} = the latest of the due date and both (an interruption before the due date changes
 * nothing: the period runs from when the creditor could claim, art. 188);</li>
 * <li>{@code expires_raw} = runs_from plus the years, the same calendar day (art. 201–202: the first day is not
 * counted, the period ends on the corresponding day; a day missing in that month, Feb 29, gives the month's last
 * day), then moved to the next working day when it is a rest day of a loaded holiday year (art. 203).</li>
 * </ul>
 */
final class LimitationSql {

    private LimitationSql() {
    }

    /** The balance periods open at :asOf with a positive balance: the columns, then the scope's extra conditions on {@code b}. */
    private static final String OPEN = """
            SELECT %s FROM balance_period b WHERE b.valid_from <= :asOf AND (b.valid_to IS NULL OR b.valid_to > :asOf) AND b.open_amount > 0%s""";

    /**
     * Columns invoice_id, customer_id, due_date, open_amount, in_proc (1/0), runs_from, expires_on; parameter
     * {@code :asOf}; {@code scope} is extra conditions on the balance period {@code b}.
     */
    static String clock(int years, boolean partPayments, String scope) {
        // the latest payment dated on or before the date is on the balance period open at it (a period starts on every
        // day the balance is reduced, BalancePeriods): no aggregate over the allocations
        String paid = partPayments ? "o.last_paid_on" : "CAST(NULL AS DATE)";
        return """
                SELECT k.invoice_id, k.customer_id, k.due_date, k.open_amount, k.in_proc, k.runs_from,
                       COALESCE(r.next_working_day, k.expires_raw) expires_on
                FROM (SELECT c.*, CAST(c.runs_from + INTERVAL '%d' YEAR AS DATE) expires_raw
                      FROM (SELECT o.invoice_id, o.customer_id, o.due_date, o.open_amount,
                                   CASE WHEN ev.last_filed IS NOT NULL AND (ev.last_ended IS NULL OR ev.last_ended < ev.last_filed)
                                        THEN 1 ELSE 0 END in_proc,
                                   GREATEST(o.due_date, COALESCE(ev.last_counting, o.due_date), COALESCE(%s, o.due_date)) runs_from
                            FROM (%s) o
                            LEFT JOIN (SELECT invoice_id, max(event_date) last_counting,
                                              max(CASE WHEN kind = 'PROCEEDINGS_FILED' THEN event_date END) last_filed,
                                              max(CASE WHEN kind = 'PROCEEDINGS_ENDED' THEN event_date END) last_ended
                                       FROM limitation_event_invoice WHERE counts = TRUE AND event_date <= :asOf
                                       GROUP BY invoice_id) ev ON ev.invoice_id = o.invoice_id) c) k
                LEFT JOIN legal_rest_day r ON r.rest_date = k.expires_raw""".formatted(years, paid,
                OPEN.formatted("b.invoice_id, b.customer_id, b.due_date, b.open_amount, b.last_paid_on", scope));
    }

    /** {@link #clock} with a {@code status} column; parameter {@code :windowEnd} (asOf plus the warning window). */
    static String withStatus(int years, boolean partPayments, String scope) {
        return """
                SELECT s.*, CASE WHEN s.in_proc = 1 THEN 'IN_PROCEEDINGS' WHEN s.expires_on < :asOf THEN 'EXPIRED'
                                 WHEN s.expires_on <= :windowEnd THEN 'EXPIRING' ELSE 'RUNNING' END status
                FROM (%s) s""".formatted(clock(years, partPayments, scope));
    }
}
