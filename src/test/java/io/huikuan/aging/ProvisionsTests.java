package io.huikuan.aging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The band and roll-rate arithmetic of the provisions, with figures computed by hand. */
class ProvisionsTests {

    @Test
    void agingMethodRoundsEachBandHalfUpToCents() {
        Provisions.AgingMethod m = Provisions.agingMethod(ProvisionBand.DEFAULTS,
                amounts("10.10", "123.45", "0", "0", "0", "1000"), ProvisionBand.DEFAULT_RATES);
        // 10.10 × 0.05 = 0.505 → 0.51; 123.45 × 0.10 = 12.345 → 12.35; 1000 × 1 = 1000.00
        assertThat(m.bands()).extracting(Provisions.Band::provision)
                .containsExactlyElementsOf(amounts("0.51", "12.35", "0.00", "0.00", "0.00", "1000.00"));
        assertThat(m.bands()).extracting(Provisions.Band::balance)
                .containsExactlyElementsOf(amounts("10.10", "123.45", "0.00", "0.00", "0.00", "1000.00"));
        assertThat(m.balance()).isEqualTo(new BigDecimal("1133.55"));
        assertThat(m.total()).isEqualTo(new BigDecimal("1012.86"));
        assertThat(m.bands().get(5).toYears()).isNull();
        assertThat(m.bands().get(5).fromYears()).isEqualTo(5);
    }

    @Test
    void customRatesApplyPerBand() {
        Provisions.AgingMethod m = Provisions.agingMethod(ProvisionBand.DEFAULTS,
                amounts("600", "2300", "0", "0", "0", "500"), amounts("0.01", "0.1", "0.3", "0.5", "0.8", "0.9"));
        assertThat(m.bands()).extracting(Provisions.Band::provision)
                .containsExactlyElementsOf(amounts("6.00", "230.00", "0.00", "0.00", "0.00", "450.00"));
        assertThat(m.total()).isEqualTo(new BigDecimal("686.00"));
    }

    @Test
    void bandsGoByWholeCalendarYearsOfInvoiceAgeAndCoverEveryDayOnce() {
        LocalDate d = LocalDate.of(2026, 6, 30);
        assertThat(band(LocalDate.of(2026, 6, 30), d)).isZero();
        assertThat(band(LocalDate.of(2025, 7, 1), d)).isZero();
        assertThat(band(LocalDate.of(2025, 6, 30), d)).isEqualTo(1);   // exactly one year old
        assertThat(band(LocalDate.of(2024, 7, 1), d)).isEqualTo(1);
        assertThat(band(LocalDate.of(2024, 6, 30), d)).isEqualTo(2);
        assertThat(band(LocalDate.of(2021, 7, 1), d)).isEqualTo(4);
        assertThat(band(LocalDate.of(2021, 6, 30), d)).isEqualTo(5);   // exactly five years old
        assertThat(band(LocalDate.of(2000, 1, 1), d)).isEqualTo(5);
        for (LocalDate issue = d.minusYears(7); !issue.isAfter(d); issue = issue.plusDays(1)) {
            LocalDate i = issue;
            assertThat(ProvisionBand.DEFAULTS.stream().filter(b -> b.holds(i, d)).count()).as("%s", i).isEqualTo(1);
        }
        // a leap day: one year before 2028-02-29 is 2027-02-28
        LocalDate leap = LocalDate.of(2028, 2, 29);
        assertThat(band(LocalDate.of(2027, 3, 1), leap)).isZero();
        assertThat(band(LocalDate.of(2027, 2, 28), leap)).isEqualTo(1);
    }

