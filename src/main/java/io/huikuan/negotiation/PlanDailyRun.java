package io.huikuan.negotiation;

import io.huikuan.identity.CurrentUser;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment plans' part of the daily collection run, as of the run's date: for each running plan, a follow-up task
 * {@value #FOLLOW_UP_DAYS} days before each installment not yet paid (closed once it is paid); a missed installment
 * breaks the plan (broken_on recorded, the strategy resumes, follow-ups cancelled, an escalation task to the collector or
 * to the managers for a repeat breaker, {@link PaymentPlanBroken} published, a supply hold proposed by its rule); a plan
 * paid in full completes (pauses resumed, follow-ups closed, the waived amount credited). Running it twice for one date changes nothing.
 */
@Service
public class PlanDailyRun {

    static final int FOLLOW_UP_DAYS = 3;

    /** What a run did. */
    public record Result(int plans, int followUps, int broken, int completed) {
    }

    private final PaymentPlanQueries queries;
    private final PlanViews views;
    private final PlanLifecycle lifecycle;
    private final SupplyHoldRules holdRules;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    PlanDailyRun(PaymentPlanQueries queries, PlanViews views, PlanLifecycle lifecycle, SupplyHoldRules holdRules, ApplicationEventPublisher events,
            JdbcClient jdbc) {
        this.queries = queries;
        this.views = views;
        this.lifecycle = lifecycle;
        this.holdRules = holdRules;
        this.events = events;
        this.jdbc = jdbc;
    }

    @Transactional
    public Result run(LocalDate asOf) {
        String system = CurrentUser.SYSTEM.username();
        int followUps = 0;
        int broken = 0;
        int completed = 0;
        var running = queries.running(asOf);
        for (PaymentPlanQueries.Row plan : running) {
            PaymentPlan p = views.view(plan, asOf);
            if (p.status() == PaymentPlanStatus.BROKEN) {
                broken += broke(plan, p, system) ? 1 : 0;
            } else if (p.status() == PaymentPlanStatus.COMPLETED) {
                if (jdbc.sql("UPDATE payment_plan SET completed_on = ? WHERE id = ? AND completed_on IS NULL")
                        .params(Date.valueOf(p.completedOn()), plan.id()).update() > 0) {
                    lifecycle.end(plan, p.completedOn(), true, system);
                    lifecycle.completed(plan, p.completedOn());
                    completed++;
                }
            } else {
                for (PaymentPlan.Installment i : p.installments()) {
                    if (i.status() == io.huikuan.negotiation.InstallmentStatus.PAID) {
                        lifecycle.paid(plan, i.number(), system);
                    } else if (!asOf.isBefore(i.dueDate().minusDays(FOLLOW_UP_DAYS))) {
                        followUps += lifecycle.followUp(plan, i, i.dueDate().minusDays(FOLLOW_UP_DAYS)) ? 1 : 0;
                    }
                }
            }
        }
        return new Result(running.size(), followUps, broken, completed);
    }

    private boolean broke(PaymentPlanQueries.Row plan, PaymentPlan p, String system) {
        LocalDate on = p.brokenOn();
        if (jdbc.sql("UPDATE payment_plan SET broken_on = ? WHERE id = ? AND broken_on IS NULL").params(Date.valueOf(on), plan.id()).update() == 0) {
            return false;
        }
        PaymentPlan.Installment missed = p.installments().stream().filter(i -> i.status() == InstallmentStatus.MISSED).findFirst().orElseThrow();
        BigDecimal remaining = p.remaining();
        boolean repeat = queries.repeatBreaker(plan.customerId(), plan.id(), on);
        lifecycle.end(plan, on, false, system);
        int daysLate = (int) ChronoUnit.DAYS.between(missed.dueDate(), on);
        lifecycle.escalate(plan, on, missed.number(), remaining, daysLate, repeat);
        events.publishEvent(new PaymentPlanBroken(plan.id(), plan.customerCode(), on, missed.number(), remaining, repeat));
        holdRules.planBroken(plan.customerCode(), plan.id(), on);
        return true;
    }
}
