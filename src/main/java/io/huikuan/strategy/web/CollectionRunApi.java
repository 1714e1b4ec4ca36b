package io.huikuan.strategy.web;

import io.huikuan.common.ValidationException;
import io.huikuan.strategy.CollectionRun;
import io.huikuan.strategy.CollectionRuns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The daily collection run. */
@RestController
@Tag(name = "Collection runs")
class CollectionRunApi {

    private final CollectionRuns runs;

    CollectionRunApi(CollectionRuns runs) {
        this.runs = runs;
    }

    @PostMapping("/api/collection-runs")
    @Operation(summary = "Run the daily collection run for asOf (YYYY-MM-DD, default today; MANAGER or ADMIN). Answers the run's summary: "
            + "runId, asOf, tasksCreated, counts by segment, step and kind, duration. 409 while another run is in progress")
    CollectionRun run(@RequestParam(required = false) String asOf) {
        return runs.run(date(asOf), "API");
    }

    @GetMapping("/api/collection-runs")
    @Operation(summary = "The latest runs, newest first (limit, default 30)")
    List<CollectionRun> list(@RequestParam(defaultValue = "30") int limit) {
        return runs.list(Math.clamp(limit, 1, 500));
    }

    @GetMapping("/api/collection-runs/{id}")
    CollectionRun get(@PathVariable long id) {
        return runs.get(id);
    }

    static LocalDate date(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return io.huikuan.common.InputRules.checkDate("asOf", LocalDate.parse(asOf.trim()));
        } catch (DateTimeParseException e) {
            throw ValidationException.coded("asOf", asOf, "date.format", "must be a date YYYY-MM-DD");
        }
    }
}
