package io.huikuan.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.insight.Attribution.Paid;
import io.huikuan.insight.Attribution.Touch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The attribution rules on a small worked example: customer 1 was called on 1 June (action 1), e-mailed on 5 June
 * (action 2) and sent a letter on 20 June (action 3); customer 2 was never acted on.
 */
class AttributionTests {

    static final List<Touch> TOUCHES = List.of(new Touch(1, 1, d("2025-06-01"), 1), new Touch(2, 1, d("2025-06-05"), 2),
            new Touch(3, 1, d("2025-06-20"), 3));

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static BigDecimal m(String s) {
        return new BigDecimal(s);
    }

    @Test
    void lastTouchGivesThePaymentToTheLatestActionWithinTheWindowBeforeItsDay() {
        Map<Long, BigDecimal> owed = Attribution.lastTouch(TOUCHES, List.of(
                new Paid(1, d("2025-06-10"), m("1000.00")),   // call and e-mail within 14 days before: the e-mail
                new Paid(1, d("2025-06-05"), m("300.00")),    // the e-mail of that very day does not count: the call
                new Paid(1, d("2025-06-21"), m("100.01")),    // the letter the day before
                new Paid(1, d("2025-07-20"), m("50.00")),     // nothing within 14 days before
                new Paid(2, d("2025-06-10"), m("999.00"))),   // a customer never acted on
                14);
        assertThat(owed).containsExactlyInAnyOrderEntriesOf(Map.of(1L, m("300.00"), 2L, m("1000.00"), 3L, m("100.01")));
    }

    @Test
    void anEvenSplitSharesThePaymentToTheCentAndTheSharesAddUpExactly() {
        Map<Long, BigDecimal> owed = Attribution.evenSplit(TOUCHES, List.of(
                new Paid(1, d("2025-06-10"), m("1000.00")),   // call and e-mail: 500.00 each
                new Paid(1, d("2025-06-21"), m("0.10"))),     // all three within 30 days: 0.03, 0.03 and 0.04 to the latest
                30);
        assertThat(owed.get(1L)).isEqualByComparingTo("500.03");
        assertThat(owed.get(2L)).isEqualByComparingTo("500.03");
        assertThat(owed.get(3L)).isEqualByComparingTo("0.04");
        assertThat(owed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1000.10");
    }

    @Test
    void aShorterWindowLeavesOlderActionsOut() {
        Map<Long, BigDecimal> owed = Attribution.evenSplit(TOUCHES, List.of(new Paid(1, d("2025-06-10"), m("1000.00"))), 7);
        assertThat(owed).containsExactlyEntriesOf(Map.of(2L, m("1000.00")));
    }
}
