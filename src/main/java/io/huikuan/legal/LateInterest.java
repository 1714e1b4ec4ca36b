package io.huikuan.legal;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.legal.LprRates.LprRate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Late-payment interest on a principal from the first day late ({@code from}) to the last day counted ({@code to}), both
 * inclusive: days = to − from + 1.
 * <ul>
 * <li>DAILY_RATE: principal × rate × days (e.g. 0.0005 a day, 保障中小企业款项支付条例 art. 17; art. 15 before the 2025 revision);</li>
 * <li>CONTRACT: principal × annual rate × days / day basis;</li>
 * <li>LPR: principal × one-year LPR in force on each day × (1 + markup) × days / day basis, one period per LPR in force
 * (the LPR of the 20th applies from that day); a day before the table's first row answers 400 saying which day.</li>
 * </ul>
 * Each period is computed exactly, then rounded HALF_UP to the cent; the interest is the sum of the periods. The day
 * basis is 365 (or 360) whatever the year: a leap year's 366 days on basis 365 earn 366/365 of the annual rate.
 */
@Service
public class LateInterest {

    /** What to compute: {@code rate} for CONTRACT (annual) and DAILY_RATE (per day); {@code markup} for LPR (0.5 = LPR + 50%); {@code dayBasis} null = the setting. */
    public record Request(BigDecimal principal, LocalDate from, LocalDate to, InterestBasis basis, BigDecimal rate, BigDecimal markup,
            Integer dayBasis) {
    }

    /**
     * One period at one rate: {@code rate} the annual rate applied (CONTRACT, LPR: the LPR × (1 + markup) as a fraction)
     * or the daily rate (DAILY_RATE); {@code lpr} the LPR in percent (LPR basis only, else null).
     */
    public record Period(LocalDate from, LocalDate to, long days, BigDecimal rate, BigDecimal lpr, BigDecimal interest) {
    }

    /** The result: total days, the interest (the sum of the periods, in cents), the periods, the day basis used. */
    public record Result(BigDecimal principal, InterestBasis basis, int dayBasis, long days, BigDecimal interest, List<Period> periods) {
    }

    /** The largest principal taken (a sanity bound). */
    public static final BigDecimal MAX_PRINCIPAL = CourtFees.MAX_CLAIM;
    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final LprRates lpr;
    private final InterestProperties props;

    LateInterest(LprRates lpr, InterestProperties props) {
        this.lpr = lpr;
        this.props = props;
    }

    /** Computes the interest; errors name the parameter ({@code principal}, {@code from}, {@code to}, {@code rate}, {@code markup}, {@code dayBasis}). */
    public Result compute(Request r) {
        return compute(r, r.basis() == InterestBasis.LPR ? lpr.all() : List.of(), props.dayBasis());
    }

    /** The computation on a given LPR table (oldest first) and default day basis. */
    static Result compute(Request r, List<LprRate> table, int defaultDayBasis) {
        int basisDays = check(r, defaultDayBasis);
        List<Period> periods = new ArrayList<>();
        BigDecimal yearDays = BigDecimal.valueOf(basisDays);
        switch (r.basis()) {
            case DAILY_RATE -> periods.add(period(r.from(), r.to(), r.rate(), null, r.principal().multiply(r.rate())
                    .multiply(BigDecimal.valueOf(days(r.from(), r.to())))));
            case CONTRACT -> periods.add(period(r.from(), r.to(), r.rate(), null, r.principal().multiply(r.rate())
                    .multiply(BigDecimal.valueOf(days(r.from(), r.to()))).divide(yearDays, EXACT)));
            case LPR -> {
                BigDecimal factor = BigDecimal.ONE.add(r.markup() == null ? BigDecimal.ZERO : r.markup());
                LocalDate day = r.from();
                while (!day.isAfter(r.to())) {
                    int i = inForce(table, day);
                    if (i < 0) {
                        String starts = table.isEmpty() ? "nowhere" : table.getFirst().effectiveFrom().toString();
                        throw ValidationException.coded("from", day, "legal.noLpr", "no LPR is known for " + day + " (the table starts "
                                + starts + "); an administrator adds rates on /admin/lpr", day.toString(), starts);
                    }
                    LocalDate end = i + 1 < table.size() && !table.get(i + 1).effectiveFrom().isAfter(r.to())
                            ? table.get(i + 1).effectiveFrom().minusDays(1) : r.to();
                    BigDecimal lprPercent = table.get(i).rate();
                    BigDecimal annual = lprPercent.multiply(factor).divide(HUNDRED, EXACT).stripTrailingZeros();
                    BigDecimal exact = r.principal().multiply(annual).multiply(BigDecimal.valueOf(days(day, end))).divide(yearDays, EXACT);
                    periods.add(period(day, end, annual, lprPercent, exact));
                    day = end.plusDays(1);
                }
            }
        }
        BigDecimal total = periods.stream().map(Period::interest).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Result(r.principal(), r.basis(), basisDays, days(r.from(), r.to()), total, List.copyOf(periods));
    }

