package io.huikuan.aging.web;

import io.huikuan.aging.AgingBucket;
import io.huikuan.aging.AgingBucketSet;
import io.huikuan.aging.AgingBucketSets;
import io.huikuan.aging.AgingGrouping;
import io.huikuan.common.InputRules;
import io.huikuan.common.web.FormErrors;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The parameters of the aging report page, its drill-down and its export as the user gave them
 * ({@code asOf}, {@code groupBy}, {@code bucketSet}) and as read: a bad value leaves an error
 * naming its field and the default in its place.
 */
final class AgingParams {

    public final String asOfRaw;
    public final String groupByRaw;
    public final String bucketSetRaw;
    public final LocalDate asOf;
    public final AgingGrouping grouping;
    /** The bucket set's name, or null for the default buckets. */
    public final String bucketSet;
    public final List<AgingBucket> buckets;
    public final FormErrors errors;

    AgingParams(String asOf, String groupBy, String bucketSet, LocalDate today, AgingBucketSets sets, MessageSource messages,
            Locale locale) {
        this.asOfRaw = asOf == null ? "" : asOf.strip();
        this.groupByRaw = groupBy == null || groupBy.isBlank() ? AgingGrouping.CUSTOMER.apiName() : groupBy.strip();
        this.bucketSetRaw = bucketSet == null ? "" : bucketSet.strip();
        this.errors = new FormErrors(messages, locale);

        LocalDate date = today;
        if (!asOfRaw.isEmpty()) {
            try {
                LocalDate parsed = LocalDate.parse(asOfRaw);
                if (InputRules.dateRule("asOf", parsed).isPresent()) {
                    errors.addCode("asOf", "error.date.range");
                } else {
                    date = parsed;
                }
            } catch (DateTimeParseException e) {
                errors.addCode("asOf", "aging.error.asOf");
            }
        }
        this.asOf = date;

        AgingGrouping g = AgingGrouping.parse(groupByRaw).orElse(null);
        if (g == null) {
            errors.addCode("groupBy", "aging.error.groupBy");
            g = AgingGrouping.CUSTOMER;
        }
        this.grouping = g;

        List<AgingBucket> ranges = AgingBucket.DEFAULTS;
        String name = null;
        if (!bucketSetRaw.isEmpty()) {
            AgingBucketSet set = sets.find(bucketSetRaw).orElse(null);
            if (set == null) {
                errors.addCode("bucketSet", "aging.error.bucketSet");
            } else {
                ranges = set.ranges();
                name = set.name();
            }
        }
        this.buckets = ranges;
        this.bucketSet = name;
    }

    /**
     * The query of these parameters (as read) on {@code path}; {@code asOf} always explicit. Values
     * are added encoded ({@link #q}), so build with {@code build(true)}.
     */
    UriComponentsBuilder uri(String path) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path).queryParam("asOf", asOf).queryParam("groupBy", grouping.apiName());
        if (bucketSet != null) {
            b.queryParam("bucketSet", q(bucketSet));
        }
        return b;
    }

    /** Every character but the unreserved ones percent-encoded ("+" and "&" in a key stay what they are). */
    static String q(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The drill-down of a cell: {@code key} null for the total row (every row), "" for the row
     * without a value; {@code bucket} null for the row's total.
     */
    public String cell(String key, Integer bucket) {
        return cell(key, bucket, null);
    }

    /** The drill-down of a cell of one currency's row ({@code currency} null: every currency). */
    public String cell(String key, Integer bucket, String currency) {
        UriComponentsBuilder b = uri("/aging/invoices");
        if (currency != null) {
            b.queryParam("currency", q(currency));
        }
        if (grouping == AgingGrouping.NONE) {
            b.queryParam("key", "all");
        } else if (key != null) {
            b.queryParam("key", q(key));
        }
        if (bucket != null) {
            b.queryParam("bucket", bucket);
        }
        return b.build(true).toUriString();
    }

    public String export() {
        return uri("/aging/export.xlsx").build(true).toUriString();
    }

    public String report() {
        return uri("/aging").build(true).toUriString();
    }

    /** For the form: the raw values back in their inputs. */
    public String getAsOfRaw() {
        return asOfRaw.isEmpty() ? asOf.toString() : asOfRaw;
    }

    public String getGroupByRaw() {
        return groupByRaw;
    }

    public String getBucketSetRaw() {
        return bucketSetRaw;
    }

    public FormErrors getErrors() {
        return errors;
    }
}
