package io.huikuan.ledger;

import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes on invoices (质量异议, price, quantity...): an amount of an invoice is disputed from the day a dispute is
 * opened until the day it is resolved. A disputed amount stays in the receivables and the aging (it is still owed) but
 * is shown apart and not collected; the rest of the invoice is. Several disputes may be open on one invoice as long as
 * together they do not exceed its open amount on the day the last one was opened (a dispute without an amount covers
 * the whole open amount, so it cannot join another). Collectors (their own portfolio), finance, legal and managers may
 * open and resolve; a credit-note outcome posts the credit note through {@link AdjustmentService} (finance, managers).
 * Every change goes to the history.
 */
@Service
public class DisputeService {

    /** What opening a dispute takes; {@code category}, {@code owner} as text so a bad value is named. */
    public record NewDispute(LocalDate openedOn, String reason, BigDecimal amount, String category, String owner, String ownerUser,
            LocalDate dueBy) {
    }

    /** How a dispute is resolved: the outcome, the credit note's amount (and number, else {@code DSP-<id>}), a note. */
    public record Resolution(LocalDate resolvedOn, String outcome, BigDecimal amount, String note, String creditNoteNo) {
    }

    private final JdbcClient jdbc;
    private final InvoiceService invoices;
    private final AdjustmentService adjustments;
    private final DisputeQueries queries;
    private final UserDirectory users;
    private final History history;
    private final BalancePeriods periods;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DisputeService(JdbcClient jdbc, InvoiceService invoices, AdjustmentService adjustments, DisputeQueries queries, UserDirectory users,
            History history, BalancePeriods periods, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.adjustments = adjustments;
        this.queries = queries;
        this.users = users;
        this.history = history;
        this.periods = periods;
        this.events = events;
        this.clock = clock;
    }

    /** The invoice's disputes, newest first (404 for an invoice the user may not see). */
    @Transactional(readOnly = true)
    public List<Dispute> list(String invoiceNo) {
        invoices.get(invoiceNo);
        return queries.byInvoice(invoiceNo);
    }

    /** One dispute (404 when unknown or on an invoice the user may not see). */
    @Transactional(readOnly = true)
    public Dispute get(long id) {
        Dispute d = queries.byId(id).orElseThrow(() -> new NotFoundException("dispute", String.valueOf(id)));
        invoices.get(d.invoiceNo());
        return d;
    }

    /** Opens a dispute on the whole open amount, dated {@code openedOn} (today when null), as before amounts existed. */
    @Transactional
    public Dispute open(String invoiceNo, LocalDate openedOn, String reason) {
        return open(invoiceNo, new NewDispute(openedOn, reason, null, null, null, null, null));
    }

