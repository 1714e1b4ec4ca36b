package io.huikuan.correspondence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A message was sent or a document issued to a customer: the evidence the legal module needs for the
 * limitation period (诉讼时效), which a demand for payment interrupts (Civil Code art. 195).
 *
 * @param kind what was issued: a {@link DocumentKind} name (STATEMENT, PAYMENT_REMINDER, DEMAND_LETTER,
 *             BALANCE_CONFIRMATION, LAWYER_LETTER) or a message channel (EMAIL, SMS, CHAT)
 * @param demandsPayment true when it asks the customer to pay (a reminder, a demand, a dunning message);
 *                       false for a statement, a balance confirmation or a lawyer letter draft not yet sent
 * @param amount the amount it states (overdue total, or the balance), in {@code currency}
 * @param invoiceNumbers the invoices it covers
 * @param evidence how it can be proven: the document number and its SHA-256, or the message's id, recipient and
 *                 the server's acceptance time
 * @param documentId the stored document, if any
 * @param messageId the outbox message, if any
 */
public record DemandIssued(String customerCode, long customerId, LocalDate date, Instant at, String kind, boolean demandsPayment,
        BigDecimal amount, String currency, List<String> invoiceNumbers, String evidence, Long documentId, Long messageId) {

    public DemandIssued {
        invoiceNumbers = invoiceNumbers == null ? List.of() : List.copyOf(invoiceNumbers);
    }
}
