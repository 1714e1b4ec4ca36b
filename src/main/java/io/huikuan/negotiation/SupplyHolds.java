package io.huikuan.negotiation;

import io.huikuan.common.ConflictException;
import io.huikuan.common.InputRules;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supply holds (投桃报李): managers, finance and administrators place and release them by hand (with a reason) and decide
 * proposals; collectors and legal propose one for a manager to approve. Every change that puts a customer on hold or
 * releases it publishes {@link SupplyHoldChanged}. A customer has at most one active hold and one open proposal per
 * source (the {@code live_key} constraint), so two nodes or two clicks never place it twice.
 */
@Service
public class SupplyHolds {

    static final Role[] DECIDERS = {Role.MANAGER, Role.FINANCE};
    static final int MAX_REASON = 500;

    /** A hold asked for by hand: why, and from which day (null: today; not in the future). */
    public record NewHold(String reason, LocalDate since) {
    }

    private final CustomerService customers;
    private final SupplyHoldQueries queries;
    private final HoldProposals proposals;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupplyHolds(CustomerService customers, SupplyHoldQueries queries, HoldProposals proposals, JdbcClient jdbc, ApplicationEventPublisher events,
            Clock clock) {
        this.customers = customers;
        this.queries = queries;
        this.proposals = proposals;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** May the current user place, release and decide holds? */
    public static boolean mayDecide() {
        CurrentUser u = CurrentUser.get();
        return u.has(Role.ADMIN) || u.has(Role.MANAGER) || u.has(Role.FINANCE);
    }

    /** May the current user propose a hold (collectors and legal; deciders place it directly)? */
    public static boolean mayPropose() {
        CurrentUser u = CurrentUser.get();
        return mayDecide() || u.has(Role.COLLECTOR) || u.has(Role.LEGAL);
    }

    /** The customer's supply status as of {@code asOf} (null: today), from holds dated on or before it. */
    public SupplyStatus status(String code, LocalDate asOf) {
        CustomerRef ref = customers.ref(code);
        LocalDate day = asOf == null ? LocalDate.now(clock) : InputRules.checkDate("asOf", asOf);
        return queries.inForce(ref.id(), day)
                .map(h -> new SupplyStatus(ref.code(), true, h.reason(), h.heldOn(), h.heldBy(), h.id(), h.source(), day))
                .orElse(new SupplyStatus(ref.code(), false, null, null, null, null, null, day));
    }

    public List<SupplyHold> history(String code) {
        return queries.history(customers.ref(code).id());
    }

    public SupplyHold get(long id) {
        SupplyHold h = queries.find(id).orElseThrow(() -> new NotFoundException("supply hold", String.valueOf(id)));
        customers.ref(h.customerCode()); // a collector sees only their own customers' holds
        return h;
    }

    /**
     * Places a hold by hand (managers, finance, administrators), or proposes it for a manager to approve (collectors,
     * legal: the answer's status is PROPOSED).
     */
    @Transactional
    public SupplyHold place(String code, NewHold h) {
        CurrentUser user = CurrentUser.require("place or propose a supply hold", Role.MANAGER, Role.FINANCE, Role.COLLECTOR, Role.LEGAL);
        CustomerRef ref = customers.ref(code);
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        String reason = reason(errors, "reason", h == null ? null : h.reason());
        LocalDate since = h == null || h.since() == null ? today : h.since();
        InputRules.dateRule("since", since).ifPresent(errors::add);
        if (since.isAfter(today)) {
            errors.add(FieldError.coded("since", since, "hold.future", "may not be after today (" + today + ")", today));
        }
        boolean direct = mayDecide();
        if (!direct && !since.equals(today)) {
            errors.add(FieldError.coded("since", since, "hold.proposalToday", "a proposal takes effect when approved: leave since empty"));
        }
        LocalDate lastRelease = lastRelease(ref.id());
        if (lastRelease != null && since.isBefore(lastRelease)) {
            errors.add(FieldError.coded("since", since, "hold.beforeRelease", "may not be before the last release on " + lastRelease,
                    lastRelease));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (queries.active(ref.id()).isPresent()) {
            throw new ConflictException("customerCode", "customer " + ref.code() + " is already on hold: release it first");
        }
        if (!direct) {
            return proposals.propose(ref, HoldSource.MANUAL, reason, today, user.username());
        }
        long id = proposals.insert(ref.id(), HoldStatus.ACTIVE, HoldSource.MANUAL, reason, today, user.username());
        jdbc.sql("UPDATE supply_hold SET held_on = ?, held_by = ?, live_key = ? WHERE id = ?")
                .params(Date.valueOf(since), user.username(), "H:" + ref.id(), id).update();
        return activated(id, user.username());
    }

    /** Approves a proposal (managers, finance, administrators): the customer is on hold from today. */
    @Transactional
    public SupplyHold approve(long id, String note) {
        CurrentUser user = CurrentUser.require("approve a supply hold", DECIDERS);
        SupplyHold h = proposal(id);
        List<FieldError> errors = new ArrayList<>();
        String checked = note == null || note.isBlank() ? null : reason(errors, "note", note);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        CustomerRef ref = customers.ref(h.customerCode());
        if (queries.active(ref.id()).isPresent()) {
            throw new ConflictException("id", "customer " + ref.code() + " is already on hold: reject this proposal or release the hold first");
        }
        jdbc.sql("""
                UPDATE supply_hold SET status = 'ACTIVE', held_on = ?, held_by = ?, decided_by = ?, decided_at = ?, decision_note = ?, live_key = ?
                WHERE id = ? AND status = 'PROPOSED'""")
                .params(Date.valueOf(LocalDate.now(clock)), user.username(), user.username(), Timestamp.from(clock.instant()), checked,
                        "H:" + ref.id(), id).update();
        proposals.taskDone(id, user.username());
        return activated(id, user.username());
    }

    /** Rejects a proposal with a reason (managers, finance, administrators). */
    @Transactional
    public SupplyHold reject(long id, String reason) {
        CurrentUser user = CurrentUser.require("reject a supply hold", DECIDERS);
        SupplyHold h = proposal(id);
        List<FieldError> errors = new ArrayList<>();
        String checked = reason(errors, "reason", reason);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        proposals.close(h.id(), user.username(), checked);
        return queries.find(id).orElseThrow();
    }

    /** Releases the customer's hold by hand with a reason, on {@code on} (null: today; not before the hold, not in the future). */
    @Transactional
    public SupplyHold release(String code, String reason, LocalDate on) {
        CurrentUser user = CurrentUser.require("release a supply hold", DECIDERS);
        CustomerRef ref = customers.ref(code);
        SupplyHold h = queries.active(ref.id())
                .orElseThrow(() -> new ConflictException("customerCode", "customer " + ref.code() + " is not on hold"));
        LocalDate today = LocalDate.now(clock);
        LocalDate day = on == null ? today : on;
        List<FieldError> errors = new ArrayList<>();
        String checked = reason(errors, "reason", reason);
        InputRules.dateRule("releasedOn", day).ifPresent(errors::add);
        if (day.isAfter(today)) {
            errors.add(FieldError.coded("releasedOn", day, "hold.future", "may not be after today (" + today + ")", today));
        }
        if (day.isBefore(h.heldOn())) {
            errors.add(FieldError.coded("releasedOn", day, "hold.releaseBeforeHold", "may not be before the hold began on " + h.heldOn(),
                    h.heldOn()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return released(h, day, user.username(), checked);
    }

    /** Releases a hold as the system (a payment cleared its cause). */
    @Transactional
    public SupplyHold releaseBySystem(SupplyHold h, LocalDate on, String reason) {
        return released(h, on.isBefore(h.heldOn()) ? h.heldOn() : on, CurrentUser.SYSTEM.username(), reason);
    }

    private SupplyHold released(SupplyHold h, LocalDate day, String by, String reason) {
        int n = jdbc.sql("""
                UPDATE supply_hold SET status = 'RELEASED', released_on = ?, released_by = ?, release_reason = ?, live_key = NULL
                WHERE id = ? AND status = 'ACTIVE'""").params(Date.valueOf(day), by, reason, h.id()).update();
        if (n == 0) {
            throw new ConflictException("id", "supply hold " + h.id() + " is no longer active");
        }
        events.publishEvent(new SupplyHoldChanged(h.id(), h.customerCode(), false, reason, h.reason(), h.source(), h.heldOn(), day, by));
        return queries.find(h.id()).orElseThrow();
    }

    /** After a hold became ACTIVE: other open proposals of the customer are closed, the change is published. */
    SupplyHold activated(long id, String by) {
        SupplyHold h = queries.find(id).orElseThrow();
        long customerId = customers.findRef(h.customerCode()).orElseThrow().id();
        for (SupplyHold p : queries.proposals(customerId)) {
            proposals.close(p.id(), by, "already on hold (hold " + id + ")");
        }
        events.publishEvent(new SupplyHoldChanged(h.id(), h.customerCode(), true, h.reason(), h.reason(), h.source(), h.heldOn(), null, by));
        return h;
    }

    private SupplyHold proposal(long id) {
        SupplyHold h = get(id);
        if (h.status() != HoldStatus.PROPOSED) {
            throw new ConflictException("id", "supply hold " + id + " is " + h.status() + ", not PROPOSED");
        }
        return h;
    }

    private LocalDate lastRelease(long customerId) {
        Date d = jdbc.sql("SELECT max(released_on) FROM supply_hold WHERE customer_id = ? AND status = 'RELEASED'").param(customerId)
                .query(Date.class).optional().orElse(null);
        return d == null ? null : d.toLocalDate();
    }

    static String reason(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.coded(field, value, "required", "is required: say why"));
            return null;
        }
        String v = value.strip();
        InputRules.textRule(field, v).ifPresent(errors::add);
        InputRules.length(errors, field, v, MAX_REASON);
        return v;
    }
}
