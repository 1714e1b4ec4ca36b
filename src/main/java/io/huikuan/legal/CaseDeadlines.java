package io.huikuan.legal;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The deadlines of a legal case, computed from its stages (pure logic, no database). Periods follow 民事诉讼法 (2023
 * revision) art. 85: the day the period starts is not counted, so a period of n days after an event ends on the event's
 * date plus n days; a period ending on a statutory holiday ends on the first day after it ({@link HolidayCalendar#workingDayFrom}).
 * <ul>
 * <li>OBJECTION: a payment order (支付令) served on D: the debtor pays or objects in writing within 15 days of service
 * (art. 227); the period ends on D + 15, and on the day after it we check whether the debtor objected or the order is
 * effective (the task).</li>
 * <li>APPEAL: a judgment of a lawsuit served on D: appeal within 15 days of service (art. 171); the period ends on
 * D + 15, the task (decide on an appeal) is due 5 days before, not before the service.</li>
 * <li>ENFORCEMENT: a judgment or mediation (or arbitration award) setting the last day of performance P: enforcement is
 * applied for within two years, counted from P (art. 250); the period ends on P + 2 years, the task (apply if unpaid) is
 * due on P + 1. An effective payment order's last day of performance is the end of its objection period (art. 227).
 * Gone once enforcement is applied for.</li>
 * <li>HEARING: a reminder 3 days before each hearing.</li>
 * </ul>
 * OBJECTION and APPEAL are gone once the case records the decision as EFFECTIVE; nothing is due on a closed case.
 */
public final class CaseDeadlines {

    /** The kinds of deadline. */
    public enum Kind {
        OBJECTION, APPEAL, ENFORCEMENT, HEARING
    }

    /** A stage as the deadlines need it. */
    public record StageFact(long id, CaseStage stage, LocalDate date, LocalDate servedOn, LocalDate performBy) {
    }

    /**
     * A deadline: its {@code date} (the last day of the period or the hearing day), when the owner's task is due, the
     * task's key ({@code L:<case>:<kind>[:<stage>]}, with the date so a moved deadline is a new task) and the stage it
     * comes from.
     */
    public record Deadline(Kind kind, LocalDate date, LocalDate taskDue, String taskKey, long stageId) {

        /** Days from {@code today} to the deadline (negative once it has passed). */
        public long daysLeft(LocalDate today) {
            return ChronoUnit.DAYS.between(today, date);
        }
    }

    static final Period OBJECTION_PERIOD = Period.ofDays(15);
    static final Period APPEAL_PERIOD = Period.ofDays(15);
    static final Period ENFORCEMENT_PERIOD = Period.ofYears(2);
    static final int APPEAL_TASK_DAYS_BEFORE = 5;
    static final int HEARING_REMINDER_DAYS = 3;

    private CaseDeadlines() {
    }

    /** The open deadlines of a case of {@code kind} with these stages, by date, with no holiday calendar. */
    public static List<Deadline> of(long caseId, LegalCaseKind kind, List<StageFact> stages, boolean closed) {
        return of(caseId, kind, stages, closed, UnaryOperator.identity());
    }

    /**
     * The open deadlines of a case of {@code kind} with these stages, by date; a period ending on a statutory rest day
     * ends on {@code workingDay} of it ({@link HolidayCalendar#workingDayFrom}, art. 85).
     */
    public static List<Deadline> of(long caseId, LegalCaseKind kind, List<StageFact> stages, boolean closed, UnaryOperator<LocalDate> workingDay) {
        List<Deadline> out = new ArrayList<>();
        if (closed) {
            return out;
        }
        boolean effective = stages.stream().anyMatch(s -> s.stage() == CaseStage.EFFECTIVE);
        boolean enforcementApplied = stages.stream().anyMatch(s -> s.stage() == CaseStage.ENFORCEMENT_APPLIED);
        StageFact served = latest(stages, CaseStage.SERVED);
        if (kind == LegalCaseKind.PAYMENT_ORDER && served != null && !effective) {
            LocalDate end = periodEnd(served.date(), OBJECTION_PERIOD, workingDay);
            out.add(deadline(caseId, Kind.OBJECTION, end, end.plusDays(1), served.id()));
        }
        StageFact judgment = latest(stages, CaseStage.JUDGMENT);
        if (kind == LegalCaseKind.LAWSUIT && judgment != null && judgment.servedOn() != null && !effective) {
            LocalDate end = periodEnd(judgment.servedOn(), APPEAL_PERIOD, workingDay);
            LocalDate task = end.minusDays(APPEAL_TASK_DAYS_BEFORE);
            out.add(deadline(caseId, Kind.APPEAL, end, task.isBefore(judgment.servedOn()) ? judgment.servedOn() : task, judgment.id()));
        }
        StageFact decision = stages.stream().filter(s -> (s.stage() == CaseStage.JUDGMENT || s.stage() == CaseStage.MEDIATION) && s.performBy() != null)
                .max(Comparator.comparing(StageFact::date).thenComparing(StageFact::id)).orElse(null);
        if (decision != null && !enforcementApplied) {
            LocalDate end = periodEnd(decision.performBy(), ENFORCEMENT_PERIOD, workingDay);
            out.add(deadline(caseId, Kind.ENFORCEMENT, end, decision.performBy().plusDays(1), decision.id()));
        } else if (kind == LegalCaseKind.PAYMENT_ORDER && served != null && effective && !enforcementApplied) {
            // an effective payment order was to be paid within the objection period (art. 227): that is its last day of performance
            LocalDate performBy = periodEnd(served.date(), OBJECTION_PERIOD, workingDay);
            out.add(deadline(caseId, Kind.ENFORCEMENT, periodEnd(performBy, ENFORCEMENT_PERIOD, workingDay), performBy.plusDays(1), served.id()));
        }
        for (StageFact s : stages) {
            if (s.stage() == CaseStage.HEARING) {
                out.add(deadline(caseId, Kind.HEARING, s.date(), s.date().minusDays(HEARING_REMINDER_DAYS), s.id()));
            }
        }
        out.sort(Comparator.comparing(Deadline::date).thenComparing(Deadline::kind));
        return out;
    }

    private static Deadline deadline(long caseId, Kind kind, LocalDate date, LocalDate taskDue, long stageId) {
        return new Deadline(kind, date, taskDue, "L:" + caseId + ":" + kind.name() + ":" + stageId + ":" + date, stageId);
    }

    private static StageFact latest(List<StageFact> stages, CaseStage stage) {
        return stages.stream().filter(s -> s.stage() == stage).max(Comparator.comparing(StageFact::date).thenComparing(StageFact::id)).orElse(null);
    }

    /**
     * The last day of a period starting on {@code start} (民事诉讼法 art. 85: the first day is not counted; a month or year
     * without that day ends on the month's last day, which {@link LocalDate#plus} already does).
     */
    public static LocalDate periodEnd(LocalDate start, Period period) {
        return start.plus(period);
    }

    /** {@link #periodEnd(LocalDate, Period)} moved off a statutory rest day by {@code workingDay} (art. 85). */
    static LocalDate periodEnd(LocalDate start, Period period, UnaryOperator<LocalDate> workingDay) {
        return workingDay.apply(start.plus(period));
    }
}
