package io.huikuan.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's credit as of a date: the score, the computed grade, the override in force (null when none) and the
 * grade that counts, the reasons, the limit (null when none), the exposure (open receivables at the date plus the orders
 * the ERP reported open then, {@code openOrders}), what is available (limit − exposure, null without a limit), the supply
 * hold in force, the stored history of the score, and the history of the limit, credit days and grade (newest first: who,
 * when, why, old and new).
 */
public record CustomerCredit(String customerCode, LocalDate asOf, int score, String grade, GradeOverride override, String effectiveGrade,
        List<String> reasons, BigDecimal limit, BigDecimal exposure, BigDecimal available, Integer utilisation, boolean hold, String holdReason,
        List<CreditScores.HistoryPoint> history, List<CreditLimitHistory.LimitChange> limitHistory, BigDecimal openOrders) {
}
