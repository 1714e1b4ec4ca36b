package io.huikuan.portal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * The statement a debtor confirms: the customer's open invoices as of a day and their total. {@link #text()} is its
 * canonical text (one line per fact, amounts in plain two-decimal form), the exact thing stored with a confirmation;
 * {@link #sha256()} the SHA-256 (hex) of that text in UTF-8, carried by the form and checked again when it is posted.
 */
public record BalanceStatement(String customerCode, String customerName, LocalDate asOf, List<Line> lines, BigDecimal total) {

    /** One open invoice of the statement. */
    public record Line(String number, LocalDate dueDate, BigDecimal open, String currency) {
    }

    public BalanceStatement {
        lines = List.copyOf(lines);
    }

    /** The canonical text: header, one line per invoice, the total. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("statement|").append(customerCode).append('|').append(customerName).append('|').append(asOf).append('\n');
        for (Line l : lines) {
            b.append("invoice|").append(l.number()).append('|').append(l.dueDate()).append('|').append(l.currency()).append('|')
                    .append(l.open().setScale(2).toPlainString()).append('\n');
        }
        b.append("total|").append(total.setScale(2).toPlainString()).append('\n');
        return b.toString();
    }

    /** SHA-256 of {@link #text()} in UTF-8, lower-case hex. */
    public String sha256() {
        return sha256(text());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The invoice numbers of the statement. */
    public List<String> invoiceNumbers() {
        return lines.stream().map(Line::number).toList();
    }
}
