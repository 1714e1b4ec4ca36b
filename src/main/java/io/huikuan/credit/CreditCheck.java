package io.huikuan.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A recorded credit check: the decision (APPROVE, REVIEW, BLOCK) with the figures it was taken on and the reasons in
 * words (the exposure is the open receivables plus {@code openOrders}, the orders the ERP reported open; null on checks recorded
 * before orders were counted); a REVIEW carries its review (PENDING, APPROVED, REJECTED) and, once decided, who decided, when and the note.
 */
public record CreditCheck(long id, String customerCode, BigDecimal amount, String reference, String decision, BigDecimal exposure,
        BigDecimal limit, BigDecimal available, String grade, int score, List<String> reasons, String checkedBy, Instant checkedAt,
        String review, String decidedBy, Instant decidedAt, String note, BigDecimal openOrders) {

    /** The request: {@code {"customerCode","amount":"1000.00","reference":"SO-123"}}. */
    public record Request(String customerCode, String amount, String reference) {
    }

    /** A review's decision: {@code {"note":"…"}}. */
    public record Decision(String note) {
    }
}
