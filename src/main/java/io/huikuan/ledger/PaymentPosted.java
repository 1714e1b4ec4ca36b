package io.huikuan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Published when a payment is posted (after its automatic or manual allocation in the same transaction). */
public record PaymentPosted(String paymentRef, String customerCode, LocalDate paymentDate, BigDecimal amount, BigDecimal unapplied) {
}
