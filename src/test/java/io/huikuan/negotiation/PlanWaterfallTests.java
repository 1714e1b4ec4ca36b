package io.huikuan.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The waterfall: payments fill installments in due-date order; MISSED after the grace days; BROKEN or COMPLETED from the day it happened. */
class PlanWaterfallTests {

    static final List<PlanWaterfall.Scheduled> SCHEDULE = List.of(
            new PlanWaterfall.Scheduled(LocalDate.parse("2025-06-10"), new BigDecimal("1000.00")),
            new PlanWaterfall.Scheduled(LocalDate.parse("2025-07-10"), new BigDecimal("3000.00")),
            new PlanWaterfall.Scheduled(LocalDate.parse("2025-08-10"), new BigDecimal("3000.00")));

    static TreeMap<LocalDate, BigDecimal> payments(String... dateAmount) {
        TreeMap<LocalDate, BigDecimal> m = new TreeMap<>();
        for (int i = 0; i < dateAmount.length; i += 2) {
            m.merge(LocalDate.parse(dateAmount[i]), new BigDecimal(dateAmount[i + 1]), BigDecimal::add);
        }
        return m;
    }

    static List<String> statuses(PlanWaterfall.Result r) {
        return r.installments().stream().map(f -> f.status() + " " + f.paid().toPlainString()).toList();
    }

    @Test
    void paymentsFillTheInstallmentsInDueDateOrder() {
        var r = PlanWaterfall.fill(SCHEDULE, payments("2025-06-10", "1000.00", "2025-07-01", "2500.00"), LocalDate.parse("2025-07-05"), 3);
        assertThat(statuses(r)).containsExactly("PAID 1000.00", "PARTLY_PAID 2500.00", "DUE 0.00");
        assertThat(r.paid()).isEqualByComparingTo("3500.00");
        assertThat(r.status()).isEqualTo(PaymentPlanStatus.ACTIVE);
    }

    @Test
    void aPaymentDatedAfterTheDayDoesNotChangeTheAnswerForIt() {
        var all = payments("2025-06-10", "1000.00", "2025-07-20", "3000.00");
        var before = PlanWaterfall.fill(SCHEDULE, all, LocalDate.parse("2025-07-19"), 3);
        var without = PlanWaterfall.fill(SCHEDULE, payments("2025-06-10", "1000.00"), LocalDate.parse("2025-07-19"), 3);
        assertThat(statuses(before)).isEqualTo(statuses(without)).containsExactly("PAID 1000.00", "MISSED 0.00", "DUE 0.00");
    }

    @Test
    void anInstallmentIsMissedOnlyAfterTheGraceDaysAndThePlanBreaksThatDay() {
        var partly = payments("2025-06-10", "1000.00", "2025-07-10", "2999.99");
        var lastGraceDay = PlanWaterfall.fill(SCHEDULE, partly, LocalDate.parse("2025-07-13"), 3);
        assertThat(lastGraceDay.status()).isEqualTo(PaymentPlanStatus.ACTIVE);
        assertThat(statuses(lastGraceDay)).containsExactly("PAID 1000.00", "PARTLY_PAID 2999.99", "DUE 0.00");
        var next = PlanWaterfall.fill(SCHEDULE, partly, LocalDate.parse("2025-07-14"), 3);
        assertThat(next.status()).isEqualTo(PaymentPlanStatus.BROKEN);
        assertThat(next.brokenOn()).isEqualTo("2025-07-14");
        assertThat(statuses(next)).containsExactly("PAID 1000.00", "MISSED 2999.99", "DUE 0.00");

        var paidInGrace = payments("2025-06-10", "1000.00", "2025-07-13", "3000.00");
        assertThat(PlanWaterfall.fill(SCHEDULE, paidInGrace, LocalDate.parse("2025-07-20"), 3).status()).isEqualTo(PaymentPlanStatus.ACTIVE);
        assertThat(PlanWaterfall.fill(SCHEDULE, paidInGrace, LocalDate.parse("2025-07-20"), 0).status()).as("no grace").isEqualTo(PaymentPlanStatus.BROKEN);
    }

    @Test
    void aPlanPaidInFullCompletesFromTheDayOfTheCompletingPaymentButABrokenPlanStaysBroken() {
        var early = payments("2025-06-10", "1000.00", "2025-07-01", "6000.00");
        assertThat(PlanWaterfall.fill(SCHEDULE, early, LocalDate.parse("2025-06-30"), 3).status()).isEqualTo(PaymentPlanStatus.ACTIVE);
        var done = PlanWaterfall.fill(SCHEDULE, early, LocalDate.parse("2025-07-01"), 3);
        assertThat(done.status()).isEqualTo(PaymentPlanStatus.COMPLETED);
        assertThat(done.completedOn()).isEqualTo("2025-07-01");
        assertThat(statuses(done)).containsExactly("PAID 1000.00", "PAID 3000.00", "PAID 3000.00");

        var late = payments("2025-06-10", "1000.00", "2025-07-30", "6000.00");
        var r = PlanWaterfall.fill(SCHEDULE, late, LocalDate.parse("2025-08-01"), 3);
        assertThat(r.status()).isEqualTo(PaymentPlanStatus.BROKEN);
        assertThat(r.brokenOn()).isEqualTo("2025-07-14");
        assertThat(statuses(r)).containsExactly("PAID 1000.00", "MISSED 3000.00", "PAID 3000.00");
    }

    @Test
    void theFirstInstallmentMissedAlsoBreaksIt() {
        var r = PlanWaterfall.fill(SCHEDULE, payments(), LocalDate.parse("2025-06-14"), 3);
        assertThat(r.status()).isEqualTo(PaymentPlanStatus.BROKEN);
        assertThat(r.brokenOn()).isEqualTo("2025-06-14");
        assertThat(PlanWaterfall.fill(SCHEDULE, payments(), LocalDate.parse("2025-06-13"), 3).status()).isEqualTo(PaymentPlanStatus.ACTIVE);
    }
}
