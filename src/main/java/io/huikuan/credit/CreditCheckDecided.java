package io.huikuan.credit;

import java.math.BigDecimal;

/** Finance or a manager decided a credit check under review: {@code approved} or rejected, with the note. */
public record CreditCheckDecided(long checkId, String customerCode, String reference, BigDecimal amount, boolean approved, String note,
        String by) {
}
