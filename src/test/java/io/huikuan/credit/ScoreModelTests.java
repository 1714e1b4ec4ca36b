package io.huikuan.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each component of the score and the reasons it gives, on hand-made figures. */
class ScoreModelTests {

    static final LocalDate D = LocalDate.parse("2025-06-30");
    static final BigDecimal Z = BigDecimal.ZERO;

    /** A customer known for two years, 10 invoices of 1,000 settled in the last 12 months, none in the last 3, all on time, nothing open. */
    static CreditFigures clean() {
        return new CreditFigures(10, 0, 10, 0, new BigDecimal("10000"), Z, Z, new BigDecimal("10000"), Z, Z, Z, Z, Z, null,
                D.minusYears(2), 0, 0, 0, null);
    }

    static ScoreModel.Result score(CreditFigures f) {
        return ScoreModel.score(f, D);
    }

    static List<String> codes(ScoreModel.Result r) {
        return r.reasons().stream().map(ScoreReason::code).toList();
    }

    @Test
    void aPunctualLongStandingCustomerScoresFullMarksWithTheReasonSaid() {
        ScoreModel.Result r = score(clean());
        assertThat(r.score()).isEqualTo(100);
        assertThat(r.grade()).isEqualTo(Grade.A);
        assertThat(codes(r)).containsExactly("onTime");
        assertThat(r.reasons().getFirst().args()).containsExactly(10L);
    }

    @Test
    void aCustomerWithoutHistoryGetsTheNeutralScore() {
        ScoreModel.Result r = score(CreditFigures.none());
        assertThat(r.score()).isEqualTo(ScoreModel.NEUTRAL).isEqualTo(60);
        assertThat(r.grade()).isEqualTo(Grade.C);
        assertThat(codes(r)).containsExactly("noHistory");
    }

    @Test
    void latenessCostsByShareAndAmountWeightedDaysAndSaysBoth() {
        // 4 of 10 late (none in the last 3 months), 30 days late on 4,000 of 10,000: amount-weighted 12 days over all
        CreditFigures f = new CreditFigures(10, 4, 10, 4, new BigDecimal("10000"), new BigDecimal("4000"), new BigDecimal("120000"),
                new BigDecimal("10000"), new BigDecimal("120000"), Z, Z, Z, Z, null, D.minusYears(2), 0, 0, 0, null);
        ScoreModel.Result r = score(f);
        // 15 × 0.4 + 15 × 12/60 = 6 + 3 = 9
        assertThat(r.score()).isEqualTo(91);
        assertThat(codes(r)).containsExactly("late");
        assertThat(r.reasons().getFirst().args()).containsExactly(40, 30);
    }

    @Test
    void recentLatenessWeighsDoubleAndAWorseningTrendCostsMore() {
        // 2 of 10 late, both in the last 3 months: weighted 4 of 12; 2,000 recent at 45 days late
        CreditFigures f = new CreditFigures(10, 2, 12, 4, new BigDecimal("10000"), new BigDecimal("2000"), new BigDecimal("90000"),
                new BigDecimal("12000"), new BigDecimal("180000"), new BigDecimal("2000"), new BigDecimal("90000"), Z, Z, null, D.minusYears(2),
                0, 0, 0, null);
        ScoreModel.Result r = score(f);
        assertThat(codes(r)).containsExactly("trend", "late");
        // trend: recent 45 days vs 9 over the year: 36 worse → the full 10; lateness 15 × 4/12 + 15 × 15/60 = 5 + 3.75
        assertThat(r.reasons().getFirst().args()).containsExactly(45, 36);
        assertThat(r.score()).isEqualTo(81);
    }

    @Test
    void brokenAndPartlyKeptPromisesCostFiveAndTwoAndAHalfUpToFifteen() {
        CreditFigures two = withPromises(2, 1);
        assertThat(score(two).score()).isEqualTo(88); // 100 − 12.5, rounded half up
        assertThat(codes(score(two))).containsExactly("promises");
        assertThat(score(two).reasons().getFirst().args()).containsExactly(2L, 1L);
        assertThat(score(withPromises(6, 0)).score()).isEqualTo(85);
    }

