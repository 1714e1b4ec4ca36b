package io.huikuan.aging.web;

import io.huikuan.aging.AgingGrouping;
import io.huikuan.aging.AgingQueries;
import io.huikuan.aging.AgingReport;
import io.huikuan.common.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** As-of aging for API clients; every role may read it, collectors see their own portfolio. */
@RestController
class AgingApi {

    private final AgingQueries aging;
    private final Clock clock;

    AgingApi(AgingQueries aging, Clock clock) {
        this.aging = aging;
        this.clock = clock;
    }

    @GetMapping("/api/aging")
    @Operation(summary = "Open receivables as of a date (default today) in overdue buckets, grouped by customer (default), "
            + "owner, region, businessUnit, grade or none; rows by total, largest first")
    AgingReport aging(@RequestParam(required = false) String asOf, @RequestParam(required = false) String groupBy) {
        LocalDate date = parseDate(asOf);
        String grouping = groupBy == null || groupBy.isBlank() ? AgingGrouping.CUSTOMER.apiName() : groupBy.trim();
        AgingGrouping g = AgingGrouping.parse(grouping)
                .orElseThrow(() -> new ValidationException("groupBy", groupBy, AgingGrouping.NAMES));
        return aging.aging(date, g);
    }

    private LocalDate parseDate(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException("asOf", asOf, "a date as yyyy-MM-dd");
        }
    }
}
