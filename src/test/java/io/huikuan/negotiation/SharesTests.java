package io.huikuan.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A concession spread over its invoices: exact cents that add up, in proportion, never above what an invoice has open. */
class SharesTests {

    static List<BigDecimal> money(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void aDiscountIsSpreadInProportionInCentsThatAddUp() {
        assertThat(Shares.proportional(new BigDecimal("100.00"), money("1", "1", "1"))).containsExactlyElementsOf(money("33.34", "33.33", "33.33"));
        assertThat(Shares.proportional(new BigDecimal("250.00"), money("3333.33", "6666.67"))).containsExactlyElementsOf(money("83.33", "166.67"));
        assertThat(Shares.proportional(new BigDecimal("0.05"), money("1", "1", "1", "1", "1", "1")).stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("0.05");
    }

    @Test
    void whatAnInvoiceCannotTakeGoesToTheOthers() {
        assertThat(Shares.capped(new BigDecimal("500.00"), money("300.00", "200.00"), money("0.00", "500.00")))
                .containsExactlyElementsOf(money("0.00", "500.00"));
        assertThat(Shares.capped(new BigDecimal("90.00"), money("1", "1", "1"), money("10.00", "50.00", "40.00")))
                .containsExactlyElementsOf(money("10.00", "40.00", "40.00"));
    }
}
