package io.huikuan.aging;

import java.time.LocalDate;
import java.util.List;

/**
 * A range of days overdue, both ends inclusive. {@code fromDays == null} means "no lower end"
 * (the not-due bucket is {@code fromDays = null, toDays = 0}: due today or later);
 * {@code toDays == null} means open-ended (for example "over 365": {@code fromDays = 366}).
 */
public record AgingBucket(String label, Integer fromDays, Integer toDays) {

    /** Not due, 1–30, 31–60, 61–90, 91–180, 181–365 and over 365 days overdue. */
    public static final List<AgingBucket> DEFAULTS = List.of(
            new AgingBucket("not due", null, 0),
            new AgingBucket("1-30", 1, 30),
            new AgingBucket("31-60", 31, 60),
            new AgingBucket("61-90", 61, 90),
            new AgingBucket("91-180", 91, 180),
            new AgingBucket("181-365", 181, 365),
            new AgingBucket("over 365", 366, null));

    public AgingBucket {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a bucket needs a label");
        }
        if (fromDays != null && toDays != null && fromDays > toDays) {
            throw new IllegalArgumentException("bucket " + label + ": fromDays " + fromDays + " > toDays " + toDays);
        }
    }

    /** Does an invoice {@code days} overdue fall into this bucket? */
    public boolean holds(long days) {
        return (fromDays == null || days >= fromDays) && (toDays == null || days <= toDays);
    }

    /** The earliest due date in this bucket as of {@code asOf}, or null when unbounded. */
    LocalDate earliestDue(LocalDate asOf) {
        return toDays == null ? null : asOf.minusDays(toDays);
    }

    /** The latest due date in this bucket as of {@code asOf}, or null when unbounded. */
    LocalDate latestDue(LocalDate asOf) {
        return fromDays == null ? null : asOf.minusDays(fromDays);
    }
}
