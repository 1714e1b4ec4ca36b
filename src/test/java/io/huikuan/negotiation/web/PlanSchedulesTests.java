package io.huikuan.negotiation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The editor's schedule: the down payment on the agreement date, the rest shared monthly, the cents on the last installment. */
class PlanSchedulesTests {

    @Test
    void theRestIsSharedMonthlyWithTheCentsOnTheLastInstallment() {
        var rows = PlanSchedules.compute(new BigDecimal("1000.00"), new BigDecimal("100"), 3, LocalDate.parse("2025-06-10"),
                LocalDate.parse("2025-07-31"));
        assertThat(rows).extracting(r -> r.dueDate() + " " + r.amount().toPlainString())
                .containsExactly("2025-06-10 100.00", "2025-07-31 300.00", "2025-08-31 300.00", "2025-09-30 300.00");
        var odd = PlanSchedules.compute(new BigDecimal("1000.00"), null, 3, LocalDate.parse("2025-06-10"), null);
        assertThat(odd).extracting(r -> r.dueDate() + " " + r.amount().toPlainString())
                .as("no down payment; first date a month after the agreement").containsExactly("2025-07-10 333.33", "2025-08-10 333.33", "2025-09-10 333.34");
        assertThat(odd.stream().map(PlanSchedules.Row::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1000.00");
    }

    @Test
    void aDownPaymentOfEverythingLeavesNoInstallments() {
        assertThat(PlanSchedules.compute(new BigDecimal("500.00"), new BigDecimal("800"), 4, LocalDate.parse("2025-06-10"), null))
                .extracting(r -> r.amount().toPlainString()).containsExactly("500.00");
    }
}
