package io.huikuan.correspondence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A statement of account (对账单) for a period: the balance owed at the start, every movement in the
 * period (invoices add; payments received, credit notes and write-offs reduce) with the running
 * balance, and the balance at the end. Opening + invoices − payments − credit notes − write-offs = closing.
 *
 * <p>Issue 12, item 15: a running balance across currencies means nothing, so a statement is <b>per currency</b>. The
 * fields are the section of {@code currency} (the base currency when the customer has any movement in it, else the
 * first currency it has); {@code others} holds one complete section (opening, lines, running balance, closing) per
 * other currency, base-first then by code, each with empty {@code others}. A single-currency customer's statement is
 * what it always was, with {@code others} empty.
 */
public record Statement(String customerCode, String customerName, LocalDate from, LocalDate to, BigDecimal opening, List<Line> lines,
        BigDecimal invoiced, BigDecimal paid, BigDecimal credited, BigDecimal writtenOff, BigDecimal closing, String currency,
        List<Statement> others) {

    public Statement {
        others = others == null ? List.of() : List.copyOf(others);
    }

    /** A statement in the base currency only. */
    public Statement(String customerCode, String customerName, LocalDate from, LocalDate to, BigDecimal opening, List<Line> lines,
            BigDecimal invoiced, BigDecimal paid, BigDecimal credited, BigDecimal writtenOff, BigDecimal closing) {
        this(customerCode, customerName, from, to, opening, lines, invoiced, paid, credited, writtenOff, closing,
                io.huikuan.ledger.Currencies.BASE, List.of());
    }

    /** This section then those of the other currencies. */
    public List<Statement> sections() {
        List<Statement> all = new java.util.ArrayList<>(others.size() + 1);
        all.add(this);
        all.addAll(others);
        return all;
    }

    /** One movement; {@code kind} INVOICE, PAYMENT, CREDIT_NOTE or WRITE_OFF; {@code amount} signed (+ owed, − reduced). */
    public record Line(LocalDate date, String kind, String reference, String detail, BigDecimal amount, BigDecimal balance) {
    }
}
