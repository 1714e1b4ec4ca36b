package io.huikuan.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The facts one customer's score is computed from, as of a date (all dated on or before it). Settlements are the
 * invoices whose balance reached zero in the last 12 months ({@code recent}: in the last 3 months, weighted double).
 *
 * @param settled        invoices settled in the last 12 months
 * @param settledLate    of them, settled after their due date
 * @param weightedCount  settled invoices, those of the last 3 months counted twice
 * @param weightedLate   late ones, those of the last 3 months counted twice
 * @param amount         their amount
 * @param lateAmount     the amount of the late ones
 * @param amountDays     Σ amount × days late
 * @param weightedAmount Σ weight × amount
 * @param weightedAmountDays Σ weight × amount × days late
 * @param recentAmount   amount settled in the last 3 months
 * @param recentAmountDays Σ amount × days late over the last 3 months
 * @param open           open receivables (exposure)
 * @param overdue        of them past due
 * @param oldestDue      the due date of the oldest overdue open invoice, null when none
 * @param firstIssue     the first invoice's issue date, null when none yet
 * @param broken         promises broken in the last 12 months
 * @param partlyKept     promises partly kept in the last 12 months
 * @param disputes       disputes raised in the last 12 months
 * @param limit          the credit limit, null when none is set
 */
public record CreditFigures(long settled, long settledLate, long weightedCount, long weightedLate, BigDecimal amount, BigDecimal lateAmount,
        BigDecimal amountDays, BigDecimal weightedAmount, BigDecimal weightedAmountDays, BigDecimal recentAmount, BigDecimal recentAmountDays,
        BigDecimal open, BigDecimal overdue, LocalDate oldestDue, LocalDate firstIssue, long broken, long partlyKept, long disputes,
        BigDecimal limit) {

    /** A customer with no facts at all. */
    public static CreditFigures none() {
        BigDecimal z = BigDecimal.ZERO;
        return new CreditFigures(0, 0, 0, 0, z, z, z, z, z, z, z, z, z, null, null, 0, 0, 0, null);
    }
}
