package io.huikuan.aging.web;

import io.huikuan.aging.MeasureService;
import io.huikuan.aging.MeasureService.CeiValues;
import io.huikuan.aging.MeasureService.MeasureValues;
import io.huikuan.aging.MonthEnds;
import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The collection measures (DSO, best possible DSO, ADD, count-back DSO, overdue ratio, CEI), portfolio-scoped. */
@RestController
@Tag(name = "Measures")
class MeasureApi {

    static final int MAX_DAYS = 3650;

    private final MeasureService measures;
    private final Clock clock;

    MeasureApi(MeasureService measures, Clock clock) {
        this.measures = measures;
        this.clock = clock;
    }

    @GetMapping("/api/measures")
    @Operation(summary = "Measures as of a date (default today) over N days of sales (default 90, 1..3650): "
            + "DSO = AR ÷ sales in (D−N, D] × N; best possible DSO = not-yet-due AR ÷ the same sales × N; ADD = DSO − BPDSO; "
            + "count-back DSO over the months ending with asOf's month; overdue ratio = overdue AR ÷ AR × 100. "
            + "Days and percentages with 1 decimal (HALF_UP); null when the denominator is zero")
    MeasureValues measures(@RequestParam(required = false) String asOf, @RequestParam(required = false) String days) {
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : date("asOf", asOf);
        return measures.at(date, days(days));
    }

    @GetMapping("/api/measures/cei")
    @Operation(summary = "Collection effectiveness index over the months from..to (YYYY-MM): "
            + "(AR at start + sales ÷ N − AR at end) ÷ (AR at start + sales ÷ N − current AR at end) × 100; "
            + "AR at start is at the day before from's first day, AR at end at to's last day; null when nothing was collectible")
    CeiValues cei(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        if (last.isBefore(first)) {
            throw new ValidationException("from", from, "must not be after to (" + to + ")");
        }
        return measures.cei(first, last);
    }

    @GetMapping("/api/measures/customers")
    @Operation(summary = "Per-customer measures as of a date (default today) over N days (default 90): AR, current AR, overdue AR, "
            + "overdue ratio, sales, DSO, and amount-weighted average days to pay and days late of the invoices settled in the window; "
            + "sort = overdueAr (default), ar, overdueRatio, dso, averageDaysToPay, averageDaysLate, sales (largest first) or customerCode; "
            + "paged (page from 0, size 1..1000, default 50)")
    io.huikuan.common.Page<MeasureService.CustomerMeasures> customers(@RequestParam(required = false) String asOf,
            @RequestParam(required = false) String days, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : date("asOf", asOf);
        String s = sort == null || sort.isBlank() ? "overdueAr" : sort.trim();
        if (!MeasureService.CUSTOMER_SORTS.contains(s)) {
            throw new ValidationException("sort", sort, "one of " + String.join(", ", MeasureService.CUSTOMER_SORTS));
        }
        int p = whole("page", page, 0, 0, Integer.MAX_VALUE);
        int n = whole("size", size, 50, 1, 1000);
        return measures.perCustomer(date, days(days), s, p, n);
    }

    private static int whole(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(field, value, "must be a whole number from " + min + " to " + max);
    }

    @GetMapping("/api/measures/trend")
    @Operation(summary = "The measures at the ends of the last N months (months 1..120, default 24) up to the month 'to' "
            + "(YYYY-MM; default the last complete month), oldest first: AR, current AR, overdue AR, the month's sales, "
            + "DSO/best possible DSO/ADD over 'days' days of sales (default 90), count-back DSO, the month's CEI, overdue ratio, "
            + "and amount-weighted average days to pay and days late of the invoices settled in the month")
    List<MeasureService.TrendPoint> trend(@RequestParam(required = false) String to, @RequestParam(required = false) String months,
            @RequestParam(required = false) String days) {
        YearMonth last;
        if (to == null || to.isBlank()) {
            last = MonthEnds.lastCompleteMonth(LocalDate.now(clock));
        } else {
            last = month("to", to);
        }
        int n = 24;
        if (months != null && !months.isBlank()) {
            try {
                n = Integer.parseInt(months.trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > 120) {
                throw new ValidationException("months", months, "must be a whole number from 1 to 120");
            }
        }
        return measures.trend(last, n, days(days));
    }

    private static LocalDate date(String field, String value) {
        try {
            return InputRules.checkDate(field, LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, value, "must be a date YYYY-MM-DD");
        }
    }

    private static int days(String value) {
        if (value == null || value.isBlank()) {
            return 90;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_DAYS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException("days", value, "must be a whole number from 1 to " + MAX_DAYS);
    }

    /** A month YYYY-MM, required; the field is named when it is missing or malformed. */
    static YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.coded(field, value, "month.required", "is required (YYYY-MM)");
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ValidationException.coded(field, value, "month.format", "must be a month YYYY-MM");
        }
    }
}
