package io.huikuan.strategy.web;

import io.huikuan.strategy.Experiment;
import io.huikuan.strategy.ExperimentResults;
import io.huikuan.strategy.Experiments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Champion / challenger experiments of segments (managers). */
@RestController
@Tag(name = "Segments")
class ExperimentApi {

    record StartRequest(String challengerStrategy, Integer challengerVersion, Integer championVersion, Integer challengerPercent) {
    }

    record EndRequest(String winner) {
    }

    private final Experiments experiments;
    private final ExperimentResults results;

    ExperimentApi(Experiments experiments, ExperimentResults results) {
        this.experiments = experiments;
        this.results = results;
    }

    @PutMapping("/api/segments/{code}/experiment")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a champion/challenger experiment: the segment's strategy at championVersion (default current) against the "
            + "challenger strategy at challengerVersion (default current; another strategy or another version of the same one) on "
            + "challengerPercent (1-50) % of the segment's customers, a stable random split recorded customer by customer by the daily run; "
            + "409 while one runs")
    Experiment start(@PathVariable String code, @RequestBody StartRequest r) {
        return experiments.start(code, r.challengerStrategy(), r.challengerVersion(), r.championVersion(), r.challengerPercent());
    }

    @GetMapping("/api/segments/{code}/experiments")
    @Operation(summary = "The segment's experiments, newest first")
    List<Experiment> list(@PathVariable String code) {
        return experiments.of(code);
    }

    @GetMapping("/api/experiments/{id}/comparison")
    @Operation(summary = "The two arms as of asOf (default today): customers, judged 30 days after placement, cure rate with its 95 % interval, "
            + "collected per customer with its 95 % interval, the challenger's lead in cure rate (percentage points) with its 95 % interval")
    ExperimentResults.Comparison compare(@PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
        return results.compare(id, asOf);
    }

    @PostMapping("/api/segments/{code}/experiment/end")
    @Operation(summary = "End the segment's experiment keeping the winner: CHALLENGER makes the challenger the segment's strategy, CHAMPION keeps it")
    Experiment end(@PathVariable String code, @RequestBody EndRequest r) {
        return experiments.end(code, r.winner());
    }
}
