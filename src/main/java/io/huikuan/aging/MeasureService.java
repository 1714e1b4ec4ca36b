package io.huikuan.aging;

import io.huikuan.aging.MeasureQueries.Receivables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The collection measures for a date or a run of months, from the portfolio's amounts. */
@Service
public class MeasureService {

    private final MeasureQueries queries;

    MeasureService(MeasureQueries queries) {
        this.queries = queries;
    }

    /** The measures at a date over N days of sales; measures without a denominator are {@code null}. */
    public record MeasureValues(LocalDate asOf, int days, BigDecimal ar, BigDecimal currentAr, BigDecimal overdueAr,
            BigDecimal sales, BigDecimal dso, BigDecimal bestPossibleDso, BigDecimal add, BigDecimal countbackDso,
            BigDecimal overdueRatio) {
    }

    /** The collection effectiveness index over the months {@code from..to} with the amounts behind it. */
    public record CeiValues(YearMonth from, YearMonth to, int months, BigDecimal arStart, BigDecimal sales,
            BigDecimal arEnd, BigDecimal currentArEnd, BigDecimal cei) {
    }

    @Transactional(readOnly = true)
    public MeasureValues at(LocalDate asOf, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be positive: " + days);
        }
        Receivables r = queries.receivables(asOf);
        BigDecimal sales = queries.sales(asOf.minusDays(days), asOf);
        return new MeasureValues(asOf, days, r.ar(), r.currentAr(), r.overdueAr(), sales,
                Measures.dso(r.ar(), sales, days),
                Measures.bestPossibleDso(r.currentAr(), sales, days),
                Measures.averageDaysDelinquent(r.ar(), r.currentAr(), sales, days),
                Measures.countbackDso(r.ar(), queries.monthlySales(asOf)),
                Measures.overdueRatio(r.overdueAr(), r.ar()));
    }

    /**
     * CEI over {@code from..to}: AR at start is AR on the day before {@code from}'s first day; sales are
     * those invoiced in the months; AR and current AR at end are at {@code to}'s last day.
     */
    @Transactional(readOnly = true)
    public CeiValues cei(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("from must not be after to: " + from + " > " + to);
        }
        int months = (int) ChronoUnit.MONTHS.between(from, to) + 1;
        LocalDate start = from.atDay(1).minusDays(1);
        LocalDate end = to.atEndOfMonth();
        Receivables atStart = queries.receivables(start);
        Receivables atEnd = queries.receivables(end);
        BigDecimal sales = queries.sales(start, end);
        return new CeiValues(from, to, months, atStart.ar(), sales, atEnd.ar(), atEnd.currentAr(),
                Measures.cei(atStart.ar(), sales, months, atEnd.ar(), atEnd.currentAr()));
    }
}