    @Test
    void monthEndsAreTheTwelveBeforeTheAsOfMonth() {
        List<LocalDate> ends = Provisions.monthEndsBefore(LocalDate.of(2026, 6, 30), 12);
        assertThat(ends).hasSize(12);
        assertThat(ends.get(0)).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(ends.get(8)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(ends.get(11)).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(Provisions.monthEndsBefore(LocalDate.of(2026, 3, 15), 12))
                .startsWith(LocalDate.of(2025, 3, 31)).endsWith(LocalDate.of(2026, 2, 28));
    }

    /**
     * The month ends of the portfolio in ProvisionBehaviour (not due, 1–30, 31–60, 61–90, 91–180,
     * 181–365, over 365). Roll rates by hand, each month's ratio capped at 1:
     * not due: 300→0, 300→300, 1000→0, 1000→1000: (0 + 1 + 0 + 1) / 4 = 0.5;
     * 1–30: 300→300, 1000→600: (1 + 0.6) / 2 = 0.8; 31–60 and 61–90: always 1;
     * 91–180: 2000→2000 (1), 300→2000 (6.67, capped 1), 300→0 (0), 300→300 (1): 3 / 4 = 0.75;
     * 181–365: five months 2000→500 (0.25), then 2000→2500, 300→2500 three times (capped 1): 5.25 / 9 = 0.583333.
     */
    static final List<List<BigDecimal>> MONTH_ENDS = List.of(
            amounts("300", "0", "0", "0", "2000", "0", "500"),      // 2025-06-30
            amounts("300", "0", "0", "0", "0", "2000", "500"),      // 2025-07-31
            amounts("0", "300", "0", "0", "0", "2000", "500"),      // 2025-08-31
            amounts("0", "0", "300", "0", "0", "2000", "500"),      // 2025-09-30
            amounts("0", "0", "0", "300", "0", "2000", "500"),      // 2025-10-31
            amounts("0", "0", "0", "0", "300", "2000", "500"),      // 2025-11-30
            amounts("1000", "0", "0", "0", "300", "2000", "500"),   // 2025-12-31
            amounts("1000", "0", "0", "0", "300", "0", "2500"),     // 2026-01-31
            amounts("0", "1000", "0", "0", "0", "300", "2500"),     // 2026-02-28
            amounts("0", "0", "600", "0", "0", "300", "2500"),      // 2026-03-31
            amounts("0", "0", "0", "600", "0", "300", "2500"),      // 2026-04-30
            amounts("0", "0", "0", "0", "600", "300", "2500"));     // 2026-05-31

    @Test
    void rollRatesAverageTheMonthsWithABaseEachCappedAtOne() {
        assertThat(Provisions.rollRates(MONTH_ENDS, 7))
                .containsExactlyElementsOf(amounts("0.500000", "0.800000", "1.000000", "1.000000", "0.750000", "0.583333"));
    }

    @Test
    void lossRatesAreProductsOfTheRollRatesToTheLastBucket() {
        // 181–365: 0.583333; 91–180: 0.75 × 0.583333 = 0.43749975 → 0.437500; 61–90 and 31–60 the same;
        // 1–30: 0.8 × 0.43749975 = 0.3499998 → 0.350000; not due: 0.5 × 0.3499998 = 0.1749999 → 0.175000
        assertThat(Provisions.lossRates(amounts("0.500000", "0.800000", "1.000000", "1.000000", "0.750000", "0.583333")))
                .containsExactlyElementsOf(amounts("0.175000", "0.350000", "0.437500", "0.437500", "0.437500", "0.583333", "1.000000"));
    }

    @Test
    void provisionMatrixAppliesTheLossRatesToTheBalancesAtTheDate() {
        Provisions.ExpectedCreditLoss ecl = Provisions.expectedCreditLoss(AgingBucket.DEFAULTS, MONTH_ENDS,
                amounts("0", "0", "0", "0", "600", "300", "2500"));
        assertThat(ecl.months()).isEqualTo(12);
        // 600 × 0.4375 = 262.50; 300 × 0.583333 = 174.9999 → 175.00; 2500 × 1 = 2500.00
        assertThat(ecl.buckets()).extracting(Provisions.Bucket::provision)
                .containsExactlyElementsOf(amounts("0.00", "0.00", "0.00", "0.00", "262.50", "175.00", "2500.00"));
        assertThat(ecl.total()).isEqualTo(new BigDecimal("2937.50"));
        assertThat(ecl.balance()).isEqualTo(new BigDecimal("3400.00"));
        assertThat(ecl.buckets().get(6).rollRate()).isNull();
        assertThat(ecl.buckets().get(6).lossRate()).isEqualTo(new BigDecimal("1.000000"));
        assertThat(ecl.buckets()).extracting(Provisions.Bucket::label).containsExactly(
                "not due", "1-30", "31-60", "61-90", "91-180", "181-365", "over 365");
    }

    @Test
    void aBucketNeverHoldingAnythingHasNoRollRateAndStopsTheChain() {
        List<List<BigDecimal>> months = List.of(
                amounts("100", "0", "0"),
                amounts("50", "0", "0"),
                amounts("0", "0", "40"));
        List<BigDecimal> rolls = Provisions.rollRates(months, 3);
        // not due → 1-30: 0/100, 0/50 = 0; the second bucket never had a base: unknown
        assertThat(rolls.get(0)).isEqualTo(new BigDecimal("0.000000"));
        assertThat(rolls.get(1)).isNull();
        assertThat(Provisions.lossRates(rolls)).containsExactlyElementsOf(amounts("0.000000", "0.000000", "1.000000"));
        // one month, ratio 3 → capped at 1; another month 0.5: (1 + 0.5) / 2 = 0.75
        List<BigDecimal> capped = Provisions.rollRates(List.of(amounts("10", "0"), amounts("20", "30"), amounts("0", "10")), 2);
        assertThat(capped).containsExactly(new BigDecimal("0.750000"));
        // 1/3 with 6 decimals, and no months at all
        assertThat(Provisions.rollRates(List.of(amounts("3", "0"), amounts("0", "1")), 2)).containsExactly(new BigDecimal("0.333333"));
        assertThat(Provisions.rollRates(List.of(), 2)).containsExactly((BigDecimal) null);
    }

    private static int band(LocalDate issue, LocalDate asOf) {
        for (int b = 0; b < ProvisionBand.DEFAULTS.size(); b++) {
            if (ProvisionBand.DEFAULTS.get(b).holds(issue, asOf)) {
                return b;
            }
        }
        throw new AssertionError("no band for " + issue);
    }

    static List<BigDecimal> amounts(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
