package io.huikuan.credit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An early-warning rule (预警规则): a building block ({@link Kind}) with its parameters, the severity of the alerts it
 * raises, the action it suggests and whether it is evaluated. Only the parameters its kind uses are set.
 *
 * @param days   a number of days (overdue beyond, window, due within, …)
 * @param amount an amount (overdue amount, large invoice)
 * @param pct    a percentage (over the limit by, share of the receivables)
 * @param count  a count (broken promises, grades dropped)
 * @param grade  a grade A–E: this grade or worse is "poor"
 */
public record AlertRule(long id, String name, Kind kind, Integer days, BigDecimal amount, BigDecimal pct, Integer count, String grade,
        Severity severity, Action action, boolean active, String updatedBy, Instant updatedAt) {

    /** The building blocks and the parameters each one needs. */
    public enum Kind {
        /** the oldest overdue item is overdue more than {@code days} days, or {@code amount} or more is overdue (either set) */
        OVERDUE,
        /** the exposure (open receivables) is over the credit limit by more than {@code pct} % */
        OVER_LIMIT,
        /** the amount-weighted days late of the last 3 months is {@code days} or more worse than of the 3 months before */
        DTP_WORSENING,
        /** the stored grade dropped by {@code count} or more grades since {@code days} days ago */
        GRADE_DROP,
        /** {@code count} or more promises to pay broken in the last {@code days} days */
        BROKEN_PROMISES,
        /** a payment plan broke in the last {@code days} days */
        PLAN_BROKEN,
        /** an open invoice of {@code amount} or more falls due within {@code days} days and the customer's grade is {@code grade} or worse */
        LARGE_INVOICE_DUE,
        /** the customer holds more than {@code pct} % of all open receivables */
        CONCENTRATION,
        /** the limitation period of an open invoice ends within {@code days} days */
        LIMITATION_EXPIRING,
        /** something is overdue and nobody recorded a contact in the last {@code days} days */
        NO_CONTACT
    }

    public enum Severity {
        LOW, MEDIUM, HIGH
    }

    /** What the alert suggests doing. HOLD_SUPPLY also proposes a supply hold (negotiation). */
    public enum Action {
        REVIEW_LIMIT, HOLD_SUPPLY, CALL, ESCALATE
    }

    /** A rule as typed by a manager (strings, validated by {@link AlertRules}). */
    public record Request(String name, String kind, String days, String amount, String pct, String count, String grade, String severity,
            String action, Boolean active) {
    }
}
