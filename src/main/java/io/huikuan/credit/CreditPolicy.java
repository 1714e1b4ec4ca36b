package io.huikuan.credit;

import java.math.BigDecimal;

/**
 * The credit policy (one for the installation): grades below {@code reviewGrade} need a review; an order may take the
 * exposure over the limit by at most {@code tolerancePct} % of the limit and still be reviewed rather than blocked.
 */
public record CreditPolicy(String reviewGrade, BigDecimal tolerancePct, String updatedBy) {

    /** A manager's change: {@code {"reviewGrade":"A".."E","tolerancePct":"0".."100"}}. */
    public record Request(String reviewGrade, String tolerancePct) {
    }

    Grade review() {
        return Grade.valueOf(reviewGrade);
    }
}
