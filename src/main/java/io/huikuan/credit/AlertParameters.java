package io.huikuan.credit;

import io.huikuan.common.ValidationException.FieldError;
import java.math.BigDecimal;
import java.util.List;

/** Which parameters each kind of rule needs, and their ranges (errors name the field and the rule). */
record AlertParameters(AlertRule.Kind kind, Integer days, BigDecimal amount, BigDecimal pct, Integer count, String grade, List<FieldError> errors) {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");

    /** The parameters a kind keeps (the others are dropped). */
    record Kept(Integer days, BigDecimal amount, BigDecimal pct, Integer count, String grade) {
    }

    static Kept kept(AlertRule.Kind kind, Integer days, BigDecimal amount, BigDecimal pct, Integer count, String grade) {
        return switch (kind) {
            case OVERDUE -> new Kept(days, amount, null, null, null);
            case OVER_LIMIT -> new Kept(null, null, pct == null ? BigDecimal.ZERO : pct, null, null);
            case DTP_WORSENING, PLAN_BROKEN, LIMITATION_EXPIRING, NO_CONTACT -> new Kept(days, null, null, null, null);
            case GRADE_DROP -> new Kept(days == null ? 30 : days, null, null, count == null ? 1 : count, null);
            case BROKEN_PROMISES -> new Kept(days, null, null, count, null);
            case LARGE_INVOICE_DUE -> new Kept(days, amount, null, null, grade);
            case CONCENTRATION -> new Kept(null, null, pct, null, null);
        };
    }

    void check() {
        switch (kind) {
            case OVERDUE -> {
                if (days == null && amount == null) {
                    errors.add(FieldError.coded("days", null, "alert.rule.overdue", "days or amount is required for OVERDUE"));
                }
                days(0, 3650, false);
                amount(false);
            }
            case OVER_LIMIT -> pct(BigDecimal.ZERO, new BigDecimal("1000"), false);
            case DTP_WORSENING -> days(1, 365, true);
            case GRADE_DROP -> {
                days(1, 365, false);
                count(1, 4, false);
            }
            case BROKEN_PROMISES -> {
                days(1, 3650, true);
                count(1, 100, true);
            }
            case PLAN_BROKEN, NO_CONTACT -> days(1, 3650, true);
            case LIMITATION_EXPIRING -> days(0, 3650, true);
            case LARGE_INVOICE_DUE -> {
                days(0, 365, true);
                amount(true);
                if (grade == null) {
                    errors.add(FieldError.coded("grade", null, "alert.rule.grade", "one of A, B, C, D, E"));
                }
            }
            case CONCENTRATION -> pct(new BigDecimal("0.01"), new BigDecimal("100"), true);
        }
    }

    private void days(int min, int max, boolean required) {
        if (days == null ? required : days < min || days > max) {
            errors.add(FieldError.coded("days", days, "alert.rule.days", "a whole number of days from " + min + " to " + max + " for " + kind, min,
                    max, kind.name()));
        }
    }

    private void count(int min, int max, boolean required) {
        if (count == null ? required : count < min || count > max) {
            errors.add(FieldError.coded("count", count, "alert.rule.count", "a whole number from " + min + " to " + max + " for " + kind, min, max,
                    kind.name()));
        }
    }

    private void amount(boolean required) {
        if (amount == null ? required : amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add(FieldError.coded("amount", amount, "alert.rule.amount", "an amount above 0 with at most 2 decimals for " + kind, kind.name()));
        }
    }

    private void pct(BigDecimal min, BigDecimal max, boolean required) {
        if (pct == null ? required : pct.compareTo(min) < 0 || pct.compareTo(max) > 0) {
            errors.add(FieldError.coded("pct", pct, "alert.rule.pctRange", "a percentage from " + min.toPlainString() + " to " + max.toPlainString()
                    + " for " + kind, min.toPlainString(), max.toPlainString(), kind.name()));
        }
    }
}
