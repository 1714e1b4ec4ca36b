package io.huikuan.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cash forecast held against what came in (issue 17, item 3): at a date D, the forecast of the next
 * {@link #DAYS} days in CNY ({@link CashForecasts}, facts dated up to D) and the payments in CNY actually received in
 * (D, D + 30]; the error is (forecast − actual) ÷ actual in percent (null when nothing came in). A date whose 30 days
 * have not all passed by today is not judged.
 */
@Component
public class CashCheck {

    static final int DAYS = 30;

    /** One date's forecast and what came in. */
    public record Result(LocalDate asOf, BigDecimal forecast, BigDecimal actual, BigDecimal errorPct) {
    }

    private final CashForecasts forecasts;
    private final JdbcClient jdbc;

    CashCheck(CashForecasts forecasts, JdbcClient jdbc) {
        this.forecasts = forecasts;
        this.jdbc = jdbc;
    }

    /** The check at {@code asOf}, or null when its 30 days have not all passed by {@code today}. */
    Result at(LocalDate asOf, LocalDate today) {
        if (asOf.plusDays(DAYS).isAfter(today)) {
            return null;
        }
        BigDecimal forecast = forecasts.forecast(asOf, DAYS, CashForecasts.BASE_CURRENCY).total();
        BigDecimal actual = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM payment WHERE currency = ? AND payment_date > ? AND payment_date <= ?")
                .params(CashForecasts.BASE_CURRENCY, Date.valueOf(asOf), Date.valueOf(asOf.plusDays(DAYS))).query(BigDecimal.class).single()
                .setScale(2, RoundingMode.HALF_UP);
        return new Result(asOf, forecast, actual, error(forecast, actual));
    }

    /** The mean absolute error in percent of the judged results (null when none). */
    static BigDecimal meanAbsoluteError(java.util.List<Result> results) {
        java.util.List<BigDecimal> errors = results.stream().map(Result::errorPct).filter(java.util.Objects::nonNull).map(BigDecimal::abs).toList();
        return errors.isEmpty() ? null
                : errors.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(errors.size()), 1, RoundingMode.HALF_UP);
    }

    static BigDecimal error(BigDecimal forecast, BigDecimal actual) {
        return actual.signum() == 0 ? null
                : forecast.subtract(actual).multiply(BigDecimal.valueOf(100)).divide(actual, 1, RoundingMode.HALF_UP);
    }
}
