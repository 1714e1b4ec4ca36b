package io.huikuan.exchange.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A checked invoice row on its way to the database. */
record InvoiceRow(long row, String invoiceNo, long customerId, Long contractId, LocalDate issueDate, LocalDate dueDate,
        BigDecimal amount, String currency, String taxInvoiceNo, String businessUnit) {
}
