package io.huikuan.negotiation;

import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A concession as the API and pages show it: {@code amount} is its value (what the authority matrix judged),
 * {@code payBy}/{@code payAmount} its condition (none: unconditional), {@code missing} the approvals still needed.
 */
public record Concession(long id, String customerCode, String customerName, ConcessionKind kind, ConcessionStatus status, BigDecimal amount,
        BigDecimal percent, BigDecimal openAtProposal, LocalDate payBy, BigDecimal payAmount, String reason, Long planId, Long activityId,
        Authority authority, List<Role> missing, List<Line> invoices, String proposedBy, LocalDate proposedOn, Instant proposedAt,
        Instant approvedAt, LocalDate closedOn, String closedBy, String closeNote, BigDecimal postedAmount,
        List<NegotiationApprovals.Decision> approvals) {

    /** One invoice of the concession: its open amount at proposal, its share, and once posted what was posted and its reference. */
    public record Line(String invoiceNo, BigDecimal openAtProposal, BigDecimal share, BigDecimal postedAmount, String reference) {
    }

    public boolean conditional() {
        return payBy != null;
    }

    Concession with(List<Role> missing, List<Line> lines, List<NegotiationApprovals.Decision> history) {
        return new Concession(id, customerCode, customerName, kind, status, amount, percent, openAtProposal, payBy, payAmount, reason, planId,
                activityId, authority, missing, lines, proposedBy, proposedOn, proposedAt, approvedAt, closedOn, closedBy, closeNote,
                postedAmount, history);
    }
}
