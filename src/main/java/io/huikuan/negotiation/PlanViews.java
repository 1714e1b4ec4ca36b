package io.huikuan.negotiation;

import io.huikuan.identity.Role;
import io.huikuan.worklist.PromiseProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** A stored plan as of a date: its status and installments from the facts dated on or before it (the waterfall). */
@Component
class PlanViews {

    private final PaymentPlanQueries queries;
    private final NegotiationApprovals approvals;
    private final int graceDays;

    PlanViews(PaymentPlanQueries queries, NegotiationApprovals approvals, PromiseProperties promises) {
        this.queries = queries;
        this.approvals = approvals;
        this.graceDays = promises.graceDays();
    }

    int graceDays() {
        return graceDays;
    }

    PlanWaterfall.Result waterfall(PaymentPlanQueries.Row row, LocalDate asOf) {
        return PlanWaterfall.fill(queries.schedule(row.id()), queries.payments(row.id(), row.agreedOn()), asOf, graceDays);
    }

    PaymentPlan view(PaymentPlanQueries.Row row, LocalDate asOf) {
        PlanWaterfall.Result w = waterfall(row, asOf);
        boolean cancelled = row.cancelledOn() != null && !row.cancelledOn().isAfter(asOf);
        boolean approved = row.approvedOn() != null && !row.approvedOn().isAfter(asOf);
        PaymentPlanStatus status = cancelled ? PaymentPlanStatus.CANCELLED : !approved ? PaymentPlanStatus.PENDING_APPROVAL : w.status();
        LocalDate brokenOn = status == PaymentPlanStatus.BROKEN ? w.brokenOn() : null;
        LocalDate completedOn = status == PaymentPlanStatus.COMPLETED ? w.completedOn() : null;
        List<PaymentPlan.Installment> installments = w.installments().stream()
                .map(f -> new PaymentPlan.Installment(f.number(), f.dueDate(), f.amount(), f.paid(), f.status())).toList();
        List<Role> missing = "PENDING_APPROVAL".equals(row.status()) ? approvals.missing(ApprovalSubject.PAYMENT_PLAN, row.id(), row.requiredAuthority())
                : List.of();
        List<PaymentPlan.Debt> debts = queries.invoices(row.id()).stream()
                .map(i -> new PaymentPlan.Debt(i.invoiceNo(), i.issueDate(), i.dueDate(), i.open())).toList();
        BigDecimal remaining = row.total().subtract(w.paid());
        return new PaymentPlan(row.id(), row.customerCode(), row.customerName(), row.currency(), debts, row.agreedOn(), row.openTotal(), row.interest(),
                row.waived(), row.total(), w.paid(), remaining, status, cancelled ? row.decision() : null, cancelled ? row.decisionReason() : null,
                approved ? row.approvedOn() : null, cancelled ? row.cancelledOn() : null, brokenOn, completedOn, row.requiredAuthority(), missing,
                row.breaches(), row.negotiatedBy(), row.note(), installments, approvals.history(ApprovalSubject.PAYMENT_PLAN, row.id()), asOf);
    }
}
