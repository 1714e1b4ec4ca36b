package io.huikuan.aging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huikuan.aging.Measures.MonthSales;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The measures exactly as issue 3 defines them, with its worked examples. */
class MeasuresTests {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static MonthSales month(String sales, int days) {
        return new MonthSales(d(sales), days);
    }

    @Test
    void countbackDsoWorkedExampleIs129Days() {
        // AR 2000; Jan 200, Dec 400, Nov 600, Oct 700, Sep 500 -> 31+31+30+31+6
        List<MonthSales> months = List.of(month("200", 31), month("400", 31), month("600", 30), month("700", 31),
                month("500", 30), month("900", 31));
        assertThat(Measures.countbackDso(d("2000"), months)).isEqualByComparingTo("129.0").hasScaleOf(1);
    }

    @Test
    void countbackDsoCountsAWholeMonthWhenTheRemainderEqualsItsSalesAndRoundsThePartOnce() {
        assertThat(Measures.countbackDso(d("600"), List.of(month("200", 31), month("400", 31)))).isEqualByComparingTo("62.0");
        // 100 of 300 in a 31-day month: 10.333.. -> 10.3
        assertThat(Measures.countbackDso(d("100"), List.of(month("300", 31)))).isEqualByComparingTo("10.3");
        // a month without sales is passed through with its days
        assertThat(Measures.countbackDso(d("150"), List.of(month("0", 30), month("300", 31)))).isEqualByComparingTo("45.5");
        assertThat(Measures.countbackDso(d("0"), List.of(month("300", 31)))).isEqualByComparingTo("0.0");
    }

    @Test
    void countbackDsoIsUndefinedWithoutSalesOrWhenTheMonthsDoNotCoverAr() {
        assertThat(Measures.countbackDso(d("100"), List.of(month("0", 31), month("0", 30)))).isNull();
        assertThat(Measures.countbackDso(d("100"), List.of())).isNull();
        assertThat(Measures.countbackDso(d("1000"), List.of(month("200", 31), month("300", 30)))).isNull();
    }

    @Test
    void ceiWorkedExampleIs55Point9Percent() {
        // start 6,200; sales 10,890 over 3 months; end 6,340; end current 3,590
        assertThat(Measures.cei(d("6200"), d("10890"), 3, d("6340"), d("3590"))).isEqualByComparingTo("55.9").hasScaleOf(1);
    }

    @Test
    void ceiIsUndefinedWhenNothingWasCollectibleAndRefusesZeroMonths() {
        assertThat(Measures.cei(d("0"), d("0"), 3, d("0"), d("0"))).isNull();
        assertThat(Measures.cei(d("100"), d("300"), 3, d("100"), d("200"))).isNull();
        assertThat(Measures.cei(d("100"), d("300"), 1, d("0"), d("0"))).isEqualByComparingTo("100.0");
        assertThatThrownBy(() -> Measures.cei(d("1"), d("1"), 0, d("1"), d("1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dsoBestPossibleAndAddAreExactFractionsRoundedHalfUpOnce() {
        // AR 1000, current 400, sales 3000 in 90 days
        assertThat(Measures.dso(d("1000"), d("3000"), 90)).isEqualByComparingTo("30.0");
        assertThat(Measures.bestPossibleDso(d("400"), d("3000"), 90)).isEqualByComparingTo("12.0");
        assertThat(Measures.averageDaysDelinquent(d("1000"), d("400"), d("3000"), 90)).isEqualByComparingTo("18.0");
        // 100 * 30 / 7 = 428.571.. -> 428.6; 0.25 * 1 / 1 -> 0.25 -> 0.3 (HALF_UP)
        assertThat(Measures.dso(d("100"), d("7"), 30)).isEqualByComparingTo("428.6");
        assertThat(Measures.dso(d("0.25"), d("1"), 1)).isEqualByComparingTo("0.3");
        // ADD from exact values: DSO 10.05 -> 10.1, BPDSO 5.04 -> 5.0, but ADD = 5.01 -> 5.0 (not 5.1)
        assertThat(Measures.dso(d("1005"), d("100"), 1)).isEqualByComparingTo("10.1");
        assertThat(Measures.bestPossibleDso(d("504"), d("100"), 1)).isEqualByComparingTo("5.0");
        assertThat(Measures.averageDaysDelinquent(d("1005"), d("504"), d("100"), 1)).isEqualByComparingTo("5.0");
    }

    @Test
    void zeroSalesOrZeroArGiveNullNeverADivisionByZero() {
        assertThat(Measures.dso(d("1000"), d("0"), 90)).isNull();
        assertThat(Measures.dso(d("1000"), d("0.00"), 90)).isNull();
        assertThat(Measures.bestPossibleDso(d("1000"), BigDecimal.ZERO, 90)).isNull();
        assertThat(Measures.averageDaysDelinquent(d("1000"), d("0"), BigDecimal.ZERO, 90)).isNull();
        assertThat(Measures.overdueRatio(d("0"), d("0.00"))).isNull();
        assertThat(Measures.overdueRatio(d("250"), d("1000"))).isEqualByComparingTo("25.0");
        assertThat(Measures.overdueRatio(d("1"), d("3"))).isEqualByComparingTo("33.3");
    }
}
