package io.huikuan.ledger;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes on invoices (质量异议, price, quantity...): an invoice is disputed from the day a
 * dispute is opened until the day it is resolved. A disputed amount stays in the receivables and
 * the aging (it is still owed) but is shown apart. At most one open dispute per invoice. Collectors
 * (their own portfolio), finance, legal and managers may open and resolve; every change goes to the
 * history.
 */
@Service
public class DisputeService {

    /** A dispute; {@code resolvedOn} null while it is open. */
    public record Dispute(long id, String invoiceNo, LocalDate openedOn, String reason, String openedBy, LocalDate resolvedOn,
            String resolution, String resolvedBy) {

        public boolean open() {
            return resolvedOn == null;
        }
    }

    private final JdbcClient jdbc;
    private final InvoiceService invoices;
    private final History history;
    private final BalancePeriods periods;
    private final Clock clock;

    DisputeService(JdbcClient jdbc, InvoiceService invoices, History history, BalancePeriods periods, Clock clock) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.history = history;
        this.periods = periods;
        this.clock = clock;
    }

    /** The invoice's disputes, newest first (404 for an invoice the user may not see). */
    @Transactional(readOnly = true)
    public List<Dispute> list(String invoiceNo) {
        invoices.get(invoiceNo);
        return rows(invoiceNo);
    }

    /** The invoice's disputes, newest first, without the access check (callers have made it). */
    private List<Dispute> rows(String invoiceNo) {
        return jdbc.sql("""
                SELECT d.id, i.invoice_no, d.opened_on, d.reason, d.opened_by, d.resolved_on, d.resolution, d.resolved_by
                FROM invoice_dispute d JOIN invoice i ON i.id = d.invoice_id WHERE i.invoice_no = ? ORDER BY d.opened_on DESC, d.id DESC""")
                .param(invoiceNo)
                .query((rs, n) -> new Dispute(rs.getLong("id"), rs.getString("invoice_no"), rs.getObject("opened_on", LocalDate.class),
                        rs.getString("reason"), rs.getString("opened_by"), rs.getObject("resolved_on", LocalDate.class),
                        rs.getString("resolution"), rs.getString("resolved_by")))
                .list();
    }

    /** Opens a dispute dated {@code openedOn} (today when null): not before the issue date, not in the future. */
    @Transactional
    public Dispute open(String invoiceNo, LocalDate openedOn, String reason) {
        CurrentUser.require("open disputes", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        InvoiceView invoice = lock(invoiceNo);
        LocalDate date = openedOn == null ? LocalDate.now(clock) : openedOn;
        List<FieldError> errors = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            errors.add(FieldError.coded("reason", reason, "required", "required"));
        } else if (reason.trim().length() > 500) {
            errors.add(FieldError.coded("reason", reason.length(), "text.tooLong", "at most 500 characters", 500));
        }
        checkDate(errors, "openedOn", date, invoice.issueDate(), "dispute.beforeIssue", "the invoice's issue date " + invoice.issueDate());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (openOf(invoiceNo) != null) {
            throw new ConflictException("invoiceNo", "invoice '" + invoiceNo + "' already has an open dispute; resolve it first");
        }
        jdbc.sql("""
                INSERT INTO invoice_dispute (invoice_id, opened_on, reason, opened_by, created_at)
                SELECT id, ?, ?, ?, ? FROM invoice WHERE invoice_no = ?""")
                .params(Date.valueOf(date), reason.trim(), CurrentUser.get().username(), Timestamp.from(Instant.now(clock)), invoiceNo)
                .update();
        Dispute opened = openOf(invoiceNo);
        history.record("DISPUTE", invoiceNo, invoice.customerCode(), "CREATE", null, opened, CurrentUser.get().username(), reason.trim());
        periods.markChanged();
        return opened;
    }

    /** Resolves the open dispute on {@code resolvedOn} (today when null): not before it was opened, not in the future. */
    @Transactional
    public Dispute resolve(String invoiceNo, LocalDate resolvedOn, String resolution) {
        CurrentUser.require("resolve disputes", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        InvoiceView invoice = lock(invoiceNo);
        Dispute open = openOf(invoiceNo);
        if (open == null) {
            throw ValidationException.coded("invoiceNo", invoiceNo, "dispute.noneOpen", "has no open dispute");
        }
        LocalDate date = resolvedOn == null ? LocalDate.now(clock) : resolvedOn;
        List<FieldError> errors = new ArrayList<>();
        if (resolution == null || resolution.isBlank()) {
            errors.add(FieldError.coded("resolution", resolution, "required", "required"));
        } else if (resolution.trim().length() > 500) {
            errors.add(FieldError.coded("resolution", resolution.length(), "text.tooLong", "at most 500 characters", 500));
        }
        checkDate(errors, "resolvedOn", date, open.openedOn(), "dispute.beforeOpened", "the day the dispute was opened (" + open.openedOn() + ")");
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        jdbc.sql("UPDATE invoice_dispute SET resolved_on = ?, resolution = ?, resolved_by = ? WHERE id = ?")
                .params(Date.valueOf(date), resolution.trim(), CurrentUser.get().username(), open.id()).update();
        Dispute resolved = rows(invoiceNo).stream().filter(d -> d.id() == open.id()).findFirst().orElseThrow();
        history.record("DISPUTE", invoiceNo, invoice.customerCode(), "UPDATE", open, resolved, CurrentUser.get().username(), resolution.trim());
        periods.markChanged();
        return resolved;
    }

    /** The invoice's open dispute, or null. */
    private Dispute openOf(String invoiceNo) {
        return rows(invoiceNo).stream().filter(Dispute::open).findFirst().orElse(null);
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
