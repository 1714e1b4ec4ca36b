package io.huikuan.worklist.web;

import io.huikuan.common.Page;
import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.PromiseStatus;
import io.huikuan.worklist.Promises;
import io.huikuan.worklist.Promises.Promise;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Promises to pay (承诺付款) for API clients: record, list, evaluate, keeping rate. */
@RestController
@Tag(name = "Promises")
class PromiseApi {

    /** A promise as a client sends it; the channel as text so a bad one is named. */
    record PromiseRequest(String customerCode, Long contactId, Long activityId, String channel, BigDecimal amount, LocalDate promisedDate,
            LocalDate madeOn, String notes) {
    }

    private final Promises promises;

    PromiseApi(Promises promises) {
        this.promises = promises;
    }

    @PostMapping("/api/promises")
    @Operation(summary = "Record a promise to pay: customerCode, amount (> 0, CNY), promisedDate (not before madeOn), madeOn (default today, "
            + "not in the future), contactId and activityId of the same customer, channel, notes")
    ResponseEntity<Promise> create(@RequestBody PromiseRequest r) {
        Promise created = promises.create(new Promises.NewPromise(r.customerCode(), r.contactId(), r.activityId(),
                ScriptApi.parse(Channel.class, "channel", r.channel()), r.amount(), r.promisedDate(), r.madeOn(), r.notes()));
        return ResponseEntity.created(URI.create("/api/promises/" + created.id())).body(created);
    }

    @GetMapping("/api/promises")
    @Operation(summary = "Promises, newest first; status open|kept|partly_kept|broken (any case), customer = a customer code; "
            + "collectors see their own customers' only")
    Page<Promise> list(@RequestParam(required = false) String status, @RequestParam(required = false) String customer,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return promises.search(status(status), customer, Math.max(0, page), Page.clampSize(size));
    }

    @GetMapping("/api/promises/{id}")
    Promise get(@PathVariable long id) {
        return promises.get(id);
    }

    @PostMapping("/api/promises/evaluate")
    @Operation(summary = "Settle the open promises as of a date (default today): kept, partly kept, broken; idempotent (MANAGER or ADMIN)")
    Promises.Evaluation evaluate(@RequestParam(required = false) String asOf) {
        return promises.evaluate(InputRules.date("asOf", asOf));
    }

    @GetMapping("/api/customers/{code}/promise-keeping")
    @Operation(summary = "A customer's settled promises and keeping rate in percent: (kept + paid share of partly kept) ÷ settled × 100; "
            + "null when none was settled")
    Promises.KeepingRate keeping(@PathVariable String code) {
        return promises.keeping(code);
    }

    /** A status filter by name in any case; a bad one names the field and the choices. */
    static PromiseStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PromiseStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> choices = Arrays.stream(PromiseStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
            throw ValidationException.coded("status", value, "promise.status", "one of " + choices, String.join(", ", choices));
        }
    }
}
