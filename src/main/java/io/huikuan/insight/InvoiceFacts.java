package io.huikuan.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One invoice open at a cut-off date with the facts dated on or before it that the prediction reads, and (for training
 * and the backtest only) the day it was settled, which may lie after the cut-off. The features are computed here, in
 * Java, from the figures the statement summed, so no date arithmetic runs in SQL.
 */
public record InvoiceFacts(long invoiceId, String invoiceNo, String customerCode, String owner, String currency, BigDecimal amount,
        BigDecimal openAmount, LocalDate issueDate, LocalDate dueDate, LocalDate cutOff, Customer customer, int openDisputes,
        LocalDate settledOn) {

    /** The customer's figures as of the cut-off: settled invoices of the last 12 months and of the last 3, promises, disputes. */
    public record Customer(long settled, long late, double amount, double amountDays, long recentSettled, long recentLate, double recentAmount,
            double recentAmountDays, double usualAmount, long broken, long kept, long disputes) {

        /** Share of the settled invoices of the last 12 months paid after their due date (0 without history). */
        double lateShare() {
            return settled == 0 ? 0 : (double) late / settled;
        }

        /** Amount-weighted days late of the last 12 months (early or on time counts 0). */
        double lateDays() {
            return amount == 0 ? 0 : amountDays / amount;
        }
    }

    /** The names of the features, in the order of {@link #features()}. */
    static final String[] FEATURES = {"lateShare12", "lateDays12", "lateShare3", "lateDays3", "settled12", "noHistory", "brokenPromises",
            "keptPromises", "disputes12", "openDisputes", "amountVsUsual", "terms", "dueMonth", "daysOverdue", "openShare", "recentVsYear"};

    /** The feature vector (see {@link #FEATURES}). */
    double[] features() {
        Customer c = customer;
        double recentShare = c.recentSettled() == 0 ? c.lateShare() : (double) c.recentLate() / c.recentSettled();
        double recentDays = c.recentAmount() == 0 ? c.lateDays() : c.recentAmountDays() / c.recentAmount();
        double amt = amount.doubleValue();
        return new double[] {c.lateShare(), c.lateDays(), recentShare, recentDays, c.settled(), c.settled() == 0 ? 1 : 0, c.broken(), c.kept(),
                c.disputes(), openDisputes, c.usualAmount() <= 0 ? 1 : amt / c.usualAmount(), ChronoUnit.DAYS.between(issueDate, dueDate),
                dueDate.getMonthValue(), daysOverdue(), amt == 0 ? 1 : openAmount.doubleValue() / amt, recentDays - c.lateDays()};
    }

    /** Days past due at the cut-off (negative: days until due). */
    long daysOverdue() {
        return ChronoUnit.DAYS.between(dueDate, cutOff);
    }

    /** Settled by {@code date}? */
    boolean settledBy(LocalDate date) {
        return settledOn != null && !settledOn.isAfter(date);
    }

    /** Days from the due date to the settlement (negative: early); only when settled. */
    long payDays() {
        return ChronoUnit.DAYS.between(dueDate, settledOn);
    }

    /** The earliest pay date still possible at the cut-off: the due date, or the next day once it has passed. */
    LocalDate earliest(LocalDate payDate) {
        return payDate.isAfter(cutOff) ? payDate : cutOff.plusDays(1);
    }
}
