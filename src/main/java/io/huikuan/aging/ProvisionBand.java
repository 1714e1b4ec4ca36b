package io.huikuan.aging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An age band of the aging-method provision (账龄分析法), by invoice age = as-of date − issue date
 * in whole calendar years: an invoice is in band {@code [fromYears, toYears)} when it was issued
 * after {@code asOf − toYears years} and on or before {@code asOf − fromYears years}. So an
 * invoice issued exactly one year before the as-of date is in the 1–2 years band.
 * {@code toYears == null} means open-ended ("over 5 years").
 */
public record ProvisionBand(String label, int fromYears, Integer toYears) {

    /** Under 1 year, 1–2, 2–3, 3–4, 4–5 and over 5 years, as Chinese filings use. */
    public static final List<ProvisionBand> DEFAULTS = List.of(
            new ProvisionBand("under 1 year", 0, 1),
            new ProvisionBand("1-2 years", 1, 2),
            new ProvisionBand("2-3 years", 2, 3),
            new ProvisionBand("3-4 years", 3, 4),
            new ProvisionBand("4-5 years", 4, 5),
            new ProvisionBand("over 5 years", 5, null));

    /** The customary rates of the default bands: 5%, 10%, 20%, 50%, 80%, 100%. */
    public static final List<BigDecimal> DEFAULT_RATES = List.of(
            new BigDecimal("0.05"), new BigDecimal("0.10"), new BigDecimal("0.20"),
            new BigDecimal("0.50"), new BigDecimal("0.80"), new BigDecimal("1.00"));

    public ProvisionBand {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a band needs a label");
        }
        if (fromYears < 0 || (toYears != null && toYears <= fromYears)) {
            throw new IllegalArgumentException("band " + label + ": bad years " + fromYears + ".." + toYears);
        }
    }

    /** The latest issue date in this band as of {@code asOf} (inclusive). */
    public LocalDate latestIssue(LocalDate asOf) {
        return asOf.minusYears(fromYears);
    }

    /** The issue date this band starts after (exclusive), or null when open-ended. */
    public LocalDate issuedAfter(LocalDate asOf) {
        return toYears == null ? null : asOf.minusYears(toYears);
    }

    /** Is an invoice issued on {@code issueDate} in this band as of {@code asOf}? */
    public boolean holds(LocalDate issueDate, LocalDate asOf) {
        LocalDate after = issuedAfter(asOf);
        return !issueDate.isAfter(latestIssue(asOf)) && (after == null || issueDate.isAfter(after));
    }
}
