package io.huikuan.legal.web;

import io.huikuan.legal.HolidayCalendar;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The statutory holiday calendar the limitation clock uses (Civil Code art. 203). */
@RestController
class HolidayApi {

    private final HolidayCalendar calendar;

    HolidayApi(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/api/legal/holidays")
    @Operation(summary = "The loaded holiday years with the number of listed days each")
    Map<Integer, Long> years() {
        return calendar.years();
    }

    @GetMapping("/api/legal/holidays/{year}")
    @Operation(summary = "The listed days of a year (HOLIDAY, or WORKDAY for a weekend day worked)")
    List<HolidayCalendar.Day> days(@PathVariable int year) {
        return calendar.days(year);
    }

    @PutMapping(path = "/api/legal/holidays/{year}", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Replaces a year's calendar with CSV lines date,HOLIDAY|WORKDAY,name (e.g. 2026-10-01,HOLIDAY,国庆节); an empty "
            + "body unloads the year; administrators only; errors name the line")
    List<HolidayCalendar.Day> load(@PathVariable int year, @RequestBody(required = false) String csv) {
        return calendar.load(year, csv);
    }
}
