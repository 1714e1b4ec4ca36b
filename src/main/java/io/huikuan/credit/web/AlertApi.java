package io.huikuan.credit.web;

import io.huikuan.common.InputRules;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.credit.Alert;
import io.huikuan.credit.AlertEvaluator;
import io.huikuan.credit.AlertRule;
import io.huikuan.credit.AlertRules;
import io.huikuan.credit.Alerts;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Early-warning alerts and rules (预警): the inbox, acknowledge and resolve, the rules and their dry run, an on-demand evaluation. */
@RestController
@Tag(name = "Credit alerts")
class AlertApi {

    private final Alerts alerts;
    private final AlertRules rules;
    private final AlertEvaluator evaluator;
    private final Clock clock;

    AlertApi(Alerts alerts, AlertRules rules, AlertEvaluator evaluator, Clock clock) {
        this.alerts = alerts;
        this.rules = rules;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** The body of acknowledge and resolve. */
    record Note(String note) {
    }

    @GetMapping("/api/alerts")
    @Operation(summary = "Alerts the user may see (a collector: their customers'), newest first: {items, total}; status OPEN|ACKNOWLEDGED|RESOLVED, "
            + "severity LOW|MEDIUM|HIGH, customer (code); page from 0, size ≤ 1000 (default 50)")
    Page<Alert> list(@RequestParam(required = false) String status, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String customer, @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return alerts.page(new Alerts.Filter(status, severity, customer), number("page", page, 0), Page.clampSize(number("size", size, 50)));
    }

    @GetMapping("/api/alerts/count")
    @Operation(summary = "How many OPEN alerts the user may see: {open}")
    Map<String, Long> count() {
        return Map.of("open", alerts.openCount());
    }

    @GetMapping("/api/alerts/{id}")
    Alert one(@PathVariable long id) {
        return alerts.get(id);
    }

    @PostMapping("/api/alerts/{id}/acknowledge")
    @Operation(summary = "OPEN → ACKNOWLEDGED {note (optional)}; 409 when not open")
    Alert acknowledge(@PathVariable long id, @RequestBody(required = false) Note body) {
        return alerts.acknowledge(id, body == null ? null : body.note());
    }

    @PostMapping("/api/alerts/{id}/resolve")
    @Operation(summary = "OPEN or ACKNOWLEDGED → RESOLVED {note (required)}; 409 when resolved already")
    Alert resolve(@PathVariable long id, @RequestBody(required = false) Note body) {
        return alerts.resolve(id, body == null ? null : body.note());
    }

    @PostMapping("/api/alerts/evaluate")
    @Operation(summary = "Evaluate every active rule as of asOf (default today), as the daily run does (ADMIN)")
    AlertEvaluator.Result evaluate(@RequestParam(required = false) String asOf) {
        CurrentUser.require("evaluate the early-warning rules", Role.ADMIN);
        return evaluator.evaluate(date(asOf));
    }

    @GetMapping("/api/alert-rules")
    @Operation(summary = "The early-warning rules")
    List<AlertRule> rules() {
        return rules.all();
    }

    @GetMapping("/api/alert-rules/{id}")
    AlertRule rule(@PathVariable long id) {
        return rules.get(id);
    }

    @PostMapping("/api/alert-rules")
    @Operation(summary = "Define a rule {name, kind, days, amount, pct, count, grade, severity LOW|MEDIUM|HIGH, action REVIEW_LIMIT|HOLD_SUPPLY|"
            + "CALL|ESCALATE, active} (MANAGER, ADMIN); the parameters the kind needs are required (400 naming the field)")
    ResponseEntity<AlertRule> create(@RequestBody(required = false) AlertRule.Request body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(rules.create(body));
    }

    @PutMapping("/api/alert-rules/{id}")
    @Operation(summary = "Change a rule (MANAGER, ADMIN); a field left out keeps its value")
    AlertRule update(@PathVariable long id, @RequestBody(required = false) AlertRule.Request body) {
        return rules.update(id, body);
    }

    @DeleteMapping("/api/alert-rules/{id}")
    @Operation(summary = "Delete a rule (MANAGER, ADMIN): no longer evaluated, its alerts resolved by the next evaluation")
    ResponseEntity<Void> delete(@PathVariable long id) {
        rules.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/alert-rules/{id}/dry-run")
    @Operation(summary = "How many alerts the rule would raise as of asOf (default today), storing nothing: {ruleId, asOf, alerts, newAlerts}")
    AlertEvaluator.DryRun dryRun(@PathVariable long id, @RequestParam(required = false) String asOf) {
        CurrentUser.require("dry-run early-warning rules", Role.MANAGER);
        return evaluator.dryRun(id, date(asOf));
    }

    private LocalDate date(String raw) {
        LocalDate d = InputRules.date("asOf", raw);
        return d == null ? LocalDate.now(clock) : d;
    }

    static int number(String field, String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        throw ValidationException.coded(field, raw, "credit.number", "a whole number, 0 or more");
    }
}
