package io.huikuan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A write-off (核销坏账) of part or all of an invoice's open balance; managers only, reason required. */
public record WriteOff(Long id, String invoiceNo, LocalDate writeOffDate, BigDecimal amount, String reason, String createdBy) {
}
