package io.huikuan.insight;

import java.math.BigDecimal;

/**
 * A user's month seen from today (issue 17, item 6): the target (null when none), what the user's customers paid so far
 * (the worklist's progress: CNY), the cash the forecast expects from their customers in the rest of the month,
 * {@code predicted} = collected + expected, and that as a percentage of the target (null without one).
 */
public record MonthOutlook(String month, BigDecimal target, BigDecimal collected, BigDecimal expected, BigDecimal predicted,
        BigDecimal predictedPercent) {
}
