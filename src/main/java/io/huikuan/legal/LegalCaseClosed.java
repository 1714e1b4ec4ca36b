package io.huikuan.legal;

import java.time.LocalDate;
import java.util.List;

/** A legal case was closed on {@code closedOn}: its invoices return to the collectors' strategy from that day. */
public record LegalCaseClosed(long caseId, long customerId, String customerCode, List<Long> invoiceIds, LocalDate closedOn) {
}
