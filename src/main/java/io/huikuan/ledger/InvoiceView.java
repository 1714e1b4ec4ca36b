package io.huikuan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice with its balances, derived exactly from allocations, credit notes and write-offs. */
public record InvoiceView(
        String invoiceNo,
        String customerCode,
        String customerName,
        String contractNo,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal amount,
        String currency,
        String taxInvoiceNo,
        LocalDate taxInvoiceDate,
        String businessUnit,
        BigDecimal paid,
        BigDecimal credited,
        BigDecimal writtenOff,
        BigDecimal open,
        int daysOverdue,
        String status,
        OverdueCause overdueCause,
        OverdueNature overdueNature) {
}
