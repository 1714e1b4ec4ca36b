package io.huikuan.aging;

import io.huikuan.common.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A manager-defined set of aging buckets, given by the upper bounds of its overdue buckets in
 * days. Bounds {@code 30, 60, 90} make the buckets not due, 1–30, 31–60, 61–90 and over 90: every
 * day overdue falls into exactly one of them, so a set is contiguous and non-overlapping by
 * construction.
 */
public record AgingBucketSet(String name, List<Integer> buckets, String createdBy, Instant createdAt) {

    /** At most this many bounds (so at most 13 buckets with not due and the open-ended one). */
    public static final int MAX_BOUNDS = 12;
    /** The largest bound accepted: 100 years. */
    public static final int MAX_DAYS = 36_500;

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,99}");
    private static final Pattern INTEGER = Pattern.compile("[0-9]{1,9}");

    public AgingBucketSet {
        name = checkName(name);
        buckets = checkBounds(buckets);
    }

    /** The buckets as the aging report uses them: not due, one per bound, and over the last bound. */
    public List<AgingBucket> ranges() {
        List<AgingBucket> ranges = new ArrayList<>(buckets.size() + 2);
        ranges.add(new AgingBucket("not due", null, 0));
        int from = 1;
        for (int bound : buckets) {
            ranges.add(new AgingBucket(from + "-" + bound, from, bound));
            from = bound + 1;
        }
        ranges.add(new AgingBucket("over " + buckets.getLast(), from, null));
        return List.copyOf(ranges);
    }

    /** The bounds as stored: comma-separated. */
    String stored() {
        return String.join(",", buckets.stream().map(String::valueOf).toList());
    }

    /** A trimmed name of letters, digits, spaces, dots, dashes and underscores (1–100), starting with a letter or digit. */
    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw ValidationException.coded("name", name, "required", "a name is required");
        }
        String trimmed = name.strip();
        if (!NAME.matcher(trimmed).matches()) {
            throw ValidationException.coded("name", name, "bucketSet.name",
                    "1 to 100 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit");
        }
        return trimmed;
    }

    /**
     * Reads bounds given as a comma-separated text ({@code "30,60,90"}) or a list of whole numbers
     * or numeric texts, and checks them: 1 to {@value #MAX_BOUNDS} positive whole numbers of days,
     * strictly increasing, at most {@value #MAX_DAYS}. Refusals name the field {@code buckets}.
     */
    public static List<Integer> parseBounds(Object raw) {
        List<?> items;
        if (raw == null) {
            throw invalid(null, "buckets.required", "bucket bounds are required, e.g. \"30,60,90\"");
        } else if (raw instanceof String text) {
            items = text.isBlank() ? List.of() : List.of(text.split(",", -1));
        } else if (raw instanceof List<?> list) {
            items = list;
        } else if (raw instanceof Number) {
            items = List.of(raw);
        } else {
            throw invalid(raw, "buckets.format", "bucket bounds are a list of whole days, e.g. [30,60,90] or \"30,60,90\"");
        }
        List<Integer> bounds = new ArrayList<>(items.size());
        for (Object item : items) {
            bounds.add(bound(raw, item));
        }
        return checkBounds(bounds);
    }

    private static int bound(Object raw, Object item) {
        if (item instanceof Integer || item instanceof Long || item instanceof Short) {
            long v = ((Number) item).longValue();
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw invalid(raw, "buckets.tooLarge", "bound " + item + " is too large (at most " + MAX_DAYS + " days)", item, MAX_DAYS);
            }
            return (int) v;
        }
        if (item instanceof java.math.BigDecimal || item instanceof Double || item instanceof Float) {
            java.math.BigDecimal d = new java.math.BigDecimal(item.toString());
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                throw invalid(raw, "buckets.notWhole", "bound " + item + " is not a whole number of days", item);
            }
        }
        String text = item == null ? "" : item.toString().strip();
        if (text.startsWith("-") && INTEGER.matcher(text.substring(1)).matches()) {
            throw invalid(raw, "buckets.notPositive", "bound " + text + " is not positive: bounds are days overdue from 1 up", text);
        }
        if (!INTEGER.matcher(text).matches()) {
            throw invalid(raw, "buckets.notWhole", "bound '" + text + "' is not a whole number of days", text);
        }
        return Integer.parseInt(text);
    }

    private static List<Integer> checkBounds(List<Integer> bounds) {
        if (bounds == null || bounds.isEmpty()) {
            throw invalid(bounds, "buckets.required", "at least one bound is required, e.g. \"30,60,90\"");
        }
        if (bounds.size() > MAX_BOUNDS) {
            throw invalid(bounds, "buckets.tooMany", "at most " + MAX_BOUNDS + " bounds, got " + bounds.size(), MAX_BOUNDS, bounds.size());
        }
        int previous = 0;
        for (Integer bound : bounds) {
            if (bound == null) {
                throw invalid(bounds, "buckets.missing", "a bound is missing");
            }
            if (bound <= 0) {
                throw invalid(bounds, "buckets.notPositive", "bound " + bound + " is not positive: bounds are days overdue from 1 up (not due is always the first bucket)", bound);
            }
            if (bound > MAX_DAYS) {
                throw invalid(bounds, "buckets.tooLarge", "bound " + bound + " is too large (at most " + MAX_DAYS + " days)", bound, MAX_DAYS);
            }
            if (bound <= previous) {
                throw invalid(bounds, "buckets.increase", "bounds must strictly increase: " + bound + " after " + previous, bound, previous);
            }
            previous = bound;
        }
        return List.copyOf(bounds);
    }

    /** A refused bound: the English {@code message} for API clients, {@code code} and {@code args} for the UI ({@code error.<code>}). */
    private static ValidationException invalid(Object value, String code, String message, Object... args) {
        return ValidationException.coded("buckets", value, code, message, args);
    }
}