    static CreditFigures withPromises(long broken, long partly) {
        CreditFigures c = clean();
        return new CreditFigures(c.settled(), c.settledLate(), c.weightedCount(), c.weightedLate(), c.amount(), c.lateAmount(), c.amountDays(),
                c.weightedAmount(), c.weightedAmountDays(), c.recentAmount(), c.recentAmountDays(), c.open(), c.overdue(), c.oldestDue(),
                c.firstIssue(), broken, partly, c.disputes(), c.limit());
    }

    @Test
    void disputesCostAQuarterOfFivePointsEachUpToFive() {
        CreditFigures c = clean();
        CreditFigures f = new CreditFigures(10, 0, 10, 0, c.amount(), Z, Z, c.weightedAmount(), Z, Z, Z, Z, Z, null, c.firstIssue(), 0, 0, 2, null);
        assertThat(score(f).score()).isEqualTo(98); // 2.5 rounded half up: 97.5 → 98
        assertThat(codes(score(f))).containsExactly("disputes");
    }

    @Test
    void utilisationCostsNothingUpTo80PercentThenUpToTenAt120() {
        assertThat(score(open("1000000", "800000", Z, null)).score()).isEqualTo(100);
        ScoreModel.Result full = score(open("1000000", "1000000", Z, null));
        assertThat(full.score()).isEqualTo(95);
        assertThat(full.reasons().getFirst().args()).containsExactly(100);
        assertThat(score(open("1000000", "2000000", Z, null)).score()).isEqualTo(90);
        assertThat(score(open(null, "2000000", Z, null)).score()).as("no limit").isEqualTo(100);
    }

    @Test
    void currentOverdueCostsByShareAndByTheAgeOfTheOldest() {
        // half of 10,000 open is overdue, the oldest for 60 days: 12 × 0.5 + 13 × 0.5 = 12.5
        ScoreModel.Result r = score(open(null, "10000", new BigDecimal("5000"), D.minusDays(60)));
        assertThat(r.score()).isEqualTo(88);
        assertThat(codes(r)).containsExactly("overdue");
        assertThat(r.reasons().getFirst().args()).containsExactly(50, 60L);
        assertThat(score(open(null, "10000", new BigDecimal("10000"), D.minusDays(400))).score()).isEqualTo(75);
    }

    static CreditFigures open(String limit, String open, BigDecimal overdue, LocalDate oldest) {
        CreditFigures c = clean();
        return new CreditFigures(10, 0, 10, 0, c.amount(), Z, Z, c.weightedAmount(), Z, Z, Z, new BigDecimal(open), overdue, oldest, c.firstIssue(),
                0, 0, 0, limit == null ? null : new BigDecimal(limit));
    }

    @Test
    void aNewRelationshipCostsUpToFivePointsInItsFirstYear() {
        CreditFigures f = new CreditFigures(0, 0, 0, 0, Z, Z, Z, Z, Z, Z, Z, Z, Z, null, D.minusDays(73), 0, 0, 0, null);
        ScoreModel.Result r = score(f);
        assertThat(r.score()).isEqualTo(96); // 5 × (1 − 73/365) = 4
        assertThat(codes(r)).containsExactly("age");
        assertThat(r.reasons().getFirst().args()).containsExactly(2L);
    }

    @Test
    void reasonsComeMostCostlyFirstAndTheScoreNeverGoesBelowZero() {
        CreditFigures f = new CreditFigures(10, 10, 20, 20, new BigDecimal("10000"), new BigDecimal("10000"), new BigDecimal("900000"),
                new BigDecimal("20000"), new BigDecimal("1800000"), new BigDecimal("10000"), new BigDecimal("900000"), new BigDecimal("30000"),
                new BigDecimal("30000"), D.minusDays(200), D.minusYears(3), 4, 0, 5, new BigDecimal("10000"));
        ScoreModel.Result r = score(f);
        assertThat(r.score()).isEqualTo(15); // 100 − 85: lateness 30, overdue 25, promises 15, utilisation 10, disputes 5; trend 0 (recent = year)
        assertThat(r.grade()).isEqualTo(Grade.E);
        assertThat(codes(r)).containsExactly("late", "overdue", "promises", "utilisation", "disputes");
        assertThat(r.reasons()).extracting(ScoreReason::points).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void gradeBands() {
        assertThat(List.of(100, 85, 84, 70, 69, 55, 54, 40, 39, 0).stream().map(Grade::of).toList())
                .containsExactly(Grade.A, Grade.A, Grade.B, Grade.B, Grade.C, Grade.C, Grade.D, Grade.D, Grade.E, Grade.E);
    }
}
