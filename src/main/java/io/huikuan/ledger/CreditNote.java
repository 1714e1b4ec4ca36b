package io.huikuan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A credit note (红字冲销) reducing one invoice. */
public record CreditNote(String creditNoteNo, String invoiceNo, LocalDate noteDate, BigDecimal amount, String reason) {
}
