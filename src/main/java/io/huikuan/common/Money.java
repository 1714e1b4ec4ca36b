package io.huikuan.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money helpers: amounts are BigDecimal with the currency's scale (CNY: 2). */
public final class Money {

    public static final int SCALE = 2;
    public static final String DEFAULT_CURRENCY = "CNY";

    private Money() {
    }

    public static BigDecimal of(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(SCALE) : amount.setScale(SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SCALE);
    }

    public static boolean isPositive(BigDecimal amount) {
        return amount != null && amount.signum() > 0;
    }
}
