package io.huikuan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice (应收单) as entered; its balances are in {@link InvoiceView}. */
public record Invoice(
        String invoiceNo,
        String customerCode,
        String contractNo,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal amount,
        String currency,
        String taxInvoiceNo,
        LocalDate taxInvoiceDate,
        String businessUnit) {
}