    private static Period period(LocalDate from, LocalDate to, BigDecimal rate, BigDecimal lpr, BigDecimal exact) {
        return new Period(from, to, days(from, to), rate, lpr, exact.setScale(2, RoundingMode.HALF_UP));
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The index of the row in force on {@code day} (the latest effective on or before it), -1 when none is. */
    private static int inForce(List<LprRate> table, LocalDate day) {
        int found = -1;
        for (int i = 0; i < table.size() && !table.get(i).effectiveFrom().isAfter(day); i++) {
            found = i;
        }
        return found;
    }

    private static int check(Request r, int defaultDayBasis) {
        List<FieldError> errors = new ArrayList<>();
        if (r.principal() == null) {
            errors.add(FieldError.coded("principal", null, "required", "is required: the overdue amount, e.g. 100000.00"));
        } else if (r.principal().signum() <= 0) {
            errors.add(FieldError.coded("principal", r.principal().toPlainString(), "amount.positive", "must be greater than 0"));
        } else if (r.principal().stripTrailingZeros().scale() > 2) {
            errors.add(FieldError.coded("principal", r.principal().toPlainString(), "amount.decimals", "has at most 2 decimals (cents)"));
        } else if (r.principal().compareTo(MAX_PRINCIPAL) > 0) {
            errors.add(FieldError.coded("principal", r.principal().toPlainString(), "legal.atMost", "is at most " + MAX_PRINCIPAL.toPlainString(),
                    MAX_PRINCIPAL.toPlainString()));
        }
        if (r.from() == null) {
            errors.add(FieldError.coded("from", null, "required", "is required: the first day late (yyyy-MM-dd)"));
        }
        if (r.to() == null) {
            errors.add(FieldError.coded("to", null, "required", "is required: the last day counted (yyyy-MM-dd)"));
        }
        if (r.from() != null && r.to() != null && r.to().isBefore(r.from())) {
            errors.add(FieldError.coded("to", r.to(), "legal.toBeforeFrom", "is before from (" + r.from() + "); both days are counted", r.from().toString()));
        }
        if (r.basis() == null) {
            errors.add(FieldError.coded("basis", null, "required", "is required: CONTRACT, DAILY_RATE or LPR"));
        } else if (r.basis() == InterestBasis.LPR) {
            if (r.rate() != null) {
                errors.add(FieldError.coded("rate", r.rate().toPlainString(), "legal.rateNotForLpr", "does not apply to basis LPR (the table gives the rate; use markup)"));
            }
            if (r.markup() != null && (r.markup().compareTo(BigDecimal.valueOf(-1)) <= 0 || r.markup().compareTo(BigDecimal.TEN) > 0)) {
                errors.add(FieldError.coded("markup", r.markup().toPlainString(), "legal.markupRange", "is a fraction above -1 and at most 10 (0.5 = LPR plus 50%)"));
            }
        } else {
            if (r.markup() != null) {
                errors.add(FieldError.coded("markup", r.markup().toPlainString(), "legal.markupLprOnly", "applies to basis LPR only"));
            }
            if (r.rate() == null) {
                errors.add(r.basis() == InterestBasis.DAILY_RATE
                        ? FieldError.coded("rate", null, "legal.dailyRateRequired", "is required for basis DAILY_RATE: the rate per day, e.g. 0.0005")
                        : FieldError.coded("rate", null, "legal.annualRateRequired", "is required for basis CONTRACT: the annual rate, e.g. 0.06"));
            } else if (r.rate().signum() <= 0 || r.rate().compareTo(BigDecimal.ONE) >= 0) {
                errors.add(FieldError.coded("rate", r.rate().toPlainString(), "legal.rateFraction", "is a fraction above 0 and below 1 (0.06 = 6%)"));
            }
        }
        if (r.dayBasis() != null && r.dayBasis() != 360 && r.dayBasis() != 365) {
            errors.add(FieldError.coded("dayBasis", r.dayBasis(), "legal.dayBasis", "is 360 or 365"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return r.dayBasis() == null ? defaultDayBasis : r.dayBasis();
    }
}
