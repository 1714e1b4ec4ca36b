package io.huikuan.strategy;

import io.huikuan.identity.Role;
import io.huikuan.worklist.Priority;
import io.huikuan.worklist.TaskKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which strategy steps are due for one customer, as pure logic (no database).
 * <ul>
 * <li>The escalation cycle starts at the customer's last payment (a payment resets the cycle); with
 * no payment it is {@link #NO_CYCLE}. Steps dated on or before the cycle start belong to the
 * previous cycle.</li>
 * <li>The anchor is the due date of the oldest open undisputed item, or the cycle start when that
 * is later (after a payment the steps start again from it). A step is due on anchor + day offset.</li>
 * <li>A run for {@code asOf} whose previous completed run was for {@code windowFrom} plans every
 * step due in {@code (windowFrom, asOf]} (missed days are caught up) and the latest step due on or
 * before {@code asOf} (a customer entering the loop starts at its current level, not at every past
 * step). Task keys make each (customer, cycle, step) one task, however often this is planned.</li>
 * <li>Customers under a promise in force, or whose every open item is disputed, are paused.</li>
 * <li>A step with a minimum amount applies only when the overdue amount reaches it.</li>
 * </ul>
 */
final class StepPlanner {

    /** The cycle start of a customer that never paid. */
    static final LocalDate NO_CYCLE = LocalDate.of(1900, 1, 1);

    /** A task the run would create. */
    record Planned(CustomerFacts facts, String segment, long versionId, Step step, LocalDate dueDate, LocalDate cycleStart,
            BigDecimal risk, BigDecimal priority, String reason) {

        String key() {
            return "S:" + cycleStart + ":" + step.dayOffset();
        }

        /** The collector for collector steps; role queues (manager, legal, finance) have none until assigned. */
        String assignee() {
            return step.ownerRole() == Role.COLLECTOR ? facts.owner() : null;
        }
    }

    private StepPlanner() {
    }

    static LocalDate cycleStart(CustomerFacts f) {
        return f.lastPayment() == null ? NO_CYCLE : f.lastPayment();
    }

    static List<Planned> plan(CustomerFacts f, String segment, Strategy.Version version, LocalDate windowFrom) {
        if (f.promiseInForce() || f.anchorDue() == null) {
            return List.of();
        }
        LocalDate cycleStart = cycleStart(f);
        LocalDate anchor = f.anchorDue().isAfter(cycleStart) ? f.anchorDue() : cycleStart;
        Step latest = null;
        LocalDate latestDue = null;
        List<Step> inWindow = new ArrayList<>();
        for (Step s : version.steps()) {
            LocalDate due = anchor.plusDays(s.dayOffset());
            if (!due.isAfter(cycleStart) || due.isAfter(f.asOf()) || !s.appliesTo(f.overdue())) {
                continue;
            }
            if (latestDue == null || due.isAfter(latestDue)) {
                latest = s;
                latestDue = due;
            }
            if (due.isAfter(windowFrom)) {
                inWindow.add(s);
            }
        }
        if (latest == null) {
            return List.of();
        }
        if (!inWindow.contains(latest)) {
            inWindow.add(latest);
        }
        BigDecimal risk = Priority.riskFactor(f.grade(), f.malicious());
        List<Planned> out = new ArrayList<>(inWindow.size());
        for (Step s : inWindow) {
            BigDecimal boost = Priority.boost(TaskKind.STEP, s.channel(), false);
            BigDecimal priority = Priority.score(f.overdue(), risk, f.daysOverdue(), boost);
            String reason = Priority.reason(f.overdue(), risk, f.daysOverdue(), TaskKind.STEP, s.channel(), false);
            out.add(new Planned(f, segment, version.id(), s, anchor.plusDays(s.dayOffset()), cycleStart, risk, priority, reason));
        }
        return out;
    }
}
