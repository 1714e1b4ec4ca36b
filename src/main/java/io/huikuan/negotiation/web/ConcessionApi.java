package io.huikuan.negotiation.web;

import io.huikuan.common.InputRules;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.negotiation.Concession;
import io.huikuan.negotiation.ConcessionStatus;
import io.huikuan.negotiation.Concessions;
import io.huikuan.negotiation.NewConcession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Concessions with authority: propose, list, read, approve, reject, cancel. */
@RestController
@Tag(name = "Concessions")
class ConcessionApi {

    record ConcessionRequest(String customerCode, String kind, List<String> invoiceNos, BigDecimal amount, BigDecimal percent, String payBy,
            BigDecimal payAmount, String reason, Long planId, Long activityId) {
    }

    record DecisionRequest(String reason) {
    }

    private final Concessions concessions;

    ConcessionApi(Concessions concessions) {
        this.concessions = concessions;
    }

    @PostMapping("/api/concessions")
    @Operation(summary = "Propose a concession {customerCode, kind (PROMPT_PAYMENT_DISCOUNT|INTEREST_WAIVER|PENALTY_WAIVER|WRITE_OFF_REMAINDER), "
            + "invoiceNos, amount or percent (a discount), payBy, payAmount, reason, planId, activityId}: 201 PENDING_APPROVAL, or APPROVED/POSTED "
            + "when within the proposer's own authority")
    ResponseEntity<Concession> propose(@RequestBody(required = false) ConcessionRequest r) {
        ConcessionRequest b = r == null ? new ConcessionRequest(null, null, null, null, null, null, null, null, null, null) : r;
        NewConcession in = new NewConcession(b.customerCode(), b.kind(), b.invoiceNos(), b.amount(), b.percent(), InputRules.date("payBy", b.payBy()),
                b.payAmount(), b.reason(), b.planId(), b.activityId());
        return ResponseEntity.status(HttpStatus.CREATED).body(concessions.propose(in));
    }

    @GetMapping("/api/concessions")
    @Operation(summary = "Concessions, newest first, by customer and status; a collector sees only own customers")
    Page<Concession> list(@RequestParam(required = false) String customer, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return concessions.list(customer, status(status), page == null || page < 0 ? 0 : page, Page.clampSize(size));
    }

    @GetMapping("/api/concessions/{id}")
    @Operation(summary = "One concession with its invoices, the approvals still missing and the approvals history")
    Concession get(@PathVariable long id) {
        return concessions.get(id);
    }

    @PostMapping("/api/concessions/{id}/approve")
    @Operation(summary = "Approve in the first missing role the user may fill (403 if none, 409 if the user already approved it)")
    Concession approve(@PathVariable long id) {
        return concessions.approve(id);
    }

    @PostMapping("/api/concessions/{id}/reject")
    @Operation(summary = "Reject {reason (required)}")
    Concession reject(@PathVariable long id, @RequestBody(required = false) DecisionRequest r) {
        return concessions.reject(id, r == null ? null : r.reason());
    }

    @PostMapping("/api/concessions/{id}/cancel")
    @Operation(summary = "Cancel a pending or approved concession {reason (optional)}: its proposer or a manager")
    Concession cancel(@PathVariable long id, @RequestBody(required = false) DecisionRequest r) {
        return concessions.cancel(id, r == null ? null : r.reason());
    }

    static ConcessionStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ConcessionStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.coded("status", raw, "concession.status",
                    "one of PENDING_APPROVAL, APPROVED, POSTED, EXPIRED, REJECTED, CANCELLED");
        }
    }
}
