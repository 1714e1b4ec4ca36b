package io.huikuan.negotiation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a payment agreement (还款协议) prints for one payment plan: the debtor, the debts it covers (each invoice's open
 * amount as of the agreement date), the agreed interest and the waived amount, the schedule, the grace days after which a
 * missed installment accelerates the whole balance, and who negotiated it. Built by the payment plans, printed by
 * {@link PaymentAgreements}.
 */
public record PlanAgreement(long planId, String customerCode, String currency, LocalDate agreedOn, List<Debt> debts, BigDecimal openTotal,
        BigDecimal interest, BigDecimal waived, BigDecimal total, List<Installment> installments, int graceDays, String negotiatedBy,
        String note) {

    /** An invoice the plan covers and its open amount as of the agreement date. */
    public record Debt(String invoiceNo, LocalDate issueDate, LocalDate dueDate, BigDecimal open) {
    }

    /** One installment (the first may be the down payment), numbered from 1. */
    public record Installment(int number, LocalDate dueDate, BigDecimal amount) {
    }

    public PlanAgreement {
        debts = List.copyOf(debts);
        installments = List.copyOf(installments);
    }
}
