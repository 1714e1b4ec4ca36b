package io.huikuan.legal.web;

import io.huikuan.common.InputRules;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.legal.LimitationClock;
import io.huikuan.legal.LimitationEventKind;
import io.huikuan.legal.LimitationEvents;
import io.huikuan.legal.LimitationItem;
import io.huikuan.legal.LimitationStatus;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The limitation clock (诉讼时效) of open invoices and the events that interrupt it. */
@RestController
class LimitationApi {

    static final int MAX_SIZE = 1000;

    /** The body of POST /api/limitation-events. */
    record EventRequest(String customerCode, List<String> invoiceNos, LocalDate date, LimitationEventKind kind, String evidence,
            Long attachmentId) {
    }

    /** The body of POST /api/limitation-events/{id}/courier-receipt. */
    record CourierReceipt(String courierNo, LocalDate deliveredOn) {
    }

    /** The body of POST /api/limitation-events/signed-confirmations. */
    record SignedReply(String customerCode, Long documentId, LocalDate signedOn, String evidence) {
    }

    /** The answer of GET /api/limitation. */
    record Items(List<LimitationItem> items, long total, int page, int size, LocalDate asOf) {
    }

    private final LimitationClock limitation;
    private final LimitationEvents events;
    private final io.huikuan.legal.SignedConfirmations confirmations;
    private final Clock clock;

    LimitationApi(LimitationClock limitation, LimitationEvents events, io.huikuan.legal.SignedConfirmations confirmations, Clock clock) {
        this.limitation = limitation;
        this.events = events;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    @PostMapping("/api/limitation-events/signed-confirmations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Records the debtor's signed reply to an issued balance confirmation (documentId) as ACKNOWLEDGED on signedOn for "
            + "every invoice of the customer open that day; once per confirmation; legal, managers and admins")
    LimitationEvents.Event signedConfirmation(@RequestBody SignedReply body) {
        if (body == null || body.documentId() == null) {
            throw new ValidationException("documentId", null, "is required: the id of the issued balance confirmation");
        }
        if (body.customerCode() == null || body.customerCode().isBlank()) {
            throw new ValidationException("customerCode", null, "is required");
        }
        long id = confirmations.record(body.customerCode().strip(), body.documentId(), body.signedOn(), body.evidence());
        return events.find(id).orElseThrow();
    }

    @GetMapping("/api/limitation")
    @Operation(summary = "The limitation clock of every invoice open at asOf (default today), from facts dated on or before it: runsFrom, "
            + "expiresOn, daysLeft, status RUNNING|EXPIRING|EXPIRED|IN_PROCEEDINGS and the last counting interruption; by expiresOn, "
            + "then invoiceNo; customer and status narrow it; collectors see their own customers")
    Items items(@RequestParam(required = false) String asOf, @RequestParam(required = false) String customer,
            @RequestParam(required = false) String status, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : InputRules.date("asOf", asOf);
        InputRules.textRule("customer", customer).ifPresent(e -> {
            throw new ValidationException(List.of(e));
        });
        LimitationStatus s = status(status);
        int p = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE, "a page number from 0");
        int n = number("size", size, 50, 1, MAX_SIZE, "a page size from 1 to " + MAX_SIZE);
        Page<LimitationItem> result = limitation.items(date, customer, s, p, n);
        return new Items(result.items(), result.total(), p, n, date);
    }

    @GetMapping("/api/limitation/months")
    @Operation(summary = "Open amounts by the month their limitation period ends (24 months from asOf's month, then LATER), "
            + "with EXPIRED and IN_PROCEEDINGS apart, per currency")
    List<LimitationClock.ExpiryMonth> months(@RequestParam(required = false) String asOf, @RequestParam(required = false) String customer) {
        InputRules.textRule("customer", customer).ifPresent(e -> {
            throw new ValidationException(List.of(e));
        });
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : InputRules.date("asOf", asOf);
        return limitation.byExpiryMonth(date, customer, 24);
    }

    @PostMapping("/api/limitation-events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Records an event that interrupts the limitation period (invoiceNos omitted: every invoice of the customer open "
            + "on that date); legal, managers and admins only; answers the event with counts and the note saying why it does not count")
    LimitationEvents.Event record(@RequestBody EventRequest body) {
        CurrentUser user = CurrentUser.require("record limitation events", Role.LEGAL, Role.MANAGER);
        if (body == null) {
            throw new ValidationException("body", null, "is required");
        }
        long id = events.record(new LimitationEvents.NewEvent(body.customerCode(), body.invoiceNos(), body.date(), body.kind(), body.evidence(),
                "MANUAL", null, body.attachmentId()), user.username());
        return events.find(id).orElseThrow();
    }

    @GetMapping("/api/limitation-events")
    @Operation(summary = "A customer's limitation events dated on or before asOf (default today), oldest first, with whether each counts")
    List<LimitationEvents.Event> timeline(@RequestParam String customer, @RequestParam(required = false) String asOf) {
        InputRules.textRule("customer", customer).ifPresent(e -> {
            throw new ValidationException(List.of(e));
        });
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : InputRules.date("asOf", asOf);
        return events.timeline(customer, date);
    }

    @PostMapping("/api/limitation-events/{id}/courier-receipt")
    @Operation(summary = "Enters the courier receipt of a paper letter: from then on it counts as a demand delivered on deliveredOn")
    LimitationEvents.Event courierReceipt(@PathVariable long id, @RequestBody CourierReceipt body) {
        CurrentUser user = CurrentUser.require("enter courier receipts", Role.LEGAL, Role.MANAGER, Role.FINANCE);
        if (events.find(id).isEmpty()) {
            throw new NotFoundException("limitation event", String.valueOf(id));
        }
        return events.enterCourierReceipt(id, body == null ? null : body.courierNo(), body == null ? null : body.deliveredOn(), user.username());
    }

    static LimitationStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LimitationStatus.valueOf(raw.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("status", raw, "one of RUNNING, EXPIRING, EXPIRED, IN_PROCEEDINGS");
        }
    }

    static int number(String field, String raw, int fallback, int min, int max, String rule) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new ValidationException(field, raw, rule);
    }
}
