package io.huikuan.negotiation.web;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.negotiation.HoldRuleSettings;
import io.huikuan.negotiation.HoldStatus;
import io.huikuan.negotiation.SupplyHold;
import io.huikuan.negotiation.SupplyHoldQueries;
import io.huikuan.negotiation.SupplyHoldRules;
import io.huikuan.negotiation.SupplyHolds;
import io.huikuan.negotiation.SupplyStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Supply holds (投桃报李) for the ERP and API clients: the status as of a date, holds, releases, proposals, the rules. */
@RestController
@Tag(name = "Supply hold")
class SupplyHoldApi {

    record HoldRequest(String reason, String since) {
    }

    record ReleaseRequest(String reason, String releasedOn) {
    }

    record DecisionRequest(String reason, String note) {
    }

    record RulesRequest(Boolean overdueOn, Integer overdueDays, Boolean promiseBrokenOn, Boolean planBrokenOn, Boolean autoHold) {
    }

    private final SupplyHolds holds;
    private final SupplyHoldQueries queries;
    private final SupplyHoldRules rules;

    SupplyHoldApi(SupplyHolds holds, SupplyHoldQueries queries, SupplyHoldRules rules) {
        this.holds = holds;
        this.queries = queries;
        this.rules = rules;
    }

    @GetMapping("/api/customers/{code}/supply-status")
    @Operation(summary = "May we deliver? {hold: true|false, reason, since, by, holdId, source, asOf, customerCode} as of asOf "
            + "(yyyy-MM-dd, default today), from holds dated on or before it")
    SupplyStatus status(@PathVariable String code, @RequestParam(required = false) String asOf) {
        return holds.status(code, InputRules.date("asOf", asOf));
    }

    @GetMapping("/api/customers/{code}/supply-holds")
    @Operation(summary = "The customer's holds and proposals, newest first")
    List<SupplyHold> history(@PathVariable String code) {
        return holds.history(code);
    }

    @PostMapping("/api/customers/{code}/supply-holds")
    @Operation(summary = "Place a hold {reason, since (yyyy-MM-dd, default today)} (MANAGER, FINANCE, ADMIN: status ACTIVE), or propose "
            + "one (COLLECTOR for own customers, LEGAL: status PROPOSED, a task for the managers); 409 when already on hold")
    ResponseEntity<SupplyHold> place(@PathVariable String code, @RequestBody(required = false) HoldRequest body) {
        HoldRequest b = body == null ? new HoldRequest(null, null) : body;
        return ResponseEntity.status(HttpStatus.CREATED).body(holds.place(code, new SupplyHolds.NewHold(b.reason(), InputRules.date("since", b.since()))));
    }

    @PostMapping("/api/customers/{code}/supply-holds/release")
    @Operation(summary = "Release the customer's hold {reason, releasedOn (default today)} (MANAGER, FINANCE, ADMIN); 409 when not on hold")
    SupplyHold release(@PathVariable String code, @RequestBody(required = false) ReleaseRequest body) {
        ReleaseRequest b = body == null ? new ReleaseRequest(null, null) : body;
        return holds.release(code, b.reason(), InputRules.date("releasedOn", b.releasedOn()));
    }

    @GetMapping("/api/supply-holds")
    @Operation(summary = "Holds by status (PROPOSED|ACTIVE|RELEASED|REJECTED; default the proposed and active ones); a collector sees "
            + "only own customers")
    List<SupplyHold> list(@RequestParam(required = false) String status) {
        return queries.list(status(status), CurrentUser.get().portfolioOnly() ? CurrentUser.get().username() : null, 500);
    }

    @GetMapping("/api/supply-holds/{id}")
    SupplyHold get(@PathVariable long id) {
        return holds.get(id);
    }

    @PostMapping("/api/supply-holds/{id}/approve")
    @Operation(summary = "Approve a proposed hold {note (optional)} (MANAGER, FINANCE, ADMIN): on hold from today")
    SupplyHold approve(@PathVariable long id, @RequestBody(required = false) DecisionRequest body) {
        return holds.approve(id, body == null ? null : body.note());
    }

    @PostMapping("/api/supply-holds/{id}/reject")
    @Operation(summary = "Reject a proposed hold {reason} (MANAGER, FINANCE, ADMIN)")
    SupplyHold reject(@PathVariable long id, @RequestBody(required = false) DecisionRequest body) {
        return holds.reject(id, body == null ? null : body.reason());
    }

    @GetMapping("/api/supply-hold-rules")
    @Operation(summary = "The rules that propose holds: {overdueOn, overdueDays, promiseBrokenOn, planBrokenOn, autoHold}")
    HoldRuleSettings rules() {
        CurrentUser.require("see the supply hold rules", io.huikuan.identity.Role.MANAGER, io.huikuan.identity.Role.FINANCE);
        return rules.settings();
    }

    @PutMapping("/api/supply-hold-rules")
    @Operation(summary = "Change the rules (MANAGER, ADMIN); fields left out keep their value; overdueDays 1..3650")
    HoldRuleSettings updateRules(@RequestBody RulesRequest r) {
        return rules.update(r.overdueOn(), r.overdueDays(), r.promiseBrokenOn(), r.planBrokenOn(), r.autoHold());
    }

    static HoldStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return HoldStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.coded("status", raw, "hold.status", "one of PROPOSED, ACTIVE, RELEASED, REJECTED");
        }
    }
}
