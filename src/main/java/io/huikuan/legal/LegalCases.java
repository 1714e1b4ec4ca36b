package io.huikuan.legal;

import io.huikuan.common.InputRules;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserAccount;
import io.huikuan.identity.UserDirectory;
import io.huikuan.legal.internal.LegalCaseQueries;
import io.huikuan.legal.internal.LegalCaseQueries.CaseRow;
import io.huikuan.legal.internal.LegalCaseQueries.OpenInvoice;
import io.huikuan.worklist.DeadlineTasks;
import io.huikuan.worklist.Task;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import io.huikuan.strategy.CollectionPauses;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal cases: opened from a customer on chosen open invoices (default: every overdue one), read one by one with stages,
 * deadlines, costs and recoveries, listed with claim vs recovered and the next deadline, and the hearings calendar.
 * Stages and closing are {@link LegalCaseStages}, money {@link LegalCaseMoney}. Legal, managers and administrators write;
 * finance reads; collectors read the cases of their own customers.
 */
@Service
public class LegalCases {

    /** A case to open; null amounts: principal = open amount of the invoices, the others 0. */
    public record NewCase(String customerCode, List<String> invoiceNos, LegalCaseKind kind, LawsuitProcedure procedure, String court,
            String caseNo, String lawyer, BigDecimal principal, BigDecimal interest, BigDecimal penalty, BigDecimal costs, String owner,
            Boolean counterObligation, Boolean debtorInMainland) {
    }

    /**
     * How the interest is computed ({@link ClaimEstimates}): the basis for invoices whose contract has no late clause, its
     * rate or LPR markup, and the last day counted ({@code asOf}, null: today).
     */
    public record InterestMethod(InterestBasis basis, BigDecimal rate, BigDecimal markup, LocalDate asOf) {
    }

    private final JdbcClient jdbc;
    private final LegalCaseQueries queries;
    private final CustomerService customers;
    private final UserDirectory users;
    private final DeadlineTasks tasks;
    private final ApplicationEventPublisher events;
    private final CollectionPauses pauses;
    private final HolidayCalendar holidays;
    private final ClaimEstimates estimates;
    private final io.huikuan.legal.internal.ClaimQueries claims;
    private final Clock clock;

