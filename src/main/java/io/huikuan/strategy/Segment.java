package io.huikuan.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A segment: customers whose every set rule holds (unset rules always hold). The first active
 * segment by {@code position} wins. Rules: grade in {@code grades} (comma list), overdue amount and
 * days overdue of the oldest overdue item within bounds, relationship length in months (since the
 * first invoice), promise-keeping rate in percent (a customer with no settled promise has no rate:
 * a rate bound then does not hold) and a flag: {@code IN_DISPUTE} (an open dispute as of the date),
 * or a flag set on the customer ({@code DISPUTER}, {@code MALICIOUS_DEFAULTER}). The credit rules come from
 * {@link SegmentSignals}: the credit score within bounds (a customer without a stored score has none: a score bound then
 * does not hold), the effective credit grade in {@code creditGrades} (comma list of A–E) {@code overLimit} (true: the
 * exposure is above the credit limit; false: it is not, or there is no limit; null: not tested).
 */
public record Segment(String code, String nameZh, String nameEn, int position, String grades, BigDecimal minOverdueAmount,
        BigDecimal maxOverdueAmount, Integer minDaysOverdue, Integer maxDaysOverdue, Integer minRelationshipMonths,
        Integer maxRelationshipMonths, BigDecimal minPromiseKeeping, BigDecimal maxPromiseKeeping, String flag, Integer minScore, Integer maxScore,
        String creditGrades, Boolean overLimit, Integer minOpenAlerts, String strategyCode,
        boolean active, String updatedBy, Instant updatedAt) {

    /** The flags a segment may test. */
    public static final List<String> FLAGS = List.of("IN_DISPUTE", "DISPUTER", "MALICIOUS_DEFAULTER");

    /** Does the customer belong here (ignoring {@code active} and order)? */
    public boolean matches(CustomerFacts f) {
        if (grades != null && !grades.isBlank()) {
            String g = f.grade() == null ? "" : f.grade().trim().toUpperCase(Locale.ROOT);
            if (Arrays.stream(grades.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT)).noneMatch(g::equals)) {
                return false;
            }
        }
        if (minOverdueAmount != null && f.overdue().compareTo(minOverdueAmount) < 0) {
            return false;
        }
        if (maxOverdueAmount != null && f.overdue().compareTo(maxOverdueAmount) > 0) {
            return false;
        }
        if (minDaysOverdue != null && f.daysOverdue() < minDaysOverdue) {
            return false;
        }
        if (maxDaysOverdue != null && f.daysOverdue() > maxDaysOverdue) {
            return false;
        }
        if (minRelationshipMonths != null && f.relationshipMonths() < minRelationshipMonths) {
            return false;
        }
        if (maxRelationshipMonths != null && f.relationshipMonths() > maxRelationshipMonths) {
            return false;
        }
        if (minPromiseKeeping != null && (f.keepingRate() == null || f.keepingRate().compareTo(minPromiseKeeping) < 0)) {
            return false;
        }
        if (maxPromiseKeeping != null && (f.keepingRate() == null || f.keepingRate().compareTo(maxPromiseKeeping) > 0)) {
            return false;
        }
        if (flag != null && !flag.isBlank() && !f.flags().contains(flag)) {
            return false;
        }
        CustomerSignals sig = f.signals();
        if (minScore != null && (sig.score() == null || sig.score() < minScore)) {
            return false;
        }
        if (maxScore != null && (sig.score() == null || sig.score() > maxScore)) {
            return false;
        }
        if (creditGrades != null && !creditGrades.isBlank()
                && (sig.creditGrade() == null || Arrays.stream(creditGrades.split(",")).map(String::trim).noneMatch(sig.creditGrade()::equals))) {
            return false;
        }
        if (minOpenAlerts != null && sig.openAlerts() < minOpenAlerts) {
            return false;
        }
        return overLimit == null || overLimit == sig.overLimit();
    }

    /** The signals of other modules this segment's rules test (none: the run does not ask for them). */
    public java.util.Set<SegmentSignals.Signal> signals() {
        java.util.Set<SegmentSignals.Signal> out = java.util.EnumSet.noneOf(SegmentSignals.Signal.class);
        if (minScore != null || maxScore != null || (creditGrades != null && !creditGrades.isBlank())) {
            out.add(SegmentSignals.Signal.CREDIT_SCORE);
        }
        if (overLimit != null) {
            out.add(SegmentSignals.Signal.OVER_LIMIT);
        }
        if (minOpenAlerts != null) {
            out.add(SegmentSignals.Signal.OPEN_ALERTS);
        }
        return out;
    }

    /** The signals the active segments of {@code ordered} test. */
    static java.util.Set<SegmentSignals.Signal> signals(List<Segment> ordered) {
        java.util.Set<SegmentSignals.Signal> out = java.util.EnumSet.noneOf(SegmentSignals.Signal.class);
        ordered.stream().filter(Segment::active).forEach(s -> out.addAll(s.signals()));
        return out;
    }
}
