package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huikuan.common.ValidationException;
import io.huikuan.legal.LprRates.LprRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Late-payment interest on worked examples: each basis, a range across LPR changes, a leap year, the markup, the errors. */
class LateInterestTests {

    private static final List<LprRate> TABLE = List.of(
            rate("2015-10-24", "4.35"), rate("2019-08-20", "4.25"), rate("2023-06-20", "3.55"), rate("2023-08-21", "3.45"),
            rate("2024-07-22", "3.35"), rate("2024-10-21", "3.10"), rate("2025-05-20", "3.00"));

    private static LprRate rate(String from, String percent) {
        return new LprRate(LocalDate.parse(from), new BigDecimal(percent), "LPR", "test", "test");
    }

    private static LateInterest.Result compute(String principal, String from, String to, InterestBasis basis, String rate, String markup,
            Integer dayBasis) {
        return LateInterest.compute(new LateInterest.Request(new BigDecimal(principal), LocalDate.parse(from), LocalDate.parse(to), basis,
                rate == null ? null : new BigDecimal(rate), markup == null ? null : new BigDecimal(markup), dayBasis), TABLE, 365);
    }

    @Test
    void aDailyRateCountsBothEndDays() {
        // 100,000 × 0.0005 × 31 days (1 to 31 March, both counted)
        LateInterest.Result r = compute("100000.00", "2026-03-01", "2026-03-31", InterestBasis.DAILY_RATE, "0.0005", null, null);
        assertThat(r.days()).isEqualTo(31);
        assertThat(r.interest()).isEqualByComparingTo("1550.00");
        assertThat(r.periods()).singleElement().satisfies(p -> assertThat(p.days()).isEqualTo(31));
        // a single day late
        assertThat(compute("1000", "2026-03-01", "2026-03-01", InterestBasis.DAILY_RATE, "0.0005", null, null).interest())
                .isEqualByComparingTo("0.50");
    }

    @Test
    void aContractRateIsDividedByTheDayBasisAndRoundedHalfUpOnce() {
        // 100,000 × 6% × 30 / 365 = 493.150684… → 493.15; on 360 days: 500.00
        assertThat(compute("100000", "2026-04-01", "2026-04-30", InterestBasis.CONTRACT, "0.06", null, null).interest())
                .isEqualByComparingTo("493.15");
        LateInterest.Result r360 = compute("100000", "2026-04-01", "2026-04-30", InterestBasis.CONTRACT, "0.06", null, 360);
        assertThat(r360.interest()).isEqualByComparingTo("500.00");
        assertThat(r360.dayBasis()).isEqualTo(360);
    }

    @Test
    void aLeapYearOnBasis365Earns366Days() {
        // all of 2024 (366 days) at 3.65% a year on 365 days: 100,000 × 0.0365 × 366 / 365 = 3,660.00
        LateInterest.Result r = compute("100000", "2024-01-01", "2024-12-31", InterestBasis.CONTRACT, "0.0365", null, null);
        assertThat(r.days()).isEqualTo(366);
        assertThat(r.interest()).isEqualByComparingTo("3660.00");
    }

    @Test
    void theLprSplitsWhereItChangesAndEachPeriodIsRoundedBeforeSumming() {
        // 2024-07-01..2024-10-31 crosses the LPR changes of 2024-07-22 (3.35) and 2024-10-21 (3.10)
        LateInterest.Result r = compute("1000000.00", "2024-07-01", "2024-10-31", InterestBasis.LPR, null, null, null);
        assertThat(r.days()).isEqualTo(123);
        assertThat(r.periods()).extracting(p -> p.from() + ".." + p.to() + " " + p.days() + "d " + p.lpr().toPlainString())
                .containsExactly("2024-07-01..2024-07-21 21d 3.45", "2024-07-22..2024-10-20 91d 3.35", "2024-10-21..2024-10-31 11d 3.10");
        // 1,000,000 × 3.45% × 21/365 = 1,984.931…; × 3.35% × 91/365 = 8,352.054…; × 3.10% × 11/365 = 934.246…
        assertThat(r.periods()).extracting(p -> p.interest().toPlainString()).containsExactly("1984.93", "8352.05", "934.25");
        assertThat(r.interest()).isEqualByComparingTo("11271.23");
        assertThat(r.periods().stream().mapToLong(LateInterest.Period::days).sum()).isEqualTo(r.days());
    }

    @Test
    void aMarkupRaisesTheLprAndThePeriodShowsTheRateApplied() {
        // LPR 3.00% + 50% = 4.5% a year: 200,000 × 0.045 × 100 / 365 = 2,465.753… → 2,465.75
        LateInterest.Result r = compute("200000", "2025-06-01", "2025-09-08", InterestBasis.LPR, null, "0.5", null);
        assertThat(r.days()).isEqualTo(100);
        assertThat(r.periods()).singleElement().satisfies(p -> {
            assertThat(p.lpr()).isEqualByComparingTo("3.00");
            assertThat(p.rate()).isEqualByComparingTo("0.045");
        });
        assertThat(r.interest()).isEqualByComparingTo("2465.75");
    }

    @Test
    void beforeTheLprReformTheBenchmarkRateApplies() {
        LateInterest.Result r = compute("100000", "2019-08-01", "2019-08-31", InterestBasis.LPR, null, null, null);
        assertThat(r.periods()).extracting(p -> p.lpr().toPlainString()).containsExactly("4.35", "4.25");
        assertThat(r.periods().getFirst().to()).isEqualTo(LocalDate.of(2019, 8, 19));
    }

    @Test
    void errorsNameTheParameter() {
        assertThatThrownBy(() -> compute("100", "2026-03-10", "2026-03-09", InterestBasis.DAILY_RATE, "0.0005", null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("to: is before from");
        assertThatThrownBy(() -> compute("100", "2026-03-01", "2026-03-09", InterestBasis.DAILY_RATE, null, null, null))
                .hasMessageContaining("rate: is required for basis DAILY_RATE");
        assertThatThrownBy(() -> compute("100", "2026-03-01", "2026-03-09", InterestBasis.CONTRACT, null, null, null))
                .hasMessageContaining("rate: is required for basis CONTRACT");
        assertThatThrownBy(() -> compute("100", "2015-10-01", "2015-12-31", InterestBasis.LPR, null, null, null))
                .hasMessageContaining("from: no LPR is known for 2015-10-01");
        assertThatThrownBy(() -> compute("100", "2026-03-01", "2026-03-09", InterestBasis.CONTRACT, "0.06", null, 366))
                .hasMessageContaining("dayBasis");
        assertThatThrownBy(() -> compute("-5", "2026-03-01", "2026-03-09", InterestBasis.CONTRACT, "0.06", null, null))
                .hasMessageContaining("principal");
        assertThatThrownBy(() -> compute("100", "2026-03-01", "2026-03-09", InterestBasis.CONTRACT, "0.06", "0.5", null))
                .hasMessageContaining("markup: applies to basis LPR only");
    }
}
