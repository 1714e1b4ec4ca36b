package io.huikuan.correspondence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A statement of account (对账单) for a period: the balance owed at the start, every movement in the
 * period (invoices add; payments received, credit notes and write-offs reduce) with the running
 * balance, and the balance at the end. Opening + invoices − payments − credit notes − write-offs = closing.
 */
public record Statement(String customerCode, String customerName, LocalDate from, LocalDate to, BigDecimal opening, List<Line> lines,
        BigDecimal invoiced, BigDecimal paid, BigDecimal credited, BigDecimal writtenOff, BigDecimal closing) {

    /** One movement; {@code kind} INVOICE, PAYMENT, CREDIT_NOTE or WRITE_OFF; {@code amount} signed (+ owed, − reduced). */
    public record Line(LocalDate date, String kind, String reference, String detail, BigDecimal amount, BigDecimal balance) {
    }
}
