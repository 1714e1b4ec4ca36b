package io.huikuan.credit.web;

import io.huikuan.common.ValidationException;
import io.huikuan.credit.CreditCheck;
import io.huikuan.credit.CreditChecks;
import io.huikuan.credit.CreditPolicies;
import io.huikuan.credit.CreditPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The credit check for the ERP and for sales, its review by finance or a manager, and the credit policy. */
@RestController
@Tag(name = "Credit")
class CreditCheckApi {

    private final CreditChecks checks;
    private final CreditPolicies policies;

    CreditCheckApi(CreditChecks checks, CreditPolicies policies) {
        this.checks = checks;
        this.policies = policies;
    }

    @PostMapping("/api/credit-checks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Check an order {customerCode, amount (> 0, at most 2 decimals), reference (optional)} → {id, decision "
            + "(APPROVE|REVIEW|BLOCK), exposure, limit, available, grade, score, reasons, review}; recorded; a REVIEW waits for finance/manager")
    CreditCheck check(@RequestBody(required = false) CreditCheck.Request body) {
        return checks.check(body);
    }

    @GetMapping("/api/credit-checks")
    @Operation(summary = "Recorded checks, newest first (at most 500): ?customer=&decision=APPROVE|REVIEW|BLOCK&review=PENDING|APPROVED|REJECTED")
    List<CreditCheck> list(@RequestParam(required = false) String customer, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String review) {
        return checks.list(customer, decision, review);
    }

    @GetMapping("/api/credit-checks/{id}")
    @Operation(summary = "One recorded check")
    CreditCheck get(@PathVariable String id) {
        return checks.get(id(id));
    }

    @PostMapping("/api/credit-checks/{id}/approve")
    @Operation(summary = "Approve a check under review {note} (FINANCE, MANAGER, ADMIN); sends credit.check.decided")
    CreditCheck approve(@PathVariable String id, @RequestBody(required = false) CreditCheck.Decision body) {
        return checks.decide(id(id), true, body);
    }

    @PostMapping("/api/credit-checks/{id}/reject")
    @Operation(summary = "Reject a check under review {note (required)} (FINANCE, MANAGER, ADMIN); sends credit.check.decided")
    CreditCheck reject(@PathVariable String id, @RequestBody(required = false) CreditCheck.Decision body) {
        return checks.decide(id(id), false, body);
    }

    @GetMapping("/api/credit/policy")
    @Operation(summary = "The credit policy: reviewGrade (grades below it need review), tolerancePct (over the limit up to it: review, beyond: block)")
    CreditPolicy policy() {
        return policies.current();
    }

    @PutMapping("/api/credit/policy")
    @Operation(summary = "Change the credit policy {reviewGrade: A-E, tolerancePct: 0-100} (MANAGER, ADMIN)")
    CreditPolicy update(@RequestBody(required = false) CreditPolicy.Request body) {
        return policies.update(body);
    }

    private static long id(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.coded("id", raw, "credit.check.id", "a check's number");
        }
    }
}
