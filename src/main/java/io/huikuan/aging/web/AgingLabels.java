package io.huikuan.aging.web;

import io.huikuan.aging.AgingBucket;
import io.huikuan.aging.AgingGrouping;
import io.huikuan.aging.ProvisionBand;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** Labels of buckets, age bands and groupings in the user's language, and rates as percentages. */
final class AgingLabels {

    private AgingLabels() {
    }

    /** "Not due", "1–30 days overdue", "Over 365 days overdue". */
    static String bucket(MessageSource messages, Integer fromDays, Integer toDays, Locale locale) {
        if (fromDays == null) {
            return messages.getMessage("dashboard.bucket.notDue", null, locale);
        }
        if (toDays == null) {
            return messages.getMessage("dashboard.bucket.over", new Object[] {String.valueOf(fromDays - 1)}, locale);
        }
        return messages.getMessage("dashboard.bucket.range", new Object[] {String.valueOf(fromDays), String.valueOf(toDays)}, locale);
    }

    static String bucket(MessageSource messages, AgingBucket bucket, Locale locale) {
        return bucket(messages, bucket.holds(0) ? null : bucket.fromDays(), bucket.toDays(), locale);
    }

    /** "Under 1 year", "1–2 years", "Over 5 years". */
    static String band(MessageSource messages, ProvisionBand band, Locale locale) {
        if (band.fromYears() == 0 && band.toYears() != null) {
            return messages.getMessage("provisions.band.under", new Object[] {String.valueOf(band.toYears())}, locale);
        }
        if (band.toYears() == null) {
            return messages.getMessage("provisions.band.over", new Object[] {String.valueOf(band.fromYears())}, locale);
        }
        return messages.getMessage("provisions.band.range",
                new Object[] {String.valueOf(band.fromYears()), String.valueOf(band.toYears())}, locale);
    }

    static String grouping(MessageSource messages, AgingGrouping grouping, Locale locale) {
        return messages.getMessage("aging.groupBy." + grouping.apiName(), null, locale);
    }

    /** A rate 0..1 as a percentage with up to 4 decimals: 0.05 → "5%", 0.123457 → "12.3457%"; null → "—". */
    static String percent(BigDecimal fraction) {
        if (fraction == null) {
            return "—";
        }
        BigDecimal p = fraction.movePointRight(2).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
    }
}
