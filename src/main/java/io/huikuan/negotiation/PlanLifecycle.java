package io.huikuan.negotiation;

import io.huikuan.identity.Role;
import io.huikuan.legal.LimitationEventKind;
import io.huikuan.legal.LimitationEvents;
import io.huikuan.strategy.CollectionPauses;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.SystemTasks;
import io.huikuan.worklist.TaskKind;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What happens around a plan's life, in the caller's transaction: when it becomes ACTIVE its invoices leave the strategy
 * (paused as PAYMENT_PLAN) and the agreement is recorded as the debtor's acknowledgement of the debt; when it ends
 * (cancelled, broken, completed) the pauses end, its follow-up tasks close and its invoices are free for another plan.
 */
@Component
class PlanLifecycle {

    /** The reason of the strategy pauses of a plan; the source ref is the plan id. */
    static final String PAUSE = "PAYMENT_PLAN";

    private final JdbcClient jdbc;
    private final PaymentPlanQueries queries;
    private final CollectionPauses pauses;
    private final LimitationEvents limitation;
    private final SystemTasks tasks;
    private final PlanLedger ledger;

    PlanLifecycle(JdbcClient jdbc, PaymentPlanQueries queries, CollectionPauses pauses, LimitationEvents limitation, SystemTasks tasks,
            PlanLedger ledger) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.queries = queries;
        this.pauses = pauses;
        this.limitation = limitation;
        this.tasks = tasks;
    }

    /**
     * The plan is approved on {@code on}: ACTIVE, its agreed interest posted as an invoice ({@link PlanLedger}), its invoices
     * (and that one) paused, the acknowledgement recorded.
     */
    void activate(long id, LocalDate on, String by) {
        int n = jdbc.sql("UPDATE payment_plan SET status = 'ACTIVE', approved_on = ? WHERE id = ? AND status = 'PENDING_APPROVAL'")
                .params(Date.valueOf(on), id).update();
        if (n == 0) {
            return;
        }
        PaymentPlanQueries.Row plan = queries.find(id).orElseThrow();
        List<PaymentPlanQueries.OpenInvoice> invoices = queries.invoices(id);
        List<PlanWaterfall.Scheduled> schedule = queries.schedule(id);
        Long interestInvoice = ledger.postInterest(plan, schedule.get(schedule.size() - 1).dueDate());
        List<Long> paused = new java.util.ArrayList<>(invoices.stream().map(PaymentPlanQueries.OpenInvoice::id).toList());
        if (interestInvoice != null) {
            paused.add(interestInvoice);
        }
        pauses.pause(PAUSE, String.valueOf(id), plan.customerId(), paused, on);
        limitation.record(new LimitationEvents.NewEvent(plan.customerCode(), invoices.stream().map(PaymentPlanQueries.OpenInvoice::invoiceNo).toList(),
                plan.agreedOn(), LimitationEventKind.ACKNOWLEDGED, "payment plan " + id + " agreed on " + plan.agreedOn() + " (total "
                        + plan.total().toPlainString() + " " + plan.currency() + ")", "PLAN", String.valueOf(id), null), by);
    }

    /** The plan ends on {@code on}: pauses resumed, open follow-ups closed ({@code done}) or cancelled, invoices freed. */
    void end(PaymentPlanQueries.Row plan, LocalDate on, boolean done, String by) {
        jdbc.sql("UPDATE payment_plan_invoice SET live_invoice_id = NULL WHERE plan_id = ?").param(plan.id()).update();
        pauses.resume(PAUSE, String.valueOf(plan.id()), on);
        int count = queries.schedule(plan.id()).size();
        for (int n = 1; n <= count; n++) {
            if (done) {
                tasks.done(plan.customerId(), followUpKey(plan.id(), n), by);
            } else {
                tasks.cancel(plan.customerId(), followUpKey(plan.id(), n));
            }
        }
    }

    /** The plan was paid in full on {@code on}: the waiver it agreed is credited ({@link PlanLedger#creditWaiver}). */
    void completed(PaymentPlanQueries.Row plan, LocalDate on) {
        ledger.creditWaiver(plan, on);
    }

    /** Opens the follow-up of installment {@code number} (once per plan and installment). */
    boolean followUp(PaymentPlanQueries.Row plan, PaymentPlan.Installment i, LocalDate on) {
        BigDecimal open = i.amount().subtract(i.paid());
        return tasks.open(new SystemTasks.NewTask(plan.customerId(), followUpKey(plan.id(), i.number()), TaskKind.PLAN_INSTALLMENT, Channel.PHONE,
                Role.COLLECTOR, plan.owner(), on, open, 0, "plan-installment|" + plan.id() + "|" + i.number() + "|" + i.dueDate() + "|"
                        + open.toPlainString(), "/payment-plans/" + plan.id()));
    }

    /** Closes the follow-up of a paid installment. */
    void paid(PaymentPlanQueries.Row plan, int number, String by) {
        tasks.done(plan.customerId(), followUpKey(plan.id(), number), by);
    }

    /** The escalation of a broken plan: to the collector, or to the managers for a repeat breaker. */
    boolean escalate(PaymentPlanQueries.Row plan, LocalDate on, int installment, BigDecimal remaining, int daysLate, boolean repeat) {
        return tasks.open(new SystemTasks.NewTask(plan.customerId(), "PLAN-BROKEN-" + plan.id(), TaskKind.PLAN_BROKEN,
                repeat ? Channel.MANAGER_CALL : Channel.PHONE, repeat ? Role.MANAGER : Role.COLLECTOR, repeat ? null : plan.owner(), on, remaining,
                daysLate, "plan-broken|" + plan.id() + "|" + installment + "|" + remaining.toPlainString() + "|" + (repeat ? "repeat" : "first"),
                "/payment-plans/" + plan.id()));
    }

    static String followUpKey(long planId, int number) {
        return "PLAN-" + planId + "-" + number;
    }
}
