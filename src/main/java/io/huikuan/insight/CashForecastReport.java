package io.huikuan.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The cash expected in (asOf, asOf + days]: {@code total} and {@code byWeek} (weeks starting on Monday, the first and
 * the last partial) in {@code currency}; {@code byCurrency} the same for every currency expected; {@code bySource} how
 * much of {@code total} comes from predictions, promises and plans.
 */
public record CashForecastReport(LocalDate asOf, int days, String currency, BigDecimal total, List<Week> byWeek, List<CurrencyForecast> byCurrency,
        Sources bySource) {

    /** A week's expected amount. */
    public record Week(LocalDate weekStart, BigDecimal amount) {
    }

    /** One currency's forecast. */
    public record CurrencyForecast(String currency, BigDecimal total, List<Week> byWeek) {
    }

    /** Where the expected amount of the report's currency comes from. */
    public record Sources(BigDecimal predictions, BigDecimal promises, BigDecimal plans) {
    }
}
