package io.huikuan.aging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Bad-debt provisions (坏账准备) as of a date, two ways side by side, and the arithmetic behind them.
 *
 * <h2>Aging method (账龄分析法)</h2>
 * Every invoice's open balance at the as-of date D (issued on or before D, less allocations of
 * payments, credit notes and write-offs dated on or before D; only positive balances) is put in a
 * {@link ProvisionBand} by invoice age (D − issue date). Provision of a band = balance × the
 * band's rate, rounded HALF_UP to 2 decimals per band; the total is the sum of the bands.
 *
 * <h2>Expected credit loss, provision matrix (CAS 22 simplified approach)</h2>
 * Loss rates come from the company's own roll rates over the overdue buckets of
 * {@link AgingBucket#DEFAULTS} (not due, 1–30, 31–60, 61–90, 91–180, 181–365, over 365):
 * <ol>
 * <li>Take the as-of balances per bucket at the 12 month ends before D (the ends of the 12
 * months before D's month), oldest first; that gives 11 month-to-month transitions.</li>
 * <li>The roll rate of bucket k (all but the last) is the average, over the transitions m → m+1
 * whose base amount in bucket k at month m is not zero, of
 * (amount in bucket k+1 at m+1) ÷ (amount in bucket k at m), each month's ratio capped at 1
 * (100%), so the average is at most 100% too. Ratios are computed with 10 decimals; the roll
 * rate is rounded HALF_UP to 6 decimals. With no month having a base, the roll rate is unknown
 * ({@code null}) and counts as 0: nothing was seen passing through the bucket.</li>
 * <li>The loss rate of bucket k is the product of the (rounded) roll rates from k to the last
 * bucket, rounded HALF_UP to 6 decimals; the last bucket's loss rate is 1 (100%).</li>
 * <li>Provision of a bucket = its balance at D × its loss rate, rounded HALF_UP to 2 decimals;
 * the total is the sum of the buckets.</li>
 * </ol>
 * Buckets wider than a month (91–180, 181–365, over 365) keep amounts for several months, so a
 * month's ratio into them can exceed 1; the cap keeps such months at 100%.
 */
public record Provisions(LocalDate asOf, AgingMethod agingMethod, ExpectedCreditLoss expectedCreditLoss) {

    /** Decimals of roll and loss rates. */
    public static final int RATE_SCALE = 6;
    private static final int RATIO_SCALE = 10;

    /** The aging-method provision: one line per age band. */
    public record AgingMethod(List<Band> bands, BigDecimal balance, BigDecimal total) {
    }

    public record Band(String label, int fromYears, Integer toYears, BigDecimal balance, BigDecimal rate, BigDecimal provision) {
    }

    /** The provision matrix: one line per overdue bucket; {@code months} is the number of month ends used. */
    public record ExpectedCreditLoss(int months, List<Bucket> buckets, BigDecimal balance, BigDecimal total) {
    }

    /** {@code rollRate} is null for the last bucket and when no month had a base in this bucket. */
    public record Bucket(String label, Integer fromDays, Integer toDays, BigDecimal balance, BigDecimal rollRate,
            BigDecimal lossRate, BigDecimal provision) {
    }

    /** The aging-method provision from the balance and the rate of each band. */
    public static AgingMethod agingMethod(List<ProvisionBand> bands, List<BigDecimal> balances, List<BigDecimal> rates) {
        if (bands.size() != balances.size() || bands.size() != rates.size()) {
            throw new IllegalArgumentException("bands, balances and rates differ in number");
        }
        List<Band> lines = new ArrayList<>(bands.size());
        for (int b = 0; b < bands.size(); b++) {
            ProvisionBand band = bands.get(b);
            BigDecimal balance = money(balances.get(b));
            BigDecimal rate = Objects.requireNonNull(rates.get(b), "rate");
            lines.add(new Band(band.label(), band.fromYears(), band.toYears(), balance, rate, money(balance.multiply(rate))));
        }
        return new AgingMethod(List.copyOf(lines), sum(lines.stream().map(Band::balance).toList()),
                sum(lines.stream().map(Band::provision).toList()));
    }

    /**
     * The roll rate of each bucket but the last (see the class comment), from the month-end amounts
     * per bucket, oldest month first; an element is null when no month had a base in that bucket.
     */
    public static List<BigDecimal> rollRates(List<List<BigDecimal>> monthEnds, int buckets) {
        List<BigDecimal> rates = new ArrayList<>(buckets - 1);
        for (int k = 0; k < buckets - 1; k++) {
            BigDecimal sum = BigDecimal.ZERO;
            int months = 0;
            for (int m = 0; m + 1 < monthEnds.size(); m++) {
                BigDecimal base = monthEnds.get(m).get(k);
                if (base.signum() == 0) {
                    continue;
                }
                BigDecimal ratio = monthEnds.get(m + 1).get(k + 1).divide(base, RATIO_SCALE, RoundingMode.HALF_UP);
                sum = sum.add(ratio.min(BigDecimal.ONE));
                months++;
            }
            rates.add(months == 0 ? null
                    : sum.divide(BigDecimal.valueOf(months), RATIO_SCALE, RoundingMode.HALF_UP).setScale(RATE_SCALE, RoundingMode.HALF_UP));
        }
        return rates;
    }

    /** The loss rate of each bucket: the product of the roll rates from it to the last bucket; 1 for the last. */
    public static List<BigDecimal> lossRates(List<BigDecimal> rollRates) {
        int buckets = rollRates.size() + 1;
        BigDecimal[] loss = new BigDecimal[buckets];
        BigDecimal product = BigDecimal.ONE;
        loss[buckets - 1] = BigDecimal.ONE.setScale(RATE_SCALE);
        for (int k = buckets - 2; k >= 0; k--) {
            BigDecimal roll = rollRates.get(k) == null ? BigDecimal.ZERO : rollRates.get(k);
            product = product.multiply(roll);
            loss[k] = product.setScale(RATE_SCALE, RoundingMode.HALF_UP);
        }
        return List.of(loss);
    }

    /**
     * The provision matrix from the month-end amounts per bucket (oldest first) and the balances per
     * bucket at the as-of date.
     */
    public static ExpectedCreditLoss expectedCreditLoss(List<AgingBucket> buckets, List<List<BigDecimal>> monthEnds,
            List<BigDecimal> balances) {
        if (balances.size() != buckets.size() || monthEnds.stream().anyMatch(m -> m.size() != buckets.size())) {
            throw new IllegalArgumentException("every month end and the balances need one amount per bucket");
        }
        List<BigDecimal> rolls = rollRates(monthEnds, buckets.size());
        List<BigDecimal> losses = lossRates(rolls);
        List<Bucket> lines = new ArrayList<>(buckets.size());
        for (int k = 0; k < buckets.size(); k++) {
            AgingBucket bucket = buckets.get(k);
            BigDecimal balance = money(balances.get(k));
            lines.add(new Bucket(bucket.label(), bucket.fromDays(), bucket.toDays(), balance,
                    k < rolls.size() ? rolls.get(k) : null, losses.get(k), money(balance.multiply(losses.get(k)))));
        }
        return new ExpectedCreditLoss(monthEnds.size(), List.copyOf(lines), sum(lines.stream().map(Bucket::balance).toList()),
                sum(lines.stream().map(Bucket::provision).toList()));
    }

    /** The 12 month ends before {@code asOf}: the last days of the 12 months before its month, oldest first. */
    public static List<LocalDate> monthEndsBefore(LocalDate asOf, int months) {
        List<LocalDate> ends = new ArrayList<>(months);
        java.time.YearMonth month = java.time.YearMonth.from(asOf);
        for (int m = months; m >= 1; m--) {
            ends.add(month.minusMonths(m).atEndOfMonth());
        }
        return ends;
    }

    static BigDecimal money(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
