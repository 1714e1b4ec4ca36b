package io.huikuan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A sales contract with its payment terms and late-payment clause. {@code lateRate} is a daily rate
 * (e.g. 0.0005 = 万分之五 per day) or an annual rate (e.g. 0.12) per {@code lateClause}.
 */
public record Contract(
        String contractNo,
        String customerCode,
        LocalDate signedDate,
        BigDecimal amount,
        String paymentTerms,
        Integer paymentDays,
        LateClause lateClause,
        BigDecimal lateRate) {
}
