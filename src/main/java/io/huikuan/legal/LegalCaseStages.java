package io.huikuan.legal;

import io.huikuan.common.ConflictException;
import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.legal.internal.LegalCaseQueries;
import io.huikuan.legal.internal.LegalCaseQueries.CaseRow;
import io.huikuan.worklist.DeadlineTasks;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import io.huikuan.strategy.CollectionPauses;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stages of a case and its closing, with their effects: the deadlines become the owner's worklist tasks (kept in step
 * on every change), and the limitation clock hears of the proceedings: a FILED payment order, lawsuit, arbitration,
 * preservation or enforcement records PROCEEDINGS_FILED (Civil Code art. 195 (3), (4)); EFFECTIVE or closing records
 * PROCEEDINGS_ENDED (the period restarts, art. 195); a lawyer letter SERVED records DEMAND_DELIVERED (art. 195 (1)).
 */
@Service
public class LegalCaseStages {

    /** A stage to record; time (HH:mm) and place for HEARING, servedOn and performBy for JUDGMENT/MEDIATION. */
    public record NewStage(CaseStage stage, LocalDate date, String time, String place, LocalDate servedOn, LocalDate performBy, String note) {
    }

    /** Closing a case: the day, the outcome and a note. */
    public record Closing(LocalDate date, CaseOutcome outcome, String note) {
    }

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    private final JdbcClient jdbc;
    private final LegalCaseQueries queries;
    private final LegalCases cases;
    private final LimitationEvents limitation;
    private final DeadlineTasks tasks;
    private final ApplicationEventPublisher events;
    private final CollectionPauses pauses;
    private final Clock clock;

    LegalCaseStages(JdbcClient jdbc, LegalCaseQueries queries, LegalCases cases, LimitationEvents limitation, DeadlineTasks tasks,
            ApplicationEventPublisher events, CollectionPauses pauses, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.cases = cases;
        this.limitation = limitation;
        this.tasks = tasks;
        this.events = events;
        this.pauses = pauses;
        this.clock = clock;
    }

