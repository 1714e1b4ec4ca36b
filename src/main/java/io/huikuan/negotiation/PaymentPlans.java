package io.huikuan.negotiation;

import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans (分期还款): proposed by a collector, manager or finance (every field checked; the installments sum exactly to
 * the invoices' open balance as of the agreement date plus interest less the waived amount; an invoice in one live plan
 * at most), approved under the {@link AuthorityMatrix} (one level more when outside the {@link PlanPolicy}), rejected with
 * a reason, cancelled. Answered as of any date from the waterfall ({@link PlanWaterfall}).
 */
@Service
public class PaymentPlans {

    /** What a proposal would come to (the editor's live check): nothing is stored. */
    public record PlanCheck(String currency, BigDecimal openTotal, BigDecimal interest, BigDecimal waived, BigDecimal total, BigDecimal scheduled,
            BigDecimal difference, List<PlanPolicy.Breach> policyBreaches, Authority requiredAuthority) {
    }

    /** A plan in a few figures, for the customer page: its status today, total, paid, next installment due. */
    public record PlanSummary(long id, PaymentPlanStatus status, String currency, BigDecimal total, BigDecimal paid, LocalDate nextDueDate,
            BigDecimal nextDueAmount) {
    }

    private final PlanDrafts drafts;
    private final PlanPolicy policy;
    private final AuthorityMatrix matrix;
    private final NegotiationApprovals approvals;
    private final PaymentPlanQueries queries;
    private final PlanViews views;
    private final PlanLifecycle lifecycle;
    private final CustomerService customers;
    private final JdbcClient jdbc;
    private final Clock clock;

