package io.huikuan.insight.web;

import io.huikuan.insight.CashForecastReport;
import io.huikuan.insight.CashForecasts;
import io.huikuan.insight.MonthOutlook;
import io.huikuan.insight.MonthOutlooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cash forecast for treasury and API clients. */
@RestController
@Tag(name = "Insight")
class CashForecastApi {

    private final CashForecasts forecasts;
    private final MonthOutlooks outlooks;

    CashForecastApi(CashForecasts forecasts, MonthOutlooks outlooks) {
        this.forecasts = forecasts;
        this.outlooks = outlooks;
    }

    @GetMapping("/api/forecast/month")
    @Operation(summary = "The current user's month (month: yyyy-MM, the current month only): target, collected so far (CNY), the cash expected "
            + "from their own customers for the rest of the month, predicted = collected + expected, and that in % of the target")
    MonthOutlook month(@RequestParam(required = false) YearMonth month) {
        return outlooks.mine(month);
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
