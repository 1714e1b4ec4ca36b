package io.huikuan.negotiation;

import java.util.List;

/**
 * A proposed payment plan as typed (every field checked by {@link PaymentPlans}, errors naming it): the customer, the
 * invoices it covers, the agreement date, the installments (the first is the down payment), agreed {@code interest} and
 * a {@code waived} amount (both optional, default 0), a note. Amounts and dates as text ("100.00", "YYYY-MM-DD").
 */
public record PlanRequest(String customerCode, List<String> invoiceNos, String agreedOn, List<InstallmentRequest> installments, String interest,
        String waived, String note) {

    /** One installment as typed. */
    public record InstallmentRequest(String dueDate, String amount) {
    }
}
