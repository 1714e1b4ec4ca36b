package io.huikuan.aging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The collection measures of issue 3, as pure calculations on exact amounts. Every result is in
 * days or percent with one decimal, rounded HALF_UP once, at the end (intermediate values stay
 * exact: each measure is computed as one fraction and only that quotient is rounded). A measure
 * whose denominator is zero (no sales, no receivables) is {@code null}: it is undefined, not zero.
 */
public final class Measures {

    /** Scale of every measure: one decimal. */
    public static final int SCALE = 1;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Measures() {
    }

    /** One calendar month of sales for the count-back; {@code days} counted for it when fully used. */
    public record MonthSales(BigDecimal sales, int days) {
        public MonthSales {
            if (sales == null || sales.signum() < 0) {
                throw new IllegalArgumentException("sales must be zero or positive: " + sales);
            }
            if (days <= 0) {
                throw new IllegalArgumentException("days must be positive: " + days);
            }
        }
    }

    /** Standard DSO for D and N days = AR(D) ÷ sales in (D−N, D] × N. */
    public static BigDecimal dso(BigDecimal ar, BigDecimal sales, int days) {
        return ratio(ar.multiply(BigDecimal.valueOf(days)), sales);
    }

    /** Best possible DSO = not-yet-due AR(D) ÷ sales in (D−N, D] × N. */
    public static BigDecimal bestPossibleDso(BigDecimal currentAr, BigDecimal sales, int days) {
        return ratio(currentAr.multiply(BigDecimal.valueOf(days)), sales);
    }

    /**
     * Average days delinquent = DSO − BPDSO, from the exact values: (AR − current AR) ÷ sales × N,
     * so it may differ by 0.1 from the difference of the two rounded figures.
     */
    public static BigDecimal averageDaysDelinquent(BigDecimal ar, BigDecimal currentAr, BigDecimal sales, int days) {
        return ratio(ar.subtract(currentAr).multiply(BigDecimal.valueOf(days)), sales);
    }

    /**
     * Count-back DSO: starting from AR, subtract each month's sales from the newest month backwards,
     * counting that month's days; the month whose sales exceed the remainder counts
     * remainder ÷ its sales × its days. {@code months} are newest first. {@code null} when there are
     * no sales at all or the months given do not cover AR (the figure cannot be determined).
     */
    public static BigDecimal countbackDso(BigDecimal ar, List<MonthSales> months) {
        boolean anySales = months.stream().anyMatch(m -> m.sales().signum() > 0);
        if (!anySales) {
            return null;
        }
        if (ar.signum() <= 0) {
            return BigDecimal.ZERO.setScale(SCALE);
        }
        BigDecimal remainder = ar;
        long wholeDays = 0;
        for (MonthSales m : months) {
            if (remainder.compareTo(m.sales()) <= 0) {
                // this month absorbs the rest (exactly or partly): its share of days, rounded once
                BigDecimal part = remainder.multiply(BigDecimal.valueOf(m.days()));
                BigDecimal exact = BigDecimal.valueOf(wholeDays).multiply(m.sales()).add(part);
                return exact.divide(m.sales(), SCALE, RoundingMode.HALF_UP);
            }
            remainder = remainder.subtract(m.sales());
            wholeDays += m.days();
        }
        return null;
    }

    /**
     * Collection effectiveness index over N months (Credit Research Foundation):
     * (AR start + sales ÷ N − AR end) ÷ (AR start + sales ÷ N − current AR end) × 100.
     * Computed as (N·start + sales − N·end) ÷ (N·start + sales − N·currentEnd) × 100, the same
     * fraction without the intermediate division.
     */
    public static BigDecimal cei(BigDecimal arStart, BigDecimal sales, int months, BigDecimal arEnd, BigDecimal currentArEnd) {
        if (months <= 0) {
            throw new IllegalArgumentException("months must be positive: " + months);
        }
        BigDecimal n = BigDecimal.valueOf(months);
        BigDecimal base = arStart.multiply(n).add(sales);
        BigDecimal collected = base.subtract(arEnd.multiply(n));
        BigDecimal collectible = base.subtract(currentArEnd.multiply(n));
        return ratio(collected.multiply(HUNDRED), collectible);
    }

    /** Overdue ratio = overdue AR ÷ AR × 100. */
    public static BigDecimal overdueRatio(BigDecimal overdueAr, BigDecimal ar) {
        return ratio(overdueAr.multiply(HUNDRED), ar);
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
    }
}
