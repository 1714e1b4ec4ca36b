package io.huikuan.negotiation.web;

import io.huikuan.common.InputRules;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.legal.Attachments;
import io.huikuan.negotiation.PaymentPlan;
import io.huikuan.negotiation.PaymentPlanStatus;
import io.huikuan.negotiation.PaymentPlans;
import io.huikuan.negotiation.PlanDocuments;
import io.huikuan.negotiation.PlanPolicy;
import io.huikuan.negotiation.PlanRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Payment plans (分期还款) for API clients: propose, check, approve, reject, cancel, read as of a date, the policy, the agreement. */
@RestController
@Tag(name = "Payment plans")
class PaymentPlanApi {

    record DecisionRequest(String reason, String note) {
    }

    record PolicyRequest(BigDecimal minDownPaymentPercent, Integer maxTermMonths, Integer maxInstallments, Integer interestAfterMonths) {
    }

    private final PaymentPlans plans;
    private final PlanPolicy policy;
    private final PlanDocuments documents;

    PaymentPlanApi(PaymentPlans plans, PlanPolicy policy, PlanDocuments documents) {
        this.plans = plans;
        this.policy = policy;
        this.documents = documents;
    }

    @PostMapping("/api/payment-plans")
    @Operation(summary = "Propose a plan {customerCode, invoiceNos, agreedOn, installments:[{dueDate, amount}], interest, waived, note} "
            + "(COLLECTOR for own customers, MANAGER, FINANCE): 201 ACTIVE within the proposer's authority, else PENDING_APPROVAL; 400 naming "
            + "the field (the installments must sum to the open balance as of agreedOn + interest - waived); 409 when an invoice is in a live plan")
    ResponseEntity<PaymentPlan> propose(@RequestBody(required = false) PlanRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(plans.propose(body));
    }

    @PostMapping("/api/payment-plans/check")
    @Operation(summary = "The same body as POST, nothing stored: {total, scheduled, difference, policyBreaches, requiredAuthority}")
    PaymentPlans.PlanCheck check(@RequestBody(required = false) PlanRequest body) {
        return plans.check(body);
    }

    @GetMapping("/api/payment-plans/policy")
    @Operation(summary = "The proposal policy: {minDownPaymentPercent, maxTermMonths, maxInstallments, interestAfterMonths}")
    PlanPolicy.Settings policy() {
        CurrentUser.get();
        return policy.settings();
    }

    @PutMapping("/api/payment-plans/policy")
    @Operation(summary = "Change the policy (MANAGER, ADMIN): percent 0..100, months and counts 1..120, interestAfterMonths 0..120")
    PlanPolicy.Settings updatePolicy(@RequestBody(required = false) PolicyRequest r) {
        PolicyRequest p = r == null ? new PolicyRequest(null, null, null, null) : r;
        return policy.update(p.minDownPaymentPercent(), p.maxTermMonths(), p.maxInstallments(), p.interestAfterMonths());
    }

    @GetMapping("/api/payment-plans")
    @Operation(summary = "Plans as of asOf (default today), newest first, by customer and status "
            + "(PENDING_APPROVAL|ACTIVE|COMPLETED|BROKEN|CANCELLED); a collector sees only own customers")
    Page<PaymentPlan> list(@RequestParam(required = false) String customer, @RequestParam(required = false) String status,
            @RequestParam(required = false) String asOf, @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        if (page < 0) {
            throw ValidationException.coded("page", page, "plan.page", "must be 0 or more");
        }
        return plans.list(customer, status(status), InputRules.date("asOf", asOf), page, Page.clampSize(size));
    }

    @GetMapping("/api/payment-plans/{id}")
    @Operation(summary = "The plan as of asOf (default today): status and installments {dueDate, amount, paid, status} from facts dated on or before it")
    PaymentPlan get(@PathVariable long id, @RequestParam(required = false) String asOf) {
        return plans.get(id, InputRules.date("asOf", asOf));
    }

    @PostMapping("/api/payment-plans/{id}/approve")
    @Operation(summary = "Approve {note} by whoever may fill a missing approval (MANAGER, FINANCE; two people above the manager's limit)")
    PaymentPlan approve(@PathVariable long id, @RequestBody(required = false) DecisionRequest body) {
        return plans.approve(id, body == null ? null : body.note());
    }

    @PostMapping("/api/payment-plans/{id}/reject")
    @Operation(summary = "Reject {reason} (required): status CANCELLED, decision REJECTED")
    PaymentPlan reject(@PathVariable long id, @RequestBody(required = false) DecisionRequest body) {
        return plans.reject(id, body == null ? null : body.reason());
    }

    @PostMapping("/api/payment-plans/{id}/cancel")
    @Operation(summary = "Cancel a live plan {reason} (MANAGER, FINANCE; the proposer their own pending one): the invoices return to the strategy")
    PaymentPlan cancel(@PathVariable long id, @RequestBody(required = false) DecisionRequest body) {
        return plans.cancel(id, body == null ? null : body.reason());
    }

    @GetMapping("/api/payment-plans/{id}/agreement.pdf")
    @Operation(summary = "The payment agreement (还款协议) as a PDF, in the request's language")
    ResponseEntity<byte[]> agreement(@PathVariable long id, Locale locale) {
        byte[] pdf = documents.pdf(id, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"payment-plan-" + id + ".pdf\"").body(pdf);
    }

    @PostMapping(path = "/api/payment-plans/{id}/signed-agreement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the signed agreement (multipart file, signedOn yyyy-MM-dd default today): stored with the plan and recorded "
            + "as the debtor's acknowledgement of the debt")
    ResponseEntity<Attachments.Attachment> signed(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String signedOn) {
        Attachments.Attachment a = documents.uploadSigned(id, file == null ? null : file.getOriginalFilename(), file == null ? 0 : file.getSize(),
                () -> file.getBytes(), InputRules.date("signedOn", signedOn));
        return ResponseEntity.status(HttpStatus.CREATED).body(a);
    }

    static PaymentPlanStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return PaymentPlanStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.coded("status", raw, "plan.status", "one of PENDING_APPROVAL, ACTIVE, COMPLETED, BROKEN, CANCELLED");
        }
    }

    static boolean mayEditPolicy() {
        return CurrentUser.get().has(Role.ADMIN) || CurrentUser.get().has(Role.MANAGER);
    }
}
