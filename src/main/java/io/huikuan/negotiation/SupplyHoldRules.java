package io.huikuan.negotiation;

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
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules that propose supply holds, and the automatic release:
 * <ul>
 * <li><b>overdue</b>: after the daily collection run, every customer whose oldest open undisputed item is overdue more
 * than {@code overdueDays} days, not on hold and not yet proposed for that item (a proposal made after the item fell due
 * counts), gets a proposal (or, with {@code autoHold}, the hold);</li>
 * <li><b>promise broken</b>: a broken or partly kept promise proposes a hold;</li>
 * <li><b>plan broken</b>: {@link #planBroken} is the hook the payment plans call when a plan breaks;</li>
 * <li><b>release on payment</b>: when a payment arrives, an active OVERDUE hold whose customer is no longer overdue more
 * than {@code overdueDays} days is released by the system, as is a PROMISE_BROKEN or PLAN_BROKEN hold whose customer has
 * nothing overdue at all; open rule proposals whose cause is cleared are withdrawn. A manual hold is released by hand
 * only.</li>
 * </ul>
 */
@Service
public class SupplyHoldRules {

    /** What a rule pass did. */
    public record Result(int proposed, int held) {
    }

    private final JdbcClient jdbc;
    private final SupplyHoldQueries queries;
    private final HoldProposals proposals;
    private final SupplyHolds holds;
    private final CustomerService customers;
    private final Clock clock;

    SupplyHoldRules(JdbcClient jdbc, SupplyHoldQueries queries, HoldProposals proposals, SupplyHolds holds, CustomerService customers,
            Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.proposals = proposals;
        this.holds = holds;
        this.customers = customers;
        this.clock = clock;
    }

    public HoldRuleSettings settings() {
        return jdbc.sql("SELECT overdue_on, overdue_days, promise_broken_on, plan_broken_on, auto_hold, updated_by, updated_at FROM supply_hold_rule")
                .query((rs, n) -> new HoldRuleSettings(rs.getBoolean(1), rs.getInt(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()))
                .single();
    }

    /** Changes the rules (managers and administrators): {@code overdueDays} 1..3650. */
    @Transactional
    public HoldRuleSettings update(Boolean overdueOn, Integer overdueDays, Boolean promiseBrokenOn, Boolean planBrokenOn, Boolean autoHold) {
        CurrentUser user = CurrentUser.require("change the supply hold rules", Role.MANAGER);
        HoldRuleSettings now = settings();
        List<FieldError> errors = new ArrayList<>();
        int days = overdueDays == null ? now.overdueDays() : overdueDays;
        if (days < 1 || days > 3650) {
            errors.add(FieldError.coded("overdueDays", overdueDays, "hold.days", "must be between 1 and 3650 days", 1, 3650));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        jdbc.sql("""
                UPDATE supply_hold_rule SET overdue_on = ?, overdue_days = ?, promise_broken_on = ?, plan_broken_on = ?, auto_hold = ?,
                       updated_by = ?, updated_at = ? WHERE id = 1""")
                .params(overdueOn == null ? now.overdueOn() : overdueOn, days, promiseBrokenOn == null ? now.promiseBrokenOn() : promiseBrokenOn,
                        planBrokenOn == null ? now.planBrokenOn() : planBrokenOn, autoHold == null ? now.autoHold() : autoHold, user.username(),
                        Timestamp.from(clock.instant()))
                .update();
        return settings();
    }

    /** The overdue days typed in a form (blank: unchanged); a number or a {@link ValidationException} naming overdueDays. */
    public static Integer days(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.coded("overdueDays", raw, "hold.days", "must be between 1 and 3650 days", 1, 3650);
        }
    }

    /** The overdue rule as of the run's date (run as the system after each daily collection run). */
    @Transactional
    public Result evaluate(LocalDate asOf) {
        HoldRuleSettings s = settings();
        if (!s.overdueOn()) {
            return new Result(0, 0);
        }
        int proposed = 0;
        int held = 0;
        for (SupplyHoldQueries.Overdue o : queries.overdueBeyond(asOf, s.overdueDays(), -1)) {
            if (queries.active(o.customerId()).isPresent() || queries.proposedSince(o.customerId(), HoldSource.OVERDUE, o.anchorDue())) {
                continue;
            }
            String reason = "overdue " + o.days() + " days (more than " + s.overdueDays() + "): oldest item due " + o.anchorDue();
            if (ruleHold(o.customerId(), HoldSource.OVERDUE, reason, asOf, s.autoHold()).isPresent()) {
                if (s.autoHold()) {
                    held++;
                } else {
                    proposed++;
                }
            }
        }
        return new Result(proposed, held);
    }

    /** A promise to pay was broken (or partly kept) on {@code on}. */
    @Transactional
    public Optional<SupplyHold> promiseBroken(String customerCode, long promiseId, LocalDate on) {
        HoldRuleSettings s = settings();
        if (!s.promiseBrokenOn()) {
            return Optional.empty();
        }
        return customers.findRef(customerCode).flatMap(ref -> queries.active(ref.id()).isPresent() ? Optional.empty()
                : ruleHold(ref.id(), HoldSource.PROMISE_BROKEN, "promise to pay " + promiseId + " broken", on, s.autoHold()));
    }

    /**
     * The hook for payment plans: a plan of the customer broke on {@code on} (its first missed installment). Proposes
     * (or with {@code autoHold} places) a PLAN_BROKEN hold, released when nothing is overdue any more.
     */
    @Transactional
    public Optional<SupplyHold> planBroken(String customerCode, long planId, LocalDate on) {
        HoldRuleSettings s = settings();
        if (!s.planBrokenOn()) {
            return Optional.empty();
        }
        return customers.findRef(customerCode).flatMap(ref -> queries.active(ref.id()).isPresent() ? Optional.empty()
                : ruleHold(ref.id(), HoldSource.PLAN_BROKEN, "payment plan " + planId + " broken", on, s.autoHold()));
    }

    /**
     * An early-warning rule whose suggested action is to hold supply fired for the customer on {@code on} (the credit
     * module's alerts): proposes a CREDIT_ALERT hold for a manager to decide, unless the customer is on hold already or has
     * such a proposal open. Never places the hold by itself.
     */
    @Transactional
    public Optional<SupplyHold> creditAlert(String customerCode, String reason, LocalDate on, java.math.BigDecimal overdue, int overdueDays) {
        CustomerRef ref = customers.findRef(customerCode).orElse(null);
        if (ref == null || queries.active(ref.id()).isPresent() || queries.live("P:" + ref.id() + ":" + HoldSource.CREDIT_ALERT.name())) {
            return Optional.empty();
        }
        String why = reason.length() > 480 ? reason.substring(0, 480) + "…" : reason;
        return Optional.of(proposals.propose(ref, HoldSource.CREDIT_ALERT, why, on, CurrentUser.SYSTEM.username(), overdue, overdueDays));
    }

    /** A payment of the customer arrived on {@code paymentDate}: releases rule-based holds whose cause it cleared. */
    @Transactional
    public Optional<SupplyHold> paymentArrived(String customerCode, String paymentRef, LocalDate paymentDate) {
        CustomerRef ref = customers.findRef(customerCode).orElse(null);
        if (ref == null) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        int days = settings().overdueDays();
        for (SupplyHold p : queries.proposals(ref.id())) {
            if (p.source().releasedByPayment() && !stillCaused(ref.id(), p.source(), today, days)) {
                proposals.close(p.id(), CurrentUser.SYSTEM.username(), "cause cleared by payment " + paymentRef);
            }
        }
        Optional<SupplyHold> active = queries.active(ref.id());
        if (active.isEmpty() || !active.get().source().releasedByPayment() || stillCaused(ref.id(), active.get().source(), today, days)) {
            return Optional.empty();
        }
        String why = active.get().source() == HoldSource.OVERDUE
                ? "payment " + paymentRef + " of " + paymentDate + " cleared the overdue of more than " + days + " days"
                : "payment " + paymentRef + " of " + paymentDate + " cleared everything overdue";
        return Optional.of(holds.releaseBySystem(active.get(), today, why));
    }

    private boolean stillCaused(long customerId, HoldSource source, LocalDate today, int days) {
        return queries.overdue(customerId, today, source == HoldSource.OVERDUE ? days : 0);
    }

    private Optional<SupplyHold> ruleHold(long customerId, HoldSource source, String reason, LocalDate on, boolean auto) {
        String system = CurrentUser.SYSTEM.username();
        // checked first, not caught: on PostgreSQL a failed insert would abort the whole pass's transaction
        if (queries.active(customerId).isPresent() || queries.live("P:" + customerId + ":" + source.name())) {
            return Optional.empty();
        }
        if (auto) {
            long id = proposals.insert(customerId, HoldStatus.ACTIVE, source, reason, on, system);
            jdbc.sql("UPDATE supply_hold SET held_on = ?, held_by = ?, live_key = ? WHERE id = ?")
                    .params(Date.valueOf(on), system, "H:" + customerId, id).update();
            return Optional.of(holds.activated(id, system));
        }
        CustomerRef ref = customers.findRef(queries.customerCode(customerId)).orElseThrow();
        return Optional.of(proposals.propose(ref, source, reason, on, system));
    }
}
