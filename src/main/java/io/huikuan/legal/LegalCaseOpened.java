package io.huikuan.legal;

import java.time.LocalDate;
import java.util.List;

/**
 * A legal case was opened on these invoices of a customer (dated {@code openedOn}): while it is open the invoices leave
 * the collectors' strategy ({@code strategy.CollectionPauses}). Published in the transaction that opens the case.
 */
public record LegalCaseOpened(long caseId, long customerId, String customerCode, List<Long> invoiceIds, LocalDate openedOn) {
}
