package io.huikuan.aging.web;

import io.huikuan.aging.AgingBucket;
import io.huikuan.aging.AgingBucketSet;
import io.huikuan.aging.AgingBucketSets;
import io.huikuan.aging.AgingDrill;
import io.huikuan.aging.AgingGrouping;
import io.huikuan.aging.AgingQueries;
import io.huikuan.aging.AgingReport;
import io.huikuan.aging.MonthEnds;
import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * As-of aging for API clients; every role may read it, collectors see their own portfolio.
 * Managers define named bucket sets that any report or drill-down may use instead of the default
 * buckets.
 */
@RestController
class AgingApi {

    private final AgingQueries aging;
    private final Clock clock;
    private final AgingBucketSets bucketSets;
    private final AgingDrill drill;
    private final MonthEnds monthEnds;

    AgingApi(AgingQueries aging, Clock clock, AgingBucketSets bucketSets, AgingDrill drill, MonthEnds monthEnds) {
        this.monthEnds = monthEnds;
        this.aging = aging;
        this.clock = clock;
        this.bucketSets = bucketSets;
        this.drill = drill;
    }

    @GetMapping("/api/aging")
    @Operation(summary = "Open receivables as of a date (default today) in overdue buckets, grouped by customer (default), "
            + "owner, region, businessUnit, grade or none; rows by total, largest first; bucketSet names a manager-defined "
            + "bucket set to use instead of the default buckets; source=snapshot gives the figures stored when the month "
            + "ending on asOf was closed (default buckets), source=live (default) recomputes them")
    AgingReport aging(@RequestParam(required = false) String asOf, @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String bucketSet, @RequestParam(required = false) String source) {
        LocalDate date = parseDate(asOf);
        AgingGrouping g = parseGrouping(groupBy);
        if (source != null && !source.isBlank() && !"live".equals(source.trim())) {
            if (!"snapshot".equals(source.trim())) {
                throw new ValidationException("source", source, "live (default) or snapshot");
            }
            if (bucketSet != null && !bucketSet.isBlank()) {
                throw new ValidationException("bucketSet", bucketSet, "a month-end snapshot holds the default buckets only");
            }
            YearMonth month = YearMonth.from(date);
            if (!date.equals(month.atEndOfMonth()) || !monthEnds.closed(month)) {
                throw new ValidationException("asOf", asOf, "no closed month ends on this date (source=snapshot needs the last day of a closed month)");
            }
            return monthEnds.storedAging(month, g);
        }
        return aging.aging(date, buckets(bucketSet), g);
    }

    @GetMapping("/api/aging/invoices")
    @Operation(summary = "The invoices behind a cell of GET /api/aging (same asOf, groupBy and bucketSet): key is the row's key "
            + "(omitted: every row; empty: the row without a value), bucket the bucket's index from 0 (omitted: every bucket); "
            + "open balance as of the date, most days overdue first; amount is the sum over all pages (the cell's amount) in currency; "
            + "currency (a three-letter code) keeps the invoices of one currency (a row of the report), byCurrency sums each currency")
    AgingDrill.Result invoices(@RequestParam(required = false) String asOf, @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String key, @RequestParam(required = false) String bucket,
            @RequestParam(required = false) String bucketSet, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, @RequestParam(required = false) String currency) {
        LocalDate date = parseDate(asOf);
        AgingGrouping g = parseGrouping(groupBy);
        List<AgingBucket> buckets = buckets(bucketSet);
        Integer index = null;
        if (bucket != null && !bucket.isBlank()) {
            index = parseInt("bucket", bucket, "a bucket index from 0 to " + (buckets.size() - 1));
        }
        int pageNo = page == null || page.isBlank() ? 0 : parseInt("page", page, "a page number from 0");
        int pageSize = size == null || size.isBlank() ? 1000 : parseInt("size", size, "a page size from 1 to " + AgingDrill.MAX_SIZE);
        if (pageNo < 0) {
            throw new ValidationException("page", page, "a page number from 0");
        }
        if (pageSize < 1 || pageSize > AgingDrill.MAX_SIZE) {
            throw new ValidationException("size", size, "a page size from 1 to " + AgingDrill.MAX_SIZE);
        }
        return drill.invoices(date, buckets, g, key, index, currency(currency), pageNo, pageSize);
    }

    /** The optional currency filter of a drill-down: a three-letter ISO code; null when absent. */
    static String currency(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String c = value.trim().toUpperCase(java.util.Locale.ROOT);
        if (!io.huikuan.ledger.LedgerRules.CURRENCY.matcher(c).matches()) {
            throw io.huikuan.common.ValidationException.coded("currency", value, "currency", "a three-letter ISO code such as CNY");
        }
        return c;
    }

    /** A bucket set: its bounds as given ({@code buckets}) and the buckets they make ({@code ranges}). */
    record BucketSetView(String name, List<Integer> buckets, List<AgingBucket> ranges, String createdBy, Instant createdAt) {

        static BucketSetView of(AgingBucketSet set) {
            return new BucketSetView(set.name(), set.buckets(), set.ranges(), set.createdBy(), set.createdAt());
        }
    }

    /** {@code buckets}: the upper bounds of the overdue buckets in days, as [30,60,90] or "30,60,90". */
    record BucketSetRequest(String name, Object buckets) {
    }

    @GetMapping("/api/aging/bucket-sets")
    @Operation(summary = "The manager-defined aging bucket sets, by name")
    List<BucketSetView> bucketSets() {
        return bucketSets.list().stream().map(BucketSetView::of).toList();
    }

    @PostMapping("/api/aging/bucket-sets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define a bucket set (managers): a unique name and 1-12 strictly increasing positive bounds in days "
            + "overdue, e.g. [30,60,90] for not due, 1-30, 31-60, 61-90 and over 90")
    BucketSetView createBucketSet(@RequestBody BucketSetRequest request) {
        if (request == null) {
            throw new ValidationException("name", null, "a name is required");
        }
        return BucketSetView.of(bucketSets.create(request.name(), request.buckets()));
    }

    @DeleteMapping("/api/aging/bucket-sets/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a bucket set (managers)")
    void deleteBucketSet(@PathVariable String name) {
        bucketSets.delete(name);
    }

    private static AgingGrouping parseGrouping(String groupBy) {
        String grouping = groupBy == null || groupBy.isBlank() ? AgingGrouping.CUSTOMER.apiName() : groupBy.trim();
        return AgingGrouping.parse(grouping)
                .orElseThrow(() -> new ValidationException("groupBy", groupBy, AgingGrouping.NAMES));
    }

    /** The default buckets, or those of the named set (400 naming bucketSet when there is none). */
    private List<AgingBucket> buckets(String bucketSet) {
        if (bucketSet == null || bucketSet.isBlank()) {
            return AgingBucket.DEFAULTS;
        }
        return bucketSets.find(bucketSet).map(AgingBucketSet::ranges)
                .orElseThrow(() -> new ValidationException("bucketSet", bucketSet, "no bucket set of that name"));
    }

    private static int parseInt(String field, String value, String expected) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, value, expected);
        }
    }

    private LocalDate parseDate(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(clock);
        }
        return InputRules.date("asOf", asOf);
    }
}
