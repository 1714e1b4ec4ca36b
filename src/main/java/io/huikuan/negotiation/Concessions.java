package io.huikuan.negotiation;

import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.ledger.InvoiceView;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Concessions (让步) under the authority matrix: a collector, manager or finance proposes one for a customer's invoices;
 * its value decides who approves ({@link AuthorityMatrix#required}, the proposer's own authority counting first); once
 * approved, an unconditional one is posted at once, a conditional one waits for {@link ConcessionPosting}.
 */
@Service
public class Concessions {

    /** What the customer's negotiation panel shows: counts and amounts by status, the latest concessions. */
    public record CustomerSummary(String customerCode, long pending, long waiting, long posted, BigDecimal postedAmount, List<Concession> recent) {
    }

    private final ConcessionProposal proposal;
    private final ConcessionQueries queries;
    private final ConcessionPosting posting;
    private final AuthorityMatrix matrix;
    private final NegotiationApprovals approvals;
    private final CustomerService customers;
    private final JdbcClient jdbc;
    private final Clock clock;

    Concessions(ConcessionProposal proposal, ConcessionQueries queries, ConcessionPosting posting, AuthorityMatrix matrix,
            NegotiationApprovals approvals, CustomerService customers, JdbcClient jdbc, Clock clock) {
        this.proposal = proposal;
        this.queries = queries;
        this.posting = posting;
        this.matrix = matrix;
        this.approvals = approvals;
        this.customers = customers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** May the current user propose concessions (collectors for their own customers, managers, finance)? */
    public static boolean mayPropose() {
        CurrentUser u = CurrentUser.get();
        return u.has(Role.ADMIN) || u.has(Role.MANAGER) || u.has(Role.FINANCE) || u.has(Role.COLLECTOR);
    }

    @Transactional
    public Concession propose(NewConcession in) {
        CurrentUser user = CurrentUser.require("propose a concession", Role.COLLECTOR, Role.MANAGER, Role.FINANCE);
        LocalDate today = LocalDate.now(clock);
        ConcessionProposal.Checked c = proposal.check(in, today);
        Authority required = matrix.required(c.amount(), false);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO concession (customer_id, kind, status, amount, percent, open_at_proposal, pay_by, pay_amount, reason, plan_id,
                                        activity_id, authority, proposed_on, proposed_by, proposed_at)
                VALUES (?, ?, 'PENDING_APPROVAL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.customer().id(), c.kind().name(), c.amount(), c.percent(), c.open(), c.payBy() == null ? null : Date.valueOf(c.payBy()),
                        c.payAmount(), c.reason(), in.planId(), in.activityId(), required.name(), Date.valueOf(today), user.username(),
                        Timestamp.from(clock.instant()))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < c.invoices().size(); i++) {
            InvoiceView v = c.invoices().get(i);
            keys.add(c.kind().group() + ":" + v.invoiceNo());
        }
        List<String> taken = queries.taken(keys);
        if (!taken.isEmpty()) {
            throw new ConflictException("invoiceNos", "already in a live concession of this kind: " + String.join(", ", taken));
        }
        for (int i = 0; i < c.invoices().size(); i++) {
            InvoiceView v = c.invoices().get(i);
            jdbc.sql("""
                    INSERT INTO concession_invoice (concession_id, line_no, invoice_no, open_at_proposal, share, live_key)
                    VALUES (?, ?, ?, ?, ?, ?)""").params(id, i + 1, v.invoiceNo(), v.open(), c.shares().get(i), keys.get(i)).update();
        }
        NegotiationApprovals.Result r = approvals.proposed(ApprovalSubject.CONCESSION, id, required);
        if (r.outcome() == NegotiationApprovals.Outcome.APPROVED) {
            posting.approved(id);
        }
        return detail(id);
    }

    @Transactional
    public Concession approve(long id) {
        return decide(id, true, null);
    }

    @Transactional
    public Concession reject(long id, String reason) {
        return decide(id, false, reason);
    }

    private Concession decide(long id, boolean approve, String reason) {
        CurrentUser user = CurrentUser.require(approve ? "approve a concession" : "reject a concession", Role.COLLECTOR, Role.MANAGER, Role.FINANCE);
        Concession c = live(id, ConcessionStatus.PENDING_APPROVAL);
        NegotiationApprovals.Result r = approvals.decide(ApprovalSubject.CONCESSION, id, c.authority(), approve, reason);
        switch (r.outcome()) {
            case APPROVED -> posting.approved(id);
            case REJECTED -> posting.close(id, ConcessionStatus.REJECTED, LocalDate.now(clock), user.username(), reason.strip());
            case WAITING -> {
            }
        }
        return detail(id);
    }

    /** Cancels a pending or approved (not yet posted) concession: its proposer or a manager. */
    @Transactional
    public Concession cancel(long id, String reason) {
        CurrentUser user = CurrentUser.require("cancel a concession", Role.COLLECTOR, Role.MANAGER, Role.FINANCE);
        Concession c = get(id);
        if (!user.isManager() && !user.username().equals(c.proposedBy())) {
            throw new AccessDeniedException("only the proposer or a manager may cancel this concession");
        }
        List<FieldError> errors = new ArrayList<>();
        String why = reason == null || reason.isBlank() ? null : SupplyHolds.reason(errors, "reason", reason);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ConcessionStatus now = ConcessionStatus.valueOf(queries.lockStatus(id).orElseThrow());
        if (!now.live()) {
            throw new ConflictException("id", "concession " + id + " is " + now + ": only a pending or approved one can be cancelled");
        }
        posting.close(id, ConcessionStatus.CANCELLED, LocalDate.now(clock), user.username(), why);
        return detail(id);
    }

    /** The concession with its invoices and approvals, if the current user may see its customer (404 otherwise). */
    public Concession get(long id) {
        Concession c = queries.find(id).orElseThrow(() -> new NotFoundException("concession", String.valueOf(id)));
        customers.ref(c.customerCode());
        return complete(c);
    }

    public Page<Concession> list(String customerCode, ConcessionStatus status, int page, int size) {
        CurrentUser me = CurrentUser.get();
        String code = customerCode == null || customerCode.isBlank() ? null : customers.ref(customerCode.strip()).code();
        Page<Concession> p = queries.list(new ConcessionQueries.Filter(code, status, me.portfolioOnly() ? me.username() : null), page, size);
        return new Page<>(p.items().stream().map(this::complete).toList(), p.total(), p.page(), p.size());
    }

    /** Pending concessions the current user may approve now (their approval queue), oldest first. */
    public List<Concession> awaitingMe() {
        CurrentUser me = CurrentUser.get();
        return queries.pending(me.portfolioOnly() ? me.username() : null, 500).stream().map(this::complete)
                .filter(c -> approvals.awaits(me, c.missing()) && !approvedBy(c, me.username())).toList();
    }

    /** The customer's concessions in brief, for the negotiation panel of the customer page. */
    public CustomerSummary forCustomer(String customerCode) {
        CustomerRef ref = customers.ref(customerCode);
        long pending = 0;
        long waiting = 0;
        long posted = 0;
        BigDecimal postedAmount = BigDecimal.ZERO;
        for (ConcessionQueries.StatusTotal t : queries.totals(ref.id())) {
            switch (t.status()) {
                case PENDING_APPROVAL -> pending = t.count();
                case APPROVED -> waiting = t.count();
                case POSTED -> {
                    posted = t.count();
                    postedAmount = t.posted();
                }
                default -> {
                }
            }
        }
        return new CustomerSummary(ref.code(), pending, waiting, posted, postedAmount, queries.recent(ref.id(), 10).stream().map(this::complete).toList());
    }

    /** May the current user approve (or reject) this concession now? */
    public boolean mayDecide(Concession c) {
        CurrentUser me = CurrentUser.get();
        return c.status() == ConcessionStatus.PENDING_APPROVAL && approvals.awaits(me, c.missing()) && !approvedBy(c, me.username());
    }

    /** May the current user cancel it? */
    public boolean mayCancel(Concession c) {
        CurrentUser me = CurrentUser.get();
        return c.status().live() && (me.isManager() || me.username().equals(c.proposedBy()));
    }

    private static boolean approvedBy(Concession c, String username) {
        return c.approvals().stream().anyMatch(d -> d.username().equals(username) && d.decision().equals("APPROVED"));
    }

    private Concession live(long id, ConcessionStatus expected) {
        get(id);
        String status = queries.lockStatus(id).orElseThrow(() -> new NotFoundException("concession", String.valueOf(id)));
        if (!status.equals(expected.name())) {
            throw new ConflictException("id", "concession " + id + " is " + status + ", not " + expected);
        }
        return get(id);
    }

    private Concession detail(long id) {
        return complete(queries.find(id).orElseThrow());
    }

    private Concession complete(Concession c) {
        List<Role> missing = c.status() == ConcessionStatus.PENDING_APPROVAL ? approvals.missing(ApprovalSubject.CONCESSION, c.id(), c.authority())
                : List.of();
        return c.with(missing, queries.lines(c.id()), approvals.history(ApprovalSubject.CONCESSION, c.id()));
    }
}
