package io.huikuan.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * The generated data of one customer, in memory only while it is written. Amounts are in minor
 * units (fen); indexes point into this customer's own lists; database ids are assigned by the writer.
 */
public final class Portfolio {

    private Portfolio() {
    }

    public record GeneratedCustomer(int index, String code, String name, String creditCode, String region, String businessUnit,
            String industry, String owner, long creditLimit, int creditDays, String grade, Behaviour behaviour,
            List<GeneratedContact> contacts, List<GeneratedContract> contracts, List<GeneratedInvoice> invoices,
            List<GeneratedPayment> payments, List<GeneratedCreditNote> creditNotes) {
    }

    /** role: FINANCE, PURCHASING, DECISION_MAKER; channel: PHONE, EMAIL, WECHAT, VISIT. */
    public record GeneratedContact(String name, String role, String title, String phone, String email, String wechat, String channel) {
    }

    /** lateClause: NONE, DAILY_RATE, ANNUAL_RATE; lateRate null for NONE. */
    public record GeneratedContract(String contractNo, LocalDate signedDate, long amount, String paymentTerms, int paymentDays,
            String lateClause, java.math.BigDecimal lateRate) {
    }

    /** contract: index into the customer's contracts or -1. overdueCause/Nature may be null. */
    public record GeneratedInvoice(String invoiceNo, int contract, LocalDate issueDate, LocalDate dueDate, long amount,
            String taxInvoiceNo, String businessUnit, String overdueCause, String overdueNature) {
    }

    /** invoiceNo: the invoice the customer named (null: allocated oldest due first, or not at all). */
    public record GeneratedPayment(String paymentRef, LocalDate paymentDate, long amount, String method, String note, String invoiceNo,
            List<GeneratedAllocation> allocations) {

        public long applied() {
            long sum = 0;
            for (GeneratedAllocation a : allocations) {
                sum += a.amount();
            }
            return sum;
        }
    }

    public record GeneratedAllocation(int invoice, long amount) {
    }

    public record GeneratedCreditNote(String creditNoteNo, int invoice, LocalDate noteDate, long amount, String reason) {
    }
}