    /** Opens a dispute: not before the issue date, not in the future, for at most the undisputed open amount of that day. */
    @Transactional
    public Dispute open(String invoiceNo, NewDispute n) {
        CurrentUser.require("open disputes", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        InvoiceView invoice = lock(invoiceNo);
        LocalDate date = n.openedOn() == null ? LocalDate.now(clock) : n.openedOn();
        List<FieldError> errors = new ArrayList<>();
        text(errors, "reason", n.reason(), true);
        checkDate(errors, "openedOn", date, invoice.issueDate(), "dispute.beforeIssue", "the invoice's issue date " + invoice.issueDate());
        DisputeCategory category = choice(errors, DisputeCategory.class, "category", n.category());
        DisputeOwner owner = choice(errors, DisputeOwner.class, "owner", n.owner());
        String ownerUser = n.ownerUser() == null || n.ownerUser().isBlank() ? null : n.ownerUser().trim();
        if (ownerUser != null && users.find(ownerUser).filter(u -> u.enabled()).isEmpty()) {
            errors.add(FieldError.coded("ownerUser", ownerUser, "dispute.unknownUser", "not an active user"));
        }
        if (n.dueBy() != null && n.dueBy().isBefore(date)) {
            errors.add(FieldError.coded("dueBy", n.dueBy(), "dispute.dueBeforeOpened", "must not be before the day the dispute is opened (" + date + ")",
                    date));
        }
        if (n.amount() != null) {
            LedgerRules.amount(errors, "amount", n.amount());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Date d = Date.valueOf(date);
        BigDecimal openAmount = jdbc.sql("""
                SELECT b.open_amount FROM balance_period b JOIN invoice i ON i.id = b.invoice_id
                WHERE i.invoice_no = ? AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?)""")
                .params(invoiceNo, d, d).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO.setScale(2));
        BigDecimal disputed = jdbc.sql("""
                SELECT coalesce(sum(x.amount), 0) FROM invoice_dispute x JOIN invoice i ON i.id = x.invoice_id
                WHERE i.invoice_no = ? AND (x.resolved_on IS NULL OR x.resolved_on > ?)""")
                .params(invoiceNo, d).query(BigDecimal.class).single();
        BigDecimal amount;
        if (n.amount() == null) {
            if (disputed.signum() > 0) {
                throw new ConflictException("invoiceNo", "invoice '" + invoiceNo + "' already has an open dispute for " + disputed.toPlainString()
                        + "; give the amount of this one (at most the undisputed rest) or resolve it first");
            }
            if (openAmount.signum() <= 0) {
                throw ValidationException.coded("openedOn", date, "dispute.nothingOpen", "the invoice has no open amount on " + date, date);
            }
            amount = openAmount;
        } else {
            BigDecimal rest = openAmount.subtract(disputed).max(BigDecimal.ZERO);
            if (n.amount().compareTo(rest) > 0) {
                throw ValidationException.coded("amount", n.amount(), "dispute.exceedsOpen", "exceeds the undisputed open amount " + rest.toPlainString()
                        + " of invoice " + invoiceNo + " on " + date, rest.toPlainString(), invoiceNo, date);
            }
            amount = n.amount().setScale(2);
        }
        String user = CurrentUser.get().username();
        long id = jdbc.sql("""
                INSERT INTO invoice_dispute (invoice_id, opened_on, reason, opened_by, created_at, amount, category, owner_function, owner_user, due_by)
                SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM invoice WHERE invoice_no = ?""")
                .params(d, n.reason().trim(), user, Timestamp.from(Instant.now(clock)), amount,
                        (category == null ? DisputeCategory.OTHER : category).name(), owner == null ? null : owner.name(), ownerUser,
                        n.dueBy() == null ? null : Date.valueOf(n.dueBy()), invoiceNo)
                .update() > 0 ? lastId(invoiceNo) : -1;
        Dispute opened = queries.byId(id).orElseThrow();
        history.record("DISPUTE", invoiceNo, invoice.customerCode(), "CREATE", null, opened, user, n.reason().trim());
        periods.markChanged();
        CustomerRef c = customer(invoiceNo);
        events.publishEvent(new DisputeOpened(id, c.id(), invoice.customerCode(), c.owner(), invoiceNo, amount, opened.category(), owner, ownerUser,
                date, n.dueBy()));
        return opened;
    }

    /**
     * Opens a dispute for the undisputed rest of the customer's oldest open invoice (by due date) that has one, as an
     * activity with outcome DISPUTE_RAISED does; empty when no invoice has an undisputed rest on {@code on}.
     */
    @Transactional
    public java.util.Optional<Dispute> raise(String customerCode, LocalDate on, String reason, DisputeCategory category) {
        Date d = Date.valueOf(on);
        record Rest(String invoiceNo, BigDecimal rest) {
        }
        java.util.Optional<Rest> oldest = jdbc.sql("""
                SELECT i.invoice_no, b.open_amount - (SELECT coalesce(sum(x.amount), 0) FROM invoice_dispute x WHERE x.invoice_id = i.id
                                                      AND (x.resolved_on IS NULL OR x.resolved_on > ?)) rest
                FROM invoice i JOIN customer c ON c.id = i.customer_id
                JOIN balance_period b ON b.invoice_id = i.id AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?)
                WHERE c.code = ? ORDER BY i.due_date, i.invoice_no""")
                .params(d, d, d, customerCode).query((rs, n) -> new Rest(rs.getString(1), rs.getBigDecimal(2))).stream()
                .filter(r -> r.rest().signum() > 0).findFirst();
        return oldest.map(r -> open(r.invoiceNo(), new NewDispute(on, reason, r.rest(), category.name(), null, null, null)));
    }

    /**
     * Resolves every open dispute of the invoice on {@code resolvedOn} (today when null) with a free-text resolution, as
     * before outcomes existed; returns the last one resolved.
     */
    @Transactional
    public Dispute resolve(String invoiceNo, LocalDate resolvedOn, String resolution) {
        CurrentUser.require("resolve disputes", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        lock(invoiceNo);
        List<Dispute> open = queries.byInvoice(invoiceNo).stream().filter(Dispute::open).toList();
        if (open.isEmpty()) {
            throw ValidationException.coded("invoiceNo", invoiceNo, "dispute.noneOpen", "has no open dispute");
        }
        List<FieldError> errors = new ArrayList<>();
        text(errors, "resolution", resolution, true);
        LocalDate date = resolvedOn == null ? LocalDate.now(clock) : resolvedOn;
        LocalDate latest = open.stream().map(Dispute::openedOn).max(LocalDate::compareTo).orElseThrow();
        checkDate(errors, "resolvedOn", date, latest, "dispute.beforeOpened", "the day the dispute was opened (" + latest + ")");
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Dispute last = null;
        for (Dispute d : open) {
            last = close(d, date, resolution.trim(), null, null, null);
        }
        return last;
    }

    /** Resolves one open dispute with an outcome; CREDIT_NOTE posts a credit note for {@code amount} (at most the disputed amount). */
    @Transactional
    public Dispute resolve(long id, Resolution r) {
        CurrentUser.require("resolve disputes", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        Dispute d = get(id);
        lock(d.invoiceNo());
        d = queries.byId(id).orElseThrow();
        if (!d.open()) {
            throw new ConflictException("id", "dispute " + id + " was already resolved on " + d.resolvedOn());
        }
        LocalDate date = r.resolvedOn() == null ? LocalDate.now(clock) : r.resolvedOn();
        List<FieldError> errors = new ArrayList<>();
        DisputeOutcome outcome = choice(errors, DisputeOutcome.class, "outcome", r.outcome());
        if (r.outcome() == null || r.outcome().isBlank()) {
            errors.add(FieldError.coded("outcome", null, "required", "required: one of " + java.util.Arrays.toString(DisputeOutcome.values())));
        }
        text(errors, "note", r.note(), false);
        checkDate(errors, "resolvedOn", date, d.openedOn(), "dispute.beforeOpened", "the day the dispute was opened (" + d.openedOn() + ")");
        if (outcome == DisputeOutcome.CREDIT_NOTE || outcome == DisputeOutcome.REBILL) {
            if (outcome == DisputeOutcome.CREDIT_NOTE || r.amount() != null) {
                LedgerRules.amount(errors, "amount", r.amount());
            }
            if (r.amount() != null && r.amount().compareTo(d.amount()) > 0) {
                errors.add(FieldError.coded("amount", r.amount(), "dispute.aboveDisputed", "must not exceed the disputed amount " + d.amount().toPlainString(),
                        d.amount().toPlainString()));
            }
        } else if (outcome != null && r.amount() != null) {
            errors.add(FieldError.coded("amount", r.amount(), "dispute.amountOnlyWithCredit", "only with outcome CREDIT_NOTE or REBILL"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String note = r.note() == null || r.note().isBlank() ? outcome.name() : r.note().trim();
        String creditNoteNo = null;
        if (outcome == DisputeOutcome.CREDIT_NOTE) {
            creditNoteNo = r.creditNoteNo() == null || r.creditNoteNo().isBlank() ? "DSP-" + id : r.creditNoteNo().trim();
            adjustments.creditNote(new CreditNote(creditNoteNo, d.invoiceNo(), date, r.amount(), "dispute " + id + ": " + note));
        }
        return close(d, date, note, outcome, r.amount() == null ? null : r.amount().setScale(2), creditNoteNo);
    }

    private Dispute close(Dispute open, LocalDate date, String resolution, DisputeOutcome outcome, BigDecimal amount, String creditNoteNo) {
        String user = CurrentUser.get().username();
        jdbc.sql("""
                UPDATE invoice_dispute SET resolved_on = ?, resolution = ?, resolved_by = ?, outcome = ?, resolved_amount = ?, credit_note_no = ?
                WHERE id = ?""")
                .params(Date.valueOf(date), resolution, user, outcome == null ? null : outcome.name(), amount, creditNoteNo, open.id()).update();
        Dispute resolved = queries.byId(open.id()).orElseThrow();
        history.record("DISPUTE", open.invoiceNo(), open.customerCode(), "UPDATE", open, resolved, user, resolution);
        periods.markChanged();
        events.publishEvent(new DisputeResolved(open.id(), customer(open.invoiceNo()).id(), open.invoiceNo(), date, outcome));
        return resolved;
    }

    private record CustomerRef(long id, String owner) {
    }

    private CustomerRef customer(String invoiceNo) {
        return jdbc.sql("SELECT c.id, c.owner FROM invoice i JOIN customer c ON c.id = i.customer_id WHERE i.invoice_no = ?").param(invoiceNo)
                .query((rs, n) -> new CustomerRef(rs.getLong(1), rs.getString(2))).single();
    }

    private long lastId(String invoiceNo) {
        return jdbc.sql("SELECT max(x.id) FROM invoice_dispute x JOIN invoice i ON i.id = x.invoice_id WHERE i.invoice_no = ?").param(invoiceNo)
                .query(Long.class).single();
    }

    private static void text(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(FieldError.coded(field, value, "required", "required"));
            }
        } else if (value.trim().length() > 500) {
            errors.add(FieldError.coded(field, value.length(), "text.tooLong", "at most 500 characters", 500));
        }
    }

    static <E extends Enum<E>> E choice(List<FieldError> errors, Class<E> type, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.coded(field, raw, "choice", "one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private void checkDate(List<FieldError> errors, String field, LocalDate date, LocalDate earliest, String code, String what) {
        if (date.isBefore(earliest)) {
            errors.add(FieldError.coded(field, date, code, "must not be before " + what, earliest));
        }
        if (date.isAfter(LocalDate.now(clock))) {
            errors.add(FieldError.coded(field, date, "dispute.future", "must not be in the future"));
        }
    }

    private InvoiceView lock(String invoiceNo) {
        InvoiceView invoice = invoices.get(invoiceNo);
        jdbc.sql("SELECT id FROM invoice WHERE invoice_no = ? FOR UPDATE").param(invoiceNo).query(Long.class).single();
        return invoice;
    }
}
