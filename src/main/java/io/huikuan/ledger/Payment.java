package io.huikuan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A payment (收款) with how it is applied to invoices; {@code unapplied} cash stays visible. */
public record Payment(
        String paymentRef,
        String customerCode,
        LocalDate paymentDate,
        BigDecimal amount,
        String currency,
        PaymentMethod method,
        String note,
        List<Allocation> allocations,
        BigDecimal unapplied) {

    /** An amount of a payment applied to one invoice. */
    public record Allocation(String invoiceNo, BigDecimal amount) {
    }
}
