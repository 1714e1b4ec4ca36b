package io.huikuan.ledger;

import io.huikuan.common.InputRules;
import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Credit notes and write-offs: both reduce an invoice's open balance, never below zero. */
@Service
public class AdjustmentService {

    private final JdbcClient jdbc;
    private final InvoiceService invoices;
    private final History history;
    private final BalancePeriods periods;
    private final Clock clock;

    AdjustmentService(JdbcClient jdbc, InvoiceService invoices, History history, BalancePeriods periods, Clock clock) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.invoices = invoices;
        this.history = history;
        this.clock = clock;
    }

    @Transactional
    public CreditNote creditNote(CreditNote note) {
        CurrentUser.require("issue credit notes", Role.FINANCE, Role.MANAGER);
        List<FieldError> errors = new ArrayList<>();
        LedgerRules.number(errors, "creditNoteNo", note.creditNoteNo());
        LedgerRules.amount(errors, "amount", note.amount());
        if (note.noteDate() == null) {
            errors.add(FieldError.coded("noteDate", null, "date.required", "required (yyyy-MM-dd)"));
        }
        if (note.reason() == null || note.reason().isBlank()) {
            errors.add(FieldError.coded("reason", note.reason(), "required", "required"));
        }
        InputRules.length(errors, "reason", note.reason(), 500);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        InvoiceView invoice = lockInvoice(note.invoiceNo());
        if (jdbc.sql("SELECT count(*) FROM credit_note WHERE credit_note_no = ?").param(note.creditNoteNo()).query(Long.class).single() > 0) {
            throw new ConflictException("creditNoteNo", "credit note '" + note.creditNoteNo() + "' already exists");
        }
        checkWithinOpen(invoice, note.amount());
        jdbc.sql("""
                INSERT INTO credit_note (credit_note_no, invoice_id, note_date, amount, reason, created_at, created_by)
                SELECT ?, id, ?, ?, ?, ?, ? FROM invoice WHERE invoice_no = ?""")
                .params(note.creditNoteNo(), Date.valueOf(note.noteDate()), note.amount(), note.reason().trim(),
                        Timestamp.from(Instant.now(clock)), CurrentUser.get().username(), note.invoiceNo())
                .update();
        periods.refreshNumbers(List.of(note.invoiceNo()));
        history.record("CREDIT_NOTE", note.creditNoteNo(), invoice.customerCode(), "CREATE", null, note, CurrentUser.get().username(), note.reason());
        return note;
    }

    /** Writes off part or all of an invoice's open balance; managers and administrators only. */
    @Transactional
    public WriteOff writeOff(WriteOff w) {
        CurrentUser user = CurrentUser.get();
        if (!user.isManager()) {
            throw new AccessDeniedException("only a manager may write off a debt");
        }
        List<FieldError> errors = new ArrayList<>();
        LedgerRules.amount(errors, "amount", w.amount());
        if (w.writeOffDate() == null) {
            errors.add(FieldError.coded("writeOffDate", null, "date.required", "required (yyyy-MM-dd)"));
        }
        if (w.reason() == null || w.reason().isBlank()) {
            errors.add(FieldError.coded("reason", w.reason(), "reason.writeOff", "required: why this debt is written off"));
        }
        InputRules.length(errors, "reason", w.reason(), 500);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        InvoiceView invoice = lockInvoice(w.invoiceNo());
        checkWithinOpen(invoice, w.amount());
        jdbc.sql("""
                INSERT INTO write_off (invoice_id, write_off_date, amount, reason, created_at, created_by)
                SELECT id, ?, ?, ?, ?, ? FROM invoice WHERE invoice_no = ?""")
                .params(Date.valueOf(w.writeOffDate()), w.amount(), w.reason().trim(), Timestamp.from(Instant.now(clock)), user.username(),
                        w.invoiceNo())
                .update();
        Long id = jdbc.sql("SELECT max(id) FROM write_off WHERE invoice_id = (SELECT id FROM invoice WHERE invoice_no = ?)")
                .param(w.invoiceNo()).query(Long.class).single();
        WriteOff stored = new WriteOff(id, w.invoiceNo(), w.writeOffDate(), LedgerQueries.scale(w.amount()), w.reason().trim(), user.username());
        periods.refreshNumbers(List.of(w.invoiceNo()));
        history.record("WRITE_OFF", String.valueOf(id), invoice.customerCode(), "CREATE", null, stored, user.username(), w.reason());
        return stored;
    }

    public List<CreditNote> creditNotes(String invoiceNo) {
        return jdbc.sql("""
                SELECT cn.credit_note_no, cn.note_date, cn.amount, cn.reason FROM credit_note cn JOIN invoice i ON i.id = cn.invoice_id
                WHERE i.invoice_no = ? ORDER BY cn.note_date, cn.id""").param(invoiceNo)
                .query((rs, n) -> new CreditNote(rs.getString(1), invoiceNo, rs.getObject(2, java.time.LocalDate.class),
                        LedgerQueries.scale(rs.getBigDecimal(3)), rs.getString(4))).list();
    }

    public List<WriteOff> writeOffs(String invoiceNo) {
        return jdbc.sql("""
                SELECT w.id, w.write_off_date, w.amount, w.reason, w.created_by FROM write_off w JOIN invoice i ON i.id = w.invoice_id
                WHERE i.invoice_no = ? ORDER BY w.write_off_date, w.id""").param(invoiceNo)
                .query((rs, n) -> new WriteOff(rs.getLong(1), invoiceNo, rs.getObject(2, java.time.LocalDate.class),
                        LedgerQueries.scale(rs.getBigDecimal(3)), rs.getString(4), rs.getString(5))).list();
    }

    private InvoiceView lockInvoice(String invoiceNo) {
        invoices.get(invoiceNo);
        jdbc.sql("SELECT id FROM invoice WHERE invoice_no = ? FOR UPDATE").param(invoiceNo).query(Long.class).single();
        return invoices.get(invoiceNo);
    }

    private static void checkWithinOpen(InvoiceView invoice, BigDecimal amount) {
        if (amount.compareTo(invoice.open()) > 0) {
            throw ValidationException.coded("amount", amount, "exceedsOpen", "exceeds the open balance " + invoice.open() + " of invoice " + invoice.invoiceNo(),
                    invoice.open().toPlainString(), invoice.invoiceNo());
        }
    }
}
