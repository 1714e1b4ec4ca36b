package io.huikuan.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A promise to pay was broken ({@code status} BROKEN: nothing paid) or partly kept (PARTLY_KEPT: {@code paid}
 * of {@code amount}) after its date and grace days. Published in the transaction that settles the promise and
 * creates its escalation task; the JDBC event publication registry keeps it for the listeners (early warning,
 * correspondence, webhooks).
 */
public record PromiseBroken(String customerCode, long promiseId, BigDecimal amount, BigDecimal paid, LocalDate promisedDate,
        PromiseStatus status) {
}
