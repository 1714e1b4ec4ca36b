package io.huikuan.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A review of a customer's credit (信用复核): OPEN when the schedule found it due (with a worklist task for the owner),
 * DONE when recorded with its outcome (KEPT or CHANGED limit), the grade, the note and the next due date.
 */
public record CreditReview(long id, String customerCode, String customerName, String owner, String status, LocalDate dueOn, String gradeAtDue,
        String outcome, BigDecimal oldLimit, BigDecimal newLimit, String grade, String note, LocalDate nextDueOn, String reviewedBy,
        LocalDate reviewedOn) {

    /** What a review records: the limit, credit days and grade after it (missing: unchanged), a note (required), the next due date. */
    public record Request(String limit, String creditDays, String grade, String note, String nextDueOn) {
    }
}