    /** Records a stage of an open case; dates not in the future (but a HEARING), not before FILED; every bad field named. */
    @Transactional
    public LegalCase add(long caseId, NewStage s) {
        CurrentUser me = LegalCaseRules.requireWrite("record stages of legal cases");
        CaseRow c = openCase(caseId);
        LocalDate today = LocalDate.now(clock);
        List<LegalCase.Stage> stages = queries.stages(caseId);
        List<FieldError> errors = new ArrayList<>();
        if (s.stage() == null) {
            throw ValidationException.coded("stage", null, "required", "required");
        }
        if (s.stage() == CaseStage.CLOSED) {
            throw ValidationException.coded("stage", s.stage(), "legal.closeByClosing", "a case is closed with its outcome (POST .../close)");
        }
        if (s.stage() == CaseStage.HEARING) {
            if (s.date() == null) {
                errors.add(FieldError.coded("date", null, "date.required", "required (yyyy-MM-dd)"));
            } else {
                InputRules.dateRule("date", s.date()).ifPresent(errors::add);
            }
            if (s.time() != null && !s.time().isBlank() && !TIME.matcher(s.time().trim()).matches()) {
                errors.add(FieldError.coded("time", s.time(), "legal.time", "a time of day as HH:mm, e.g. 09:30"));
            }
        } else {
            LegalCaseRules.pastDate(errors, "date", s.date(), today);
        }
        InputRules.length(errors, "place", s.place(), 200);
        InputRules.length(errors, "note", s.note(), 500);
        LocalDate filed = stages.stream().filter(x -> x.stage() == CaseStage.FILED).map(LegalCase.Stage::date).findFirst().orElse(null);
        if (s.stage() == CaseStage.FILED) {
            if (filed != null) {
                throw new ConflictException("stage", "the case was already FILED on " + filed);
            }
            LocalDate earliest = stages.stream().map(LegalCase.Stage::date).min(LocalDate::compareTo).orElse(null);
            if (s.date() != null && earliest != null && s.date().isAfter(earliest)) {
                errors.add(FieldError.coded("date", s.date(), "legal.filedAfterStages", "a case is FILED before its other stages (the first is on "
                        + earliest + ")", earliest.toString()));
            }
        } else if (filed != null && s.date() != null && s.date().isBefore(filed)) {
            errors.add(FieldError.coded("date", s.date(), "legal.beforeFiled", "must not be before the case was FILED (" + filed + ")", filed.toString()));
        }
        boolean decision = s.stage() == CaseStage.JUDGMENT || s.stage() == CaseStage.MEDIATION;
        if (decision) {
            if (s.servedOn() != null) {
                LegalCaseRules.pastDate(errors, "servedOn", s.servedOn(), today);
                if (s.date() != null && s.servedOn().isBefore(s.date())) {
                    errors.add(FieldError.coded("servedOn", s.servedOn(), "legal.servedBeforeDecision", "must not be before the decision's date"));
                }
            }
            if (s.performBy() != null && s.date() != null && s.performBy().isBefore(s.date())) {
                errors.add(FieldError.coded("performBy", s.performBy(), "legal.performBeforeDecision", "must not be before the decision's date"));
            }
        } else if (s.servedOn() != null || s.performBy() != null) {
            errors.add(FieldError.coded(s.servedOn() != null ? "servedOn" : "performBy", s.servedOn() != null ? s.servedOn() : s.performBy(),
                    "legal.decisionOnly", "only for a JUDGMENT or MEDIATION"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        jdbc.sql("""
                INSERT INTO legal_case_stage (case_id, stage, stage_date, stage_time, place, served_on, perform_by, note, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, s.stage().name(), Date.valueOf(s.date()), blank(s.time()), blank(s.place()),
                        s.servedOn() == null ? null : Date.valueOf(s.servedOn()), s.performBy() == null ? null : Date.valueOf(s.performBy()),
                        blank(s.note()), me.username(), Timestamp.from(clock.instant()))
                .update();
        recordLimitation(c, s.stage(), s.date(), me.username());
        syncTasks(c, false);
        return cases.get(caseId);
    }

    /** Closes an open case with its outcome; its deadline tasks are cancelled, its invoices return to the strategy. */
    @Transactional
    public LegalCase close(long caseId, Closing closing) {
        CurrentUser me = LegalCaseRules.requireWrite("close legal cases");
        CaseRow c = openCase(caseId);
        List<FieldError> errors = new ArrayList<>();
        LegalCaseRules.pastDate(errors, "date", closing.date(), LocalDate.now(clock));
        if (closing.outcome() == null) {
            errors.add(FieldError.coded("outcome", null, "required", "required: " + List.of(CaseOutcome.values())));
        }
        InputRules.length(errors, "note", closing.note(), 1000);
        LocalDate filed = queries.stages(caseId).stream().filter(x -> x.stage() == CaseStage.FILED).map(LegalCase.Stage::date).findFirst().orElse(null);
        if (closing.date() != null && filed != null && closing.date().isBefore(filed)) {
            errors.add(FieldError.coded("date", closing.date(), "legal.beforeFiled", "must not be before the case was FILED (" + filed + ")", filed.toString()));
        }
        if (closing.date() != null && closing.date().isBefore(c.openedOn()) && filed == null) {
            errors.add(FieldError.coded("date", closing.date(), "legal.beforeOpened", "must not be before the case was opened (" + c.openedOn() + ")",
                    c.openedOn().toString()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        jdbc.sql("INSERT INTO legal_case_stage (case_id, stage, stage_date, note, created_by, created_at) VALUES (?, 'CLOSED', ?, ?, ?, ?)")
                .params(caseId, Date.valueOf(closing.date()), blank(closing.note()), me.username(), Timestamp.from(clock.instant())).update();
        jdbc.sql("UPDATE legal_case SET status = 'CLOSED', outcome = ?, close_note = ?, closed_on = ? WHERE id = ?")
                .params(closing.outcome().name(), blank(closing.note()), Date.valueOf(closing.date()), caseId).update();
        recordLimitation(c, CaseStage.CLOSED, closing.date(), me.username());
        syncTasks(c, true);
        pauses.resume(CollectionPauses.LEGAL_CASE, String.valueOf(caseId), closing.date());
        events.publishEvent(new LegalCaseClosed(caseId, c.customerId(), c.customerCode(),
                queries.invoices(caseId, closing.date()).stream().map(LegalCaseQueries.OpenInvoice::id).toList(), closing.date()));
        return cases.get(caseId);
    }

    private CaseRow openCase(long caseId) {
        CaseRow c = LegalCaseRules.visible(queries, caseId);
        queries.lock(caseId);
        if (!"OPEN".equals(c.status())) {
            throw new ConflictException("status", "legal case " + caseId + " is closed");
        }
        return c;
    }

    /** What the limitation clock hears of this stage (see the class comment); each case ends its proceedings once. */
    private void recordLimitation(CaseRow c, CaseStage stage, LocalDate date, String by) {
        String ref = String.valueOf(c.id());
        List<String> invoiceNos = queries.invoices(c.id(), c.openedOn()).stream().map(LegalCaseQueries.OpenInvoice::invoiceNo).toList();
        String evidence = c.kind().name() + " " + (c.court() == null ? "" : c.court() + " ") + (c.caseNo() == null ? "case #" + c.id() : c.caseNo());
        LimitationEventKind kind = null;
        if (c.kind().proceedings() && stage == CaseStage.FILED) {
            kind = LimitationEventKind.PROCEEDINGS_FILED;
        } else if (c.kind().proceedings() && (stage == CaseStage.EFFECTIVE || stage == CaseStage.CLOSED) && filedRecorded(ref) && !endedRecorded(ref)) {
            kind = LimitationEventKind.PROCEEDINGS_ENDED;
        } else if (c.kind() == LegalCaseKind.LAWYER_LETTER && stage == CaseStage.SERVED) {
            kind = LimitationEventKind.DEMAND_DELIVERED;
            evidence = "lawyer letter " + (c.lawyer() == null ? "" : c.lawyer() + " ") + "served, case #" + c.id();
        }
        if (kind != null) {
            limitation.record(new LimitationEvents.NewEvent(c.customerCode(), invoiceNos, date, kind, evidence.strip(), "CASE", ref, null), by);
        }
    }

    private boolean filedRecorded(String ref) {
        return countEvents(ref, LimitationEventKind.PROCEEDINGS_FILED) > 0;
    }

    private boolean endedRecorded(String ref) {
        return countEvents(ref, LimitationEventKind.PROCEEDINGS_ENDED) > 0;
    }

    private long countEvents(String ref, LimitationEventKind kind) {
        return jdbc.sql("SELECT count(*) FROM limitation_event WHERE source = 'CASE' AND source_ref = ? AND kind = ?").params(ref, kind.name())
                .query(Long.class).single();
    }

    /** Makes the owner's deadline tasks of the case what its stages say (none once closed). */
    void syncTasks(CaseRow c, boolean closed) {
        List<DeadlineTasks.Wanted> wanted = new ArrayList<>();
        for (CaseDeadlines.Deadline d : cases.deadlines(c.id(), c.kind(), LegalCases.facts(queries.stages(c.id())), closed)) {
            wanted.add(new DeadlineTasks.Wanted(d.taskKey(), d.taskDue(), c.claimTotal()));
        }
        tasks.sync(c.customerId(), LegalCases.taskPrefix(c.id()), c.owner(), wanted);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
