package io.huikuan.legal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A legal case as the API and the case page show it: what it is, where, the claim (principal, interest, penalty 违约金,
 * costs and their total), the owner, status and outcome, its invoices, stages, deadlines (with days left as of
 * {@code today}), costs paid and amounts recovered (each recovery is a payment in the ledger), and what is still open on
 * its invoices; {@code interestMethod} how the interest was computed (null: entered by hand).
 */
public record LegalCase(long id, String customerCode, String customerName, LegalCaseKind kind, LawsuitProcedure procedure, String court,
        String caseNo, String lawyer, BigDecimal principal, BigDecimal interest, BigDecimal penalty, BigDecimal costs, BigDecimal claimTotal,
        String owner, String status, CaseOutcome outcome, String closeNote, LocalDate closedOn, LocalDate openedOn, boolean counterObligation,
        Boolean debtorInMainland, List<String> invoiceNos, BigDecimal openAmount, BigDecimal recovered, BigDecimal costsPaid,
        List<Stage> stages, List<DeadlineView> deadlines, List<Money> money, String createdBy, InterestComputation interestMethod) {

    /**
     * How the interest was computed when the case was opened: the basis for invoices whose contract says nothing, its
     * rate or LPR markup, the last day counted, the court fee the calculators gave (null with {@code courtFeeNote} when
     * left to the user) and each invoice's interest.
     */
    public record InterestComputation(InterestBasis basis, BigDecimal rate, BigDecimal markup, LocalDate asOf, BigDecimal courtFee,
            String courtFeeNote, List<io.huikuan.legal.internal.InvoiceInterest.Line> lines) {
    }

    /** A stage with its date; HEARING has a time (HH:mm) and place, JUDGMENT/MEDIATION the service date and the last day of performance. */
    public record Stage(long id, CaseStage stage, LocalDate date, String time, String place, LocalDate servedOn, LocalDate performBy, String note,
            String createdBy) {
    }

    /** A deadline with the days left as of today and the id of its worklist task (null when none is open). */
    public record DeadlineView(CaseDeadlines.Kind kind, LocalDate date, long daysLeft, LocalDate taskDue, Long taskId, String taskStatus) {
    }

    /** Money of the case: COST (court fee, preservation fee, lawyer fee, other) or RECOVERY (with the ledger payment it posted). */
    public record Money(long id, String direction, String category, LocalDate date, BigDecimal amount, String note, String paymentRef,
            String createdBy) {
    }

    /** One line of the case list: claim vs recovered, the next deadline. */
    public record Row(long id, String customerCode, String customerName, LegalCaseKind kind, String court, String caseNo, String owner,
            String status, BigDecimal claimTotal, BigDecimal recovered, LocalDate openedOn, CaseDeadlines.Kind nextDeadlineKind,
            LocalDate nextDeadline, Long nextDeadlineDaysLeft) {
    }

    /** A hearing on the calendar. */
    public record Hearing(long caseId, String customerCode, String customerName, LegalCaseKind kind, String court, String caseNo, LocalDate date,
            String time, String place, String owner) {
    }

    public boolean open() {
        return "OPEN".equals(status);
    }
}