    LegalCases(JdbcClient jdbc, LegalCaseQueries queries, CustomerService customers, UserDirectory users, DeadlineTasks tasks,
            ApplicationEventPublisher events, CollectionPauses pauses, HolidayCalendar holidays, ClaimEstimates estimates,
            io.huikuan.legal.internal.ClaimQueries claims, Clock clock) {
        this.estimates = estimates;
        this.claims = claims;
        this.jdbc = jdbc;
        this.queries = queries;
        this.customers = customers;
        this.users = users;
        this.tasks = tasks;
        this.events = events;
        this.pauses = pauses;
        this.holidays = holidays;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Opens a case with the claim as entered; all or nothing, every bad field named. Publishes {@link LegalCaseOpened}. */
    @Transactional
    public LegalCase open(NewCase c) {
        return open(c, null);
    }

    /**
     * Opens a case; with {@code method} the interest and costs left empty are computed from the calculators
     * ({@link ClaimEstimates}: the invoices' late interest, the court fee of the procedure) and the method is kept for the
     * case page. All or nothing, every bad field named. Publishes {@link LegalCaseOpened}.
     */
    @Transactional
    public LegalCase open(NewCase c, InterestMethod method) {
        CurrentUser me = LegalCaseRules.requireWrite("open legal cases");
        LocalDate today = today();
        List<FieldError> errors = new ArrayList<>();
        if (c.customerCode() == null || c.customerCode().isBlank()) {
            throw ValidationException.coded("customerCode", c.customerCode(), "required", "required");
        }
        CustomerRef customer = customers.ref(c.customerCode().trim());
        if (c.kind() == null) {
            errors.add(FieldError.coded("kind", null, "required", "required: " + List.of(LegalCaseKind.values())));
        }
        if (c.procedure() != null && c.kind() != null && c.kind() != LegalCaseKind.LAWSUIT) {
            errors.add(FieldError.coded("procedure", c.procedure(), "legal.procedureLawsuitOnly", "applies only to a LAWSUIT"));
        }
        InputRules.length(errors, "court", c.court(), 200);
        InputRules.length(errors, "caseNo", c.caseNo(), 100);
        InputRules.length(errors, "lawyer", c.lawyer(), 200);
        LegalCaseRules.amount(errors, "principal", c.principal(), false);
        LegalCaseRules.amount(errors, "interest", c.interest(), false);
        LegalCaseRules.amount(errors, "penalty", c.penalty(), false);
        LegalCaseRules.amount(errors, "costs", c.costs(), false);
        String owner = c.owner() == null || c.owner().isBlank() ? me.username() : c.owner().trim();
        if (c.owner() != null && !c.owner().isBlank()) {
            UserAccount account = users.find(owner).filter(UserAccount::enabled).orElse(null);
            if (account == null) {
                errors.add(FieldError.coded("owner", c.owner(), "owner.unknown", "no enabled user '" + c.owner() + "'"));
            } else if (!account.roles().contains(Role.LEGAL)) {
                errors.add(FieldError.coded("owner", c.owner(), "legal.ownerNotLegal", "must be a user with the LEGAL role"));
            }
        }
        List<OpenInvoice> invoices = chosenInvoices(customer, c.invoiceNos(), today, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        BigDecimal principal = c.principal() != null ? c.principal() : invoices.stream().map(OpenInvoice::open).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal interest = c.interest();
        BigDecimal costs = c.costs();
        LocalDate interestAsOf = null;
        ClaimEstimates.Estimate estimate = null;
        if (method != null) {
            // the claim computed from the calculators: what the user left empty is filled from the estimate
            ClaimEstimates.Estimate e = estimates.estimate(new ClaimEstimates.Request(customer.code(), invoices.stream().map(OpenInvoice::invoiceNo)
                    .toList(), c.kind(), c.procedure(), method.asOf() == null ? today : method.asOf(), method.basis(), method.rate(), method.markup()));
            estimate = e;
            interest = interest != null ? interest : e.interest();
            costs = costs != null ? costs : e.courtFee();
            method = new InterestMethod(e.basis(), e.rate(), e.markup(), e.asOf());
            interestAsOf = e.asOf();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO legal_case (customer_id, kind, lawsuit_procedure, court, case_no, lawyer, principal, interest, penalty, claim_costs, owner,
                                        status, counter_obligation, debtor_in_mainland, opened_on, created_by, created_at, interest_basis,
                                        interest_rate, interest_markup, interest_as_of)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(customer.id(), c.kind().name(), c.kind() == LegalCaseKind.LAWSUIT
                                ? Objects.requireNonNullElse(c.procedure(), LawsuitProcedure.ORDINARY).name() : null,
                        blank(c.court()), blank(c.caseNo()), blank(c.lawyer()), LegalCaseRules.money(principal), LegalCaseRules.money(interest),
                        LegalCaseRules.money(c.penalty()), LegalCaseRules.money(costs), owner, Boolean.TRUE.equals(c.counterObligation()),
                        c.debtorInMainland(), Date.valueOf(today), me.username(), Timestamp.from(clock.instant()),
                        method == null ? null : method.basis().name(), method == null ? null : method.rate(), method == null ? null : method.markup(),
                        interestAsOf == null ? null : Date.valueOf(interestAsOf))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (OpenInvoice i : invoices) {
            jdbc.sql("INSERT INTO legal_case_invoice (case_id, invoice_id) VALUES (?, ?)").params(id, i.id()).update();
        }
        if (estimate != null) {
            claims.save(id, estimate, invoices.stream().collect(java.util.stream.Collectors.toMap(OpenInvoice::invoiceNo, OpenInvoice::id)));
        }
        List<Long> invoiceIds = invoices.stream().map(OpenInvoice::id).toList();
        pauses.pause(CollectionPauses.LEGAL_CASE, String.valueOf(id), customer.id(), invoiceIds, today);
        events.publishEvent(new LegalCaseOpened(id, customer.id(), customer.code(), invoiceIds, today));
        return get(id);
    }

    /** The named invoices (each the customer's and open today) or, none named, every overdue open one. */
    private List<OpenInvoice> chosenInvoices(CustomerRef customer, List<String> invoiceNos, LocalDate today, List<FieldError> errors) {
        return LegalCaseRules.chosen(invoiceNos,
                () -> queries.openInvoices(customer.id(), today).stream().filter(i -> i.dueDate().isBefore(today)).toList(),
                named -> queries.invoicesByNo(customer.id(), named, today), OpenInvoice::open, errors);
    }

    /** A case the current user may see, with everything the case page shows (404 otherwise). */
    @Transactional(readOnly = true)
    public LegalCase get(long id) {
        CaseRow r = LegalCaseRules.visible(queries, id);
        LocalDate today = today();
        List<OpenInvoice> invoices = queries.invoices(id, today);
        List<LegalCase.Stage> stages = queries.stages(id);
        List<LegalCase.Money> money = queries.money(id);
        BigDecimal recovered = sum(money, "RECOVERY");
        BigDecimal costsPaid = sum(money, "COST");
        List<Task> caseTasks = tasks.list(r.customerId(), taskPrefix(id));
        List<LegalCase.DeadlineView> deadlines = new ArrayList<>();
        for (CaseDeadlines.Deadline d : deadlines(id, r.kind(), facts(stages), !"OPEN".equals(r.status()))) {
            Task t = caseTasks.stream().filter(x -> x.taskKey().equals(d.taskKey())).findFirst().orElse(null);
            deadlines.add(new LegalCase.DeadlineView(d.kind(), d.date(), d.daysLeft(today), d.taskDue(), t == null ? null : t.taskId(),
                    t == null ? null : t.status().name()));
        }
        return new LegalCase(r.id(), r.customerCode(), r.customerName(), r.kind(), r.procedure(), r.court(), r.caseNo(), r.lawyer(), r.principal(),
                r.interest(), r.penalty(), r.costs(), r.claimTotal(), r.owner(), r.status(), r.outcome(), r.closeNote(), r.closedOn(), r.openedOn(),
                r.counterObligation(), r.debtorInMainland(), invoices.stream().map(OpenInvoice::invoiceNo).toList(),
                invoices.stream().map(OpenInvoice::open).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add), recovered, costsPaid, stages, deadlines,
                money, r.createdBy(), claims.computation(id).orElse(null));
    }


    static String taskPrefix(long caseId) {
        return "L:" + caseId + ":";
    }

    /** The case's open deadlines, periods ending on a statutory rest day moved by the holiday calendar. */
    List<CaseDeadlines.Deadline> deadlines(long caseId, LegalCaseKind kind, List<CaseDeadlines.StageFact> stages, boolean closed) {
        return CaseDeadlines.of(caseId, kind, stages, closed, holidays::workingDayFrom);
    }

    static List<CaseDeadlines.StageFact> facts(List<LegalCase.Stage> stages) {
        return stages.stream().map(s -> new CaseDeadlines.StageFact(s.id(), s.stage(), s.date(), s.servedOn(), s.performBy())).toList();
    }

    private static BigDecimal sum(List<LegalCase.Money> money, String direction) {
        return money.stream().filter(m -> m.direction().equals(direction)).map(LegalCase.Money::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The cases, newest first, by customer code and status (OPEN or CLOSED); collectors see their own customers' only. */
    @Transactional(readOnly = true)
    public Page<LegalCase.Row> list(String customerCode, String status, int page, Integer size) {
        CurrentUser me = LegalCaseRules.requireRead();
        String st = null;
        if (status != null && !status.isBlank()) {
            st = status.trim().toUpperCase(java.util.Locale.ROOT);
            if (!st.equals("OPEN") && !st.equals("CLOSED")) {
                throw ValidationException.coded("status", status, "legal.choice", "one of OPEN, CLOSED", "OPEN, CLOSED");
            }
        }
        String customer = customerCode == null || customerCode.isBlank() ? null : customerCode.trim();
        String own = me.portfolioOnly() ? me.username() : null;
        int s = Page.clampSize(size);
        int p = Math.max(0, page);
        long total = queries.count(customer, st, own);
        return new Page<>(total > (long) p * s ? queries.list(customer, st, own, p, s, today()) : List.of(), total, p, s);
    }

    /** Hearings of open cases from {@code from} (default today) on, by date and time. */
    @Transactional(readOnly = true)
    public List<LegalCase.Hearing> hearings(LocalDate from) {
        CurrentUser me = LegalCaseRules.requireRead();
        return queries.hearings(from == null ? today() : from, me.portfolioOnly() ? me.username() : null);
    }

    /** The customer's open invoices today, for the case form (404 when the user may not see the customer). */
    @Transactional(readOnly = true)
    public List<OpenInvoice> openInvoices(String customerCode) {
        CustomerRef ref = customers.ref(customerCode);
        return queries.openInvoices(ref.id(), today());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
