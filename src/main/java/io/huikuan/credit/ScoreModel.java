package io.huikuan.credit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The credit score model: 100 less the points each component costs, rounded, never below 0. Weights (the most each
 * component may cost), documented in docs/credit.md:
 * <ul>
 * <li>lateness 30: 15 × the share of invoices settled late in the last 12 months + 15 × min(1, amount-weighted days
 * late / 60), settlements of the last 3 months counted twice;</li>
 * <li>trend 10: 10 × min(1, (days late of the last 3 months − of the 12 months) / 30), amount-weighted, when worse;</li>
 * <li>promises 15: 5 per broken and 2.5 per partly kept promise in the last 12 months;</li>
 * <li>disputes 5: 1.25 per dispute raised in the last 12 months;</li>
 * <li>utilisation 10: 0 up to 80% of the credit limit, linear to 10 at 120% (no limit: 0);</li>
 * <li>age of the relationship 5: 5 × (1 − days since the first invoice / 365) in the first year;</li>
 * <li>current overdue 25: 12 × the overdue share of the open receivables + 13 × min(1, days the oldest is overdue / 120).</li>
 * </ul>
 * A customer without any invoice yet gets the neutral score {@value #NEUTRAL} (grade C).
 */
public final class ScoreModel {

    public static final int NEUTRAL = 60;

    private ScoreModel() {
    }

    /** A score, its grade and its reasons, the most costly first. */
    public record Result(int score, Grade grade, List<ScoreReason> reasons) {
    }

    public static Result score(CreditFigures f, LocalDate asOf) {
        if (f.firstIssue() == null) {
            return new Result(NEUTRAL, Grade.of(NEUTRAL), List.of(new ScoreReason("noHistory", List.of(NEUTRAL), 0)));
        }
        List<ScoreReason> reasons = new ArrayList<>();
        if (f.settled() > 0) {
            double share = ratio(f.weightedLate(), f.weightedCount());
            double days = ratio(f.weightedAmountDays(), f.weightedAmount());
            double points = 15 * share + 15 * Math.min(1, days / 60);
            if (f.settledLate() > 0) {
                int shownShare = (int) Math.round(100.0 * f.settledLate() / f.settled());
                int shownDays = (int) Math.round(ratio(f.amountDays(), f.lateAmount()));
                reasons.add(new ScoreReason("late", List.of(shownShare, shownDays), points));
            }
            if (f.recentAmount().signum() > 0) {
                double recent = ratio(f.recentAmountDays(), f.recentAmount());
                double year = ratio(f.amountDays(), f.amount());
                double worse = recent - year;
                if (worse >= 1) {
                    reasons.add(new ScoreReason("trend", List.of((int) Math.round(recent), (int) Math.round(worse)), 10 * Math.min(1, worse / 30)));
                }
            }
        }
        if (f.broken() + f.partlyKept() > 0) {
            reasons.add(new ScoreReason("promises", List.of(f.broken(), f.partlyKept()), Math.min(15, 5 * f.broken() + 2.5 * f.partlyKept())));
        }
        if (f.disputes() > 0) {
            reasons.add(new ScoreReason("disputes", List.of(f.disputes()), Math.min(5, 1.25 * f.disputes())));
        }
        if (f.limit() != null && f.limit().signum() > 0) {
            double use = ratio(f.open(), f.limit());
            if (use > 0.8) {
                reasons.add(new ScoreReason("utilisation", List.of((int) Math.round(100 * use)), 10 * Math.min(1, (use - 0.8) / 0.4)));
            }
        }
        long known = ChronoUnit.DAYS.between(f.firstIssue(), asOf);
        if (known < 365) {
            reasons.add(new ScoreReason("age", List.of(Math.max(0, known / 30)), 5 * (1 - Math.max(0, known) / 365.0)));
        }
        if (f.overdue().signum() > 0 && f.oldestDue() != null) {
            double share = ratio(f.overdue(), f.open());
            long days = ChronoUnit.DAYS.between(f.oldestDue(), asOf);
            reasons.add(new ScoreReason("overdue", List.of((int) Math.round(100 * share), days), 12 * share + 13 * Math.min(1, days / 120.0)));
        }
        double lost = reasons.stream().mapToDouble(ScoreReason::points).sum();
        int score = (int) Math.max(0, Math.min(100, Math.round(100 - lost)));
        reasons.removeIf(r -> r.points() < 0.5);
        reasons.sort(Comparator.comparingDouble(ScoreReason::points).reversed());
        if (reasons.isEmpty()) {
            reasons.add(new ScoreReason(f.settled() > 0 ? "onTime" : "noneDue", List.of(f.settled()), 0));
        }
        return new Result(score, Grade.of(score), List.copyOf(reasons));
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private static double ratio(BigDecimal a, BigDecimal b) {
        return b == null || b.signum() == 0 || a == null ? 0 : a.divide(b, MathContext.DECIMAL64).doubleValue();
    }
}
