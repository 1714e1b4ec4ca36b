package io.huikuan.ledger.web;

import io.huikuan.ledger.Dispute;
import io.huikuan.ledger.DisputeQueries;
import io.huikuan.ledger.DisputeService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dispute list with the ageing of open disputes, one dispute, and resolving one with an outcome. */
@RestController
@RequestMapping("/api/disputes")
@Tag(name = "Disputes")
class DisputeApi {

    private final DisputeService disputes;
    private final DisputeQueries queries;
    private final Clock clock;

    DisputeApi(DisputeService disputes, DisputeQueries queries, Clock clock) {
        this.disputes = disputes;
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Disputes opened by asOf (default today), newest first, with their status then (OPEN or RESOLVED), days open, "
            + "overdue (past dueBy), and the ageing of the open ones (bands 0-7, 8-30, 31-60, 60+ days: count and amount); filters status, "
            + "category, owner (a function or a username), customer (code)")
    DisputeQueries.Listing list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String customer,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return queries.list(status, category, owner, customer, asOf == null ? LocalDate.now(clock) : asOf);
    }

    @GetMapping("/{id}")
    Dispute get(@PathVariable long id) {
        return disputes.get(id);
    }

    record ResolveRequest(LocalDate resolvedOn, String outcome, BigDecimal amount, String note, String creditNoteNo) {
    }

    @PostMapping("/{id}/resolve")
    @Operation(summary = "Resolve a dispute (resolvedOn defaults to today) with outcome CREDIT_NOTE (posts a credit note for amount, at most "
            + "the disputed amount, numbered creditNoteNo or DSP-<id>; finance or managers), REBILL (the invoice will be re-issued: noted, "
            + "nothing posted), REJECTED or WITHDRAWN (the amount is collected again); note optional")
    Dispute resolve(@PathVariable long id, @RequestBody ResolveRequest r) {
        return disputes.resolve(id, new DisputeService.Resolution(r.resolvedOn(), r.outcome(), r.amount(), r.note(), r.creditNoteNo()));
    }
}
