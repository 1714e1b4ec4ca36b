package io.huikuan.legal.web;

import io.huikuan.legal.LprRates;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The one-year LPR table: read by finance, legal, managers and administrators; maintained by administrators. */
@RestController
@Tag(name = "Calculators")
class LprApi {

    private final LprRates rates;

    LprApi(LprRates rates) {
        this.rates = rates;
    }

    @GetMapping("/api/lpr-rates")
    @Operation(summary = "The one-year LPR table, oldest first: [{effectiveFrom, rate (percent), kind LPR|BENCHMARK, source, updatedBy}]")
    List<LprRates.LprRate> list() {
        return rates.list();
    }

    @PostMapping("/api/lpr-rates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add the rate of a new date (ADMIN): {effectiveFrom, rate (percent, e.g. 3.10), source}; a date already in the "
            + "table answers 409 naming effectiveFrom")
    LprRates.LprRate add(@RequestBody LprRates.Entry entry) {
        return rates.add(entry);
    }

    @PutMapping("/api/lpr-rates/{effectiveFrom}")
    @Operation(summary = "Correct the rate and source of a date in the table (ADMIN): {rate, source}")
    LprRates.LprRate correct(@PathVariable String effectiveFrom, @RequestBody LprRates.Entry entry) {
        LocalDate date = io.huikuan.common.InputRules.date("effectiveFrom", effectiveFrom);
        return rates.correct(new LprRates.Entry(date, entry.rate(), entry.source()));
    }
}
