package io.huikuan.negotiation;

import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment plan as of {@code asOf}: what was agreed (invoices and their open amounts as of the agreement, interest,
 * waived amount, total, schedule), its status computed from facts dated on or before {@code asOf}, what is paid, the
 * authority it needs, the approvals still missing, the policy rules it breaks and the approvals given.
 * {@code decision} is REJECTED (with {@code decisionReason}) for a rejected plan, whose status is CANCELLED.
 */
public record PaymentPlan(long id, String customerCode, String customerName, String currency, List<Debt> invoices, LocalDate agreedOn,
        BigDecimal openTotal, BigDecimal interest, BigDecimal waived, BigDecimal total, BigDecimal paid, BigDecimal remaining,
        PaymentPlanStatus status, String decision, String decisionReason, LocalDate approvedOn, LocalDate cancelledOn, LocalDate brokenOn,
        LocalDate completedOn, Authority requiredAuthority, List<Role> missingApprovals, List<PlanPolicy.Breach> policyBreaches,
        String negotiatedBy, String note, List<Installment> installments, List<NegotiationApprovals.Decision> approvals, LocalDate asOf) {

    /** An invoice the plan covers, with its open amount as of the agreement date. */
    public record Debt(String invoiceNo, LocalDate issueDate, LocalDate dueDate, BigDecimal open) {
    }

    /** One installment as of {@code asOf}. */
    public record Installment(int number, LocalDate dueDate, BigDecimal amount, BigDecimal paid, InstallmentStatus status) {
    }

    /** The first installment not fully paid (null: none). */
    public Installment nextDue() {
        return installments.stream().filter(i -> i.paid().compareTo(i.amount()) < 0).findFirst().orElse(null);
    }
}
