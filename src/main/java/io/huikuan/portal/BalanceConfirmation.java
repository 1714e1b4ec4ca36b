package io.huikuan.portal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A stored balance confirmation (对账确认): the debtor's answer AGREE or DISAGREE to the statement whose total is
 * {@code amount} and whose canonical text hashes to {@code statementSha256}; for DISAGREE what it acknowledges;
 * {@code hasDrawnSignature}: a signature was drawn on the page (the image: {@link BalanceConfirmations#signatureImage}).
 */
public record BalanceConfirmation(long id, String customerCode, long linkId, String answer, BigDecimal amount, BigDecimal acknowledgedAmount,
        String differences, String name, String title, Instant confirmedAt, String statementSha256, String ip, String userAgent,
        boolean hasDrawnSignature) {
}
