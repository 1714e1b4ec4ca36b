package io.huikuan.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A credit application (信用申请): for a new customer (NEW_CUSTOMER) or a higher limit (INCREASE), with the financial
 * data, the recommendation computed from the policy when it was submitted (score, grade, recommended limit, reasons), the
 * role whose authority the requested limit needs, the decision and the attached documents.
 */
public record CreditApplication(long id, String customerCode, String customerName, String kind, String status, BigDecimal requestedLimit,
        Integer creditDays, BigDecimal currentLimit, BigDecimal revenue, BigDecimal profit, BigDecimal equity, BigDecimal totalLiabilities,
        BigDecimal registeredCapital, Integer yearsInBusiness, String guarantees, String bankReferences, String note, int score, String grade,
        BigDecimal recommendedLimit, List<String> reasons, String requiredRole, String appliedBy, Instant appliedAt, BigDecimal approvedLimit,
        Integer approvedDays, String approvedGrade, String decidedBy, Instant decidedAt, String decisionNote, List<Document> documents) {

    /** An attached document (stored in the document store with its SHA-256). */
    public record Document(long id, String fileName, String contentType, long size, String sha256, String uploadedBy, Instant uploadedAt) {
    }

    /** A new customer to create with the application: code, name, owner (a collector's username; a collector: themself). */
    public record NewCustomer(String code, String name, String owner, String creditCode) {
    }

    /** What is applied for; amounts as typed (validated so each error names its field). */
    public record Request(String customerCode, NewCustomer newCustomer, String requestedLimit, String creditDays, String revenue, String profit,
            String equity, String totalLiabilities, String registeredCapital, String yearsInBusiness, String guarantees, String bankReferences,
            String note) {
    }

    /** A decision: approve ({@code limit}, {@code creditDays}, {@code grade} optional: the requested / unchanged) or reject ({@code reason}). */
    public record Decision(String limit, String creditDays, String grade, String note, String reason) {
    }

    CreditApplication withDocuments(List<Document> docs) {
        return new CreditApplication(id, customerCode, customerName, kind, status, requestedLimit, creditDays, currentLimit, revenue, profit, equity,
                totalLiabilities, registeredCapital, yearsInBusiness, guarantees, bankReferences, note, score, grade, recommendedLimit, reasons,
                requiredRole, appliedBy, appliedAt, approvedLimit, approvedDays, approvedGrade, decidedBy, decidedAt, decisionNote, docs);
    }
}
