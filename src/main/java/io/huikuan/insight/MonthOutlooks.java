package io.huikuan.insight;

import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.worklist.Targets;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collector's month against target with the model's help (issue 17, item 6): collected so far (the worklist's
 * {@link Targets#progress}) plus what {@link CashForecasts} expects from the user's own customers from tomorrow to the
 * month's end. For the current month only: a past month is what was collected, a future one has no forecast yet.
 */
@Service
public class MonthOutlooks {

    private final Targets targets;
    private final CashForecasts forecasts;
    private final Clock clock;

    MonthOutlooks(Targets targets, CashForecasts forecasts, Clock clock) {
        this.targets = targets;
        this.forecasts = forecasts;
        this.clock = clock;
    }

    /** The current user's current month (400 naming {@code month} for another month). */
    @Transactional(readOnly = true)
    public MonthOutlook mine(YearMonth month) {
        LocalDate today = LocalDate.now(clock);
        YearMonth current = YearMonth.from(today);
        if (month != null && !month.equals(current)) {
            throw ValidationException.coded("month", month, "insight.currentMonth", "only the current month " + current + " has an outlook", current);
        }
        Targets.Progress p = targets.progress(CurrentUser.get().username(), current);
        int left = (int) ChronoUnit.DAYS.between(today, current.atEndOfMonth());
        BigDecimal expected = left == 0 ? BigDecimal.ZERO.setScale(2) : forecasts.forecast(today, left, CashForecasts.BASE_CURRENCY).total();
        BigDecimal predicted = p.actual().add(expected);
        BigDecimal percent = p.target() == null || p.target().signum() == 0 ? null
                : predicted.multiply(BigDecimal.valueOf(100)).divide(p.target(), 1, RoundingMode.HALF_UP);
        return new MonthOutlook(current.toString(), p.target(), p.actual(), expected, predicted, percent);
    }
}
