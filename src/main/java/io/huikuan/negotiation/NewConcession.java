package io.huikuan.negotiation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A concession as proposed: the customer, the kind (see {@link ConcessionKind}), the invoices, an amount or (a discount
 * only) a percent, the condition ({@code payBy}, and {@code payAmount} for a write-off or waiver), why, and optionally the
 * payment plan or activity it belongs to.
 */
public record NewConcession(String customerCode, String kind, List<String> invoiceNos, BigDecimal amount, BigDecimal percent, LocalDate payBy,
        BigDecimal payAmount, String reason, Long planId, Long activityId) {
}
