package io.huikuan.strategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * What the daily run knows of a customer as of a date, from one set-based query: the oldest due
 * date among its open undisputed items ({@code anchorDue}), its undisputed overdue amount, the
 * disputed part, the first invoice, the last payment received (it starts a new escalation cycle),
 * the promise-keeping rate in percent (null: no settled promise) and whether a promise is in force
 * (open, its date plus grace not passed: the customer is paused), and its signals from other modules
 * ({@link SegmentSignals}: credit score, grade, over the limit; {@link CustomerSignals#NONE} when not asked for).
 */
public record CustomerFacts(long customerId, String code, String owner, String grade, Set<String> flags, LocalDate asOf,
        LocalDate anchorDue, BigDecimal overdue, BigDecimal disputed, LocalDate firstInvoice, LocalDate lastPayment,
        BigDecimal keepingRate, boolean promiseInForce, CustomerSignals signals) {

    /** Days the oldest undisputed item is overdue (0 when none is). */
    public int daysOverdue() {
        return anchorDue == null || !anchorDue.isBefore(asOf) ? 0 : (int) ChronoUnit.DAYS.between(anchorDue, asOf);
    }

    /** Whole months since the first invoice. */
    public int relationshipMonths() {
        return firstInvoice == null ? 0 : (int) ChronoUnit.MONTHS.between(firstInvoice, asOf);
    }

    public boolean malicious() {
        return flags.contains("MALICIOUS_DEFAULTER");
    }
}
