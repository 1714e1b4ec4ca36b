package io.huikuan.insight.web;

import io.huikuan.insight.CashForecastReport;
import io.huikuan.insight.CashForecasts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cash forecast for treasury and API clients. */
@RestController
@Tag(name = "Insight")
class CashForecastApi {

    private final CashForecasts forecasts;

    CashForecastApi(CashForecasts forecasts) {
        this.forecasts = forecasts;
    }

    @GetMapping("/api/forecast/cash")
    @Operation(summary = "Cash expected in (asOf, asOf + days] (asOf default today, days 1-182, default 30) from the invoices' predicted pay dates, "
            + "open promises and active payment plans (those two discounted by the promise-keeping rate), from facts dated on or before asOf: "
            + "{asOf, days, currency, total, byWeek:[{weekStart (Monday), amount}], byCurrency:[{currency, total, byWeek}], "
            + "bySource:{predictions, promises, plans}}; total and byWeek in currency (default CNY); a collector's covers their own customers")
    CashForecastReport cash(@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String currency) {
        return forecasts.forecast(asOf, days, currency);
    }
}
