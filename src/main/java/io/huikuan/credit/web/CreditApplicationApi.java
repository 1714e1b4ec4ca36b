package io.huikuan.credit.web;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.credit.CreditApplication;
import io.huikuan.credit.CreditApplicationPolicies;
import io.huikuan.credit.CreditApplicationPolicy;
import io.huikuan.credit.CreditApplications;
import io.huikuan.credit.CreditReview;
import io.huikuan.credit.CreditReviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Credit applications (信用申请), their documents and decisions; scheduled credit reviews; their policy. */
@RestController
@Tag(name = "Credit")
class CreditApplicationApi {

    private final CreditApplications applications;
    private final CreditReviews reviews;
    private final CreditApplicationPolicies policies;
    private final Clock clock;

    CreditApplicationApi(CreditApplications applications, CreditReviews reviews, CreditApplicationPolicies policies, Clock clock) {
        this.applications = applications;
        this.reviews = reviews;
        this.policies = policies;
        this.clock = clock;
    }

    @PostMapping("/api/credit/applications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply for credit {customerCode | newCustomer {code, name, owner}, requestedLimit, creditDays, revenue, profit, equity, "
            + "totalLiabilities, registeredCapital, yearsInBusiness, guarantees, bankReferences, note} → the application with the policy's "
            + "recommendation (score, grade, recommendedLimit, reasons) and requiredRole. Collectors for their own customers; finance, managers")
    CreditApplication submit(@RequestBody(required = false) CreditApplication.Request body) {
        return applications.submit(body);
    }

    @GetMapping("/api/credit/applications")
    @Operation(summary = "Applications, newest first (at most 500): ?status=SUBMITTED|APPROVED|REJECTED|WITHDRAWN&customer=")
    List<CreditApplication> list(@RequestParam(required = false) String status, @RequestParam(required = false) String customer) {
        return applications.list(status, customer);
    }

    @GetMapping("/api/credit/applications/{id}")
    @Operation(summary = "One application with its documents")
    CreditApplication get(@PathVariable String id) {
        return applications.get(id(id));
    }

    @PostMapping("/api/credit/applications/{id}/approve")
    @Operation(summary = "Approve {limit (default: requested), creditDays, grade A-E (optional), note} within your authority (FINANCE up to "
            + "financeAuthority, MANAGER up to managerAuthority, ADMIN any; above the recommendation one level more): the customer's limit changes")
    CreditApplication approve(@PathVariable String id, @RequestBody(required = false) CreditApplication.Decision body) {
        return applications.approve(id(id), body);
    }

    @PostMapping("/api/credit/applications/{id}/reject")
    @Operation(summary = "Reject {reason (required)} (FINANCE, MANAGER, ADMIN)")
    CreditApplication reject(@PathVariable String id, @RequestBody(required = false) CreditApplication.Decision body) {
        return applications.reject(id(id), body);
    }

    @PostMapping("/api/credit/applications/{id}/withdraw")
    @Operation(summary = "Withdraw a submitted application (the applicant or a manager)")
    CreditApplication withdraw(@PathVariable String id) {
        return applications.withdraw(id(id));
    }

    @PostMapping(value = "/api/credit/applications/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a document (multipart: file; category, default OTHER; description): PDF, images, Office documents, text; at most "
            + "huikuan.legal.documents.max-size; stored with its SHA-256 in the document store")
    CreditApplication document(@PathVariable String id, @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String category, @RequestParam(required = false) String description) {
        return applications.attach(id(id), file == null ? null : file.getOriginalFilename(), file == null ? 0 : file.getSize(),
                file == null ? () -> null : file::getBytes, category, description);
    }

    @GetMapping("/api/credit/reviews")
    @Operation(summary = "Credit reviews: ?due=YYYY-MM-DD (open reviews due on or before it)&status=OPEN|DONE&customer=")
    List<CreditReview> reviews(@RequestParam(required = false) String due, @RequestParam(required = false) String status,
            @RequestParam(required = false) String customer) {
        return reviews.list(status, InputRules.date("due", due), customer);
    }

    @PostMapping("/api/customers/{code}/credit/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a review {limit, creditDays, grade (missing: unchanged), note (required), nextDueOn (default: by the grade)}; "
            + "closes the open review and its task. A changed limit or grade needs the authority of the limit")
    CreditReview review(@PathVariable String code, @RequestBody(required = false) CreditReview.Request body) {
        return reviews.record(code, body);
    }

    @PostMapping("/api/credit/reviews/open-due")
    @Operation(summary = "Open the reviews due today now (MANAGER, ADMIN; the daily job does it at 03:30) → {opened}")
    java.util.Map<String, Integer> openDue() {
        io.huikuan.identity.CurrentUser.require("open due credit reviews", io.huikuan.identity.Role.MANAGER);
        return java.util.Map.of("opened", reviews.openDue(LocalDate.now(clock)));
    }

    @GetMapping("/api/credit/application-policy")
    @Operation(summary = "The application and review policy: equitySharePct, revenueSharePct, caps by grade, reviewMonths by grade, "
            + "financeAuthority, managerAuthority")
    CreditApplicationPolicy policy() {
        return policies.current();
    }

    @PutMapping("/api/credit/application-policy")
    @Operation(summary = "Change the application and review policy (MANAGER, ADMIN); missing fields keep their value")
    CreditApplicationPolicy update(@RequestBody(required = false) CreditApplicationPolicy.Request body) {
        return policies.update(body);
    }

    private static long id(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.coded("id", raw, "credit.app.id", "an application's number");
        }
    }
}