    PaymentPlans(PlanDrafts drafts, PlanPolicy policy, AuthorityMatrix matrix, NegotiationApprovals approvals, PaymentPlanQueries queries,
            PlanViews views, PlanLifecycle lifecycle, CustomerService customers, JdbcClient jdbc, Clock clock) {
        this.drafts = drafts;
        this.policy = policy;
        this.matrix = matrix;
        this.approvals = approvals;
        this.queries = queries;
        this.views = views;
        this.lifecycle = lifecycle;
        this.customers = customers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** May the current user propose plans? */
    public static boolean mayPropose(CurrentUser user) {
        return user.has(Role.ADMIN) || user.has(Role.COLLECTOR) || user.has(Role.MANAGER) || user.has(Role.FINANCE);
    }

    /** The figures, policy breaches and authority of a proposal, without storing it (400 for bad fields, as {@link #propose}). */
    public PlanCheck check(PlanRequest r) {
        CurrentUser.require("propose a payment plan", Role.COLLECTOR, Role.MANAGER, Role.FINANCE);
        PlanDrafts.Draft d = drafts.check(r, false);
        List<PlanPolicy.Breach> breaches = policy.check(d.agreedOn(), d.schedule(), d.total(), d.interest());
        return new PlanCheck(d.currency(), d.openTotal(), d.interest(), d.waived(), d.total(), d.scheduled(), d.difference(), breaches,
                matrix.required(d.total(), !breaches.isEmpty()));
    }

    /** Proposes a plan: ACTIVE at once within the proposer's own authority, else PENDING_APPROVAL. */
    @Transactional
    public PaymentPlan propose(PlanRequest r) {
        CurrentUser user = CurrentUser.require("propose a payment plan", Role.COLLECTOR, Role.MANAGER, Role.FINANCE);
        return store(r, user.username(), true);
    }

    /**
     * Proposes a plan the debtor asked for (the portal, run as the system): checked like any proposal, recorded as
     * negotiated by {@code proposedBy}, and always left PENDING_APPROVAL: the debtor has no authority, so no approval is
     * counted for the proposer and the plan waits in the approvers' queue.
     */
    @Transactional
    public PaymentPlan proposeForDebtor(PlanRequest r, String proposedBy) {
        CurrentUser.require("propose a payment plan for the debtor", Role.ADMIN);
        return store(r, proposedBy, false);
    }

    private PaymentPlan store(PlanRequest r, String proposedBy, boolean proposerApproves) {
        PlanDrafts.Draft d = drafts.check(r, true);
        List<PlanPolicy.Breach> breaches = policy.check(d.agreedOn(), d.schedule(), d.total(), d.interest());
        Authority required = matrix.required(d.total(), !breaches.isEmpty());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO payment_plan (customer_id, currency, agreed_on, open_total, interest, waived, total, status, required_authority,
                                          policy_breaches, note, negotiated_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING_APPROVAL', ?, ?, ?, ?, ?)""")
                .params(d.customer().id(), d.currency(), Date.valueOf(d.agreedOn()), d.openTotal(), d.interest(), d.waived(), d.total(),
                        required.name(), PaymentPlanQueries.breachesText(breaches), d.note(), proposedBy, Timestamp.from(clock.instant()))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (PaymentPlanQueries.OpenInvoice i : d.invoices()) {
            try {
                jdbc.sql("INSERT INTO payment_plan_invoice (plan_id, invoice_id, open_amount, live_invoice_id) VALUES (?, ?, ?, ?)")
                        .params(id, i.id(), i.open(), i.id()).update();
            } catch (DuplicateKeyException e) {
                throw new ConflictException("invoiceNos", "invoice " + i.invoiceNo() + " is already in a live payment plan");
            }
        }
        for (int n = 0; n < d.schedule().size(); n++) {
            PlanWaterfall.Scheduled s = d.schedule().get(n);
            jdbc.sql("INSERT INTO payment_plan_installment (plan_id, number, due_date, amount) VALUES (?, ?, ?, ?)")
                    .params(id, n + 1, Date.valueOf(s.dueDate()), s.amount()).update();
        }
        if (proposerApproves && approvals.proposed(ApprovalSubject.PAYMENT_PLAN, id, required).outcome() == NegotiationApprovals.Outcome.APPROVED) {
            lifecycle.activate(id, LocalDate.now(clock), proposedBy);
        }
        return get(id, null);
    }

    /** Approves a pending plan (whoever may fill a missing approval; the same person never twice): ACTIVE once every approval is given. */
    @Transactional
    public PaymentPlan approve(long id, String note) {
        CurrentUser user = CurrentUser.require("approve a payment plan", Role.COLLECTOR, Role.MANAGER, Role.FINANCE);
        PaymentPlanQueries.Row row = pending(id);
        NegotiationApprovals.Result r = approvals.decide(ApprovalSubject.PAYMENT_PLAN, id, row.requiredAuthority(), true, note);
        if (r.outcome() == NegotiationApprovals.Outcome.APPROVED) {
            lifecycle.activate(id, LocalDate.now(clock), user.username());
        }
        return get(id, null);
    }

    /** Rejects a pending plan with a reason: CANCELLED, decision REJECTED; its invoices are free for another plan. */
    @Transactional
    public PaymentPlan reject(long id, String reason) {
        CurrentUser user = CurrentUser.require("reject a payment plan", Role.COLLECTOR, Role.MANAGER, Role.FINANCE);
        PaymentPlanQueries.Row row = pending(id);
        approvals.decide(ApprovalSubject.PAYMENT_PLAN, id, row.requiredAuthority(), false, reason);
        close(row, "REJECTED", reason.strip(), user.username());
        return get(id, null);
    }

    /**
     * Cancels a live plan with a reason: managers, finance and administrators any, the proposer their own pending one. The
     * invoices return to the strategy from today.
     */
    @Transactional
    public PaymentPlan cancel(long id, String reason) {
        CurrentUser user = CurrentUser.require("cancel a payment plan", Role.COLLECTOR, Role.MANAGER, Role.FINANCE);
        PaymentPlanQueries.Row row = visible(id);
        boolean decider = user.has(Role.ADMIN) || user.has(Role.MANAGER) || user.has(Role.FINANCE);
        if (!decider && !(row.negotiatedBy().equals(user.username()) && "PENDING_APPROVAL".equals(row.status()))) {
            throw new org.springframework.security.access.AccessDeniedException("only managers and finance cancel a plan; a collector withdraws own pending proposals");
        }
        if ("CANCELLED".equals(row.status()) || row.brokenOn() != null || row.completedOn() != null) {
            throw new ConflictException("id", "payment plan " + id + " is no longer live");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw ValidationException.coded("reason", reason, why.isEmpty() ? "required" : "text.tooLong", why.isEmpty() ? "is required" : "at most 500 characters", 500);
        }
        close(row, "CANCELLED", why, user.username());
        return get(id, null);
    }

    private void close(PaymentPlanQueries.Row row, String decision, String reason, String by) {
        LocalDate today = LocalDate.now(clock);
        int n = jdbc.sql("""
                UPDATE payment_plan SET status = 'CANCELLED', decision = ?, decision_reason = ?, cancelled_on = ?, cancelled_by = ?
                WHERE id = ? AND status <> 'CANCELLED'""").params(decision, reason, Date.valueOf(today), by, row.id()).update();
        if (n == 0) {
            throw new ConflictException("id", "payment plan " + row.id() + " is already cancelled");
        }
        lifecycle.end(row, today, false, by);
    }

    /** The plan as of {@code asOf} (null: today); 404 when unknown or of a customer the user may not see. */
    @Transactional(readOnly = true)
    public PaymentPlan get(long id, LocalDate asOf) {
        return views.view(visible(id), asOf == null ? LocalDate.now(clock) : asOf);
    }

    /** Plans as of {@code asOf} (null: today), newest first, of a customer and/or in a status; a collector sees only own customers. */
    @Transactional(readOnly = true)
    public Page<PaymentPlan> list(String customerCode, PaymentPlanStatus status, LocalDate asOf, int page, int size) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        Long customerId = customerCode == null || customerCode.isBlank() ? null : customers.ref(customerCode.strip()).id();
        CurrentUser me = CurrentUser.get();
        List<PaymentPlan> all = queries.list(customerId, me.portfolioOnly() ? me.username() : null, status, day, 5000).stream()
                .map(r -> views.view(r, day)).filter(p -> status == null || p.status() == status).toList();
        int from = Math.min(all.size(), page * size);
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), all.size(), page, size);
    }

    /** The customer's plans in a few figures as of today, newest first (404 for a customer the user may not see). */
    @Transactional(readOnly = true)
    public List<PlanSummary> forCustomer(String customerCode) {
        long customerId = customers.ref(customerCode).id();
        LocalDate today = LocalDate.now(clock);
        return queries.list(customerId, null, 200).stream().map(r -> views.view(r, today)).map(p -> {
            PaymentPlan.Installment next = p.status() == PaymentPlanStatus.CANCELLED ? null : p.nextDue();
            return new PlanSummary(p.id(), p.status(), p.currency(), p.total(), p.paid(), next == null ? null : next.dueDate(),
                    next == null ? null : next.amount().subtract(next.paid()));
        }).toList();
    }

    /** The pending plans whose missing approvals the current user may give, oldest first. */
    @Transactional(readOnly = true)
    public List<PaymentPlan> awaitingMe() {
        CurrentUser me = CurrentUser.get();
        LocalDate today = LocalDate.now(clock);
        return queries.list(null, me.portfolioOnly() ? me.username() : null, PaymentPlanStatus.PENDING_APPROVAL, today, 5000).stream()
                .filter(r -> "PENDING_APPROVAL".equals(r.status()))
                .map(r -> views.view(r, today)).filter(p -> approvals.awaits(me, p.missingApprovals()))
                .sorted(java.util.Comparator.comparingLong(PaymentPlan::id)).toList();
    }

    PaymentPlanQueries.Row visible(long id) {
        PaymentPlanQueries.Row row = queries.find(id).orElseThrow(() -> new NotFoundException("payment plan", String.valueOf(id)));
        if (!CurrentUser.get().mayAccess(row.owner())) {
            throw new NotFoundException("payment plan", String.valueOf(id));
        }
        return row;
    }

    private PaymentPlanQueries.Row pending(long id) {
        PaymentPlanQueries.Row row = visible(id);
        if (!"PENDING_APPROVAL".equals(row.status())) {
            throw new ConflictException("id", "payment plan " + id + " is " + row.status() + ", not PENDING_APPROVAL");
        }
        return row;
    }
}
