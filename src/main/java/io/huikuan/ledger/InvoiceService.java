package io.huikuan.ledger;

import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Invoices: create, change, delete, classify the overdue cause; every change goes to the history. */
@Service
public class InvoiceService {

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final LedgerQueries queries;
    private final History history;
    private final BalancePeriods periods;
    private final Clock clock;

    InvoiceService(JdbcClient jdbc, CustomerService customers, LedgerQueries queries, History history, BalancePeriods periods, Clock clock) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.customers = customers;
        this.queries = queries;
        this.history = history;
        this.clock = clock;
    }

    /** The invoice with balances if the current user may see its customer (404 otherwise). */
    public InvoiceView get(String invoiceNo) {
        InvoiceView view = queries.invoice(invoiceNo).orElseThrow(() -> new NotFoundException("invoice", invoiceNo));
        customers.ref(view.customerCode());
        return view;
    }

    @Transactional
    public InvoiceView create(Invoice invoice, String reason) {
        CurrentUser.require("create invoices", Role.FINANCE, Role.MANAGER);
        List<FieldError> errors = new ArrayList<>(LedgerRules.check(invoice));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        CustomerRef customer = customerOrError(invoice.customerCode());
        Long contractId = contractId(invoice.contractNo(), customer.id());
        if (queries.invoice(invoice.invoiceNo()).isPresent()) {
            throw new ConflictException("invoiceNo", "invoice '" + invoice.invoiceNo() + "' already exists");
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.sql("""
                INSERT INTO invoice (invoice_no, customer_id, contract_id, issue_date, due_date, amount, currency, tax_invoice_no,
                                     tax_invoice_date, business_unit, created_at, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(invoice.invoiceNo(), customer.id(), contractId, Date.valueOf(invoice.issueDate()), Date.valueOf(invoice.dueDate()),
                        invoice.amount(), currency(invoice.currency()), blank(invoice.taxInvoiceNo()),
                        invoice.taxInvoiceDate() == null ? null : Date.valueOf(invoice.taxInvoiceDate()), blank(invoice.businessUnit()), now, now)
                .update();
        periods.refreshNumbers(List.of(invoice.invoiceNo()));
        InvoiceView created = queries.invoice(invoice.invoiceNo()).orElseThrow();
        history.record("INVOICE", invoice.invoiceNo(), customer.code(), "CREATE", null, asInvoice(created), CurrentUser.get().username(), reason);
        return created;
    }

    @Transactional
    public InvoiceView update(String invoiceNo, Invoice input, String reason) {
        CurrentUser.require("change invoices", Role.FINANCE, Role.MANAGER);
        InvoiceView before = get(invoiceNo);
        Invoice changed = new Invoice(invoiceNo, input.customerCode() == null ? before.customerCode() : input.customerCode(),
                input.contractNo(), input.issueDate(), input.dueDate(), input.amount(), input.currency(), input.taxInvoiceNo(),
                input.taxInvoiceDate(), input.businessUnit());
        List<FieldError> errors = new ArrayList<>(LedgerRules.check(changed));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        var settled = before.paid().add(before.credited()).add(before.writtenOff());
        if (changed.amount().compareTo(settled) < 0) {
            throw ValidationException.coded("amount", changed.amount(), "invoice.belowSettled", "below what is already paid, credited or written off (" + settled + ")", settled);
        }
        CustomerRef customer = customerOrError(changed.customerCode());
        if (!customer.code().equals(before.customerCode()) && settled.signum() > 0) {
            throw ValidationException.coded("customerCode", changed.customerCode(), "invoice.customerFixed", "an invoice with payments or credits cannot move to another customer");
        }
        Invoice old = asInvoice(before);
        if (old.equals(normalize(changed))) {
            return before;
        }
        jdbc.sql("""
                UPDATE invoice SET customer_id=?, contract_id=?, issue_date=?, due_date=?, amount=?, currency=?, tax_invoice_no=?,
                                   tax_invoice_date=?, business_unit=?, updated_at=? WHERE invoice_no=?""")
                .params(customer.id(), contractId(changed.contractNo(), customer.id()), Date.valueOf(changed.issueDate()),
                        Date.valueOf(changed.dueDate()), changed.amount(), currency(changed.currency()), blank(changed.taxInvoiceNo()),
                        changed.taxInvoiceDate() == null ? null : Date.valueOf(changed.taxInvoiceDate()), blank(changed.businessUnit()),
                        Timestamp.from(Instant.now(clock)), invoiceNo)
                .update();
        periods.refreshNumbers(List.of(invoiceNo));
        InvoiceView after = queries.invoice(invoiceNo).orElseThrow();
        history.record("INVOICE", invoiceNo, customer.code(), "UPDATE", old, asInvoice(after), CurrentUser.get().username(), reason);
        return after;
    }

    /** Records why an invoice is overdue and whether it is a short- or long-term debt. */
    @Transactional
    public InvoiceView classify(String invoiceNo, OverdueCause cause, OverdueNature nature, String reason) {
        CurrentUser.require("classify overdue invoices", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        InvoiceView before = get(invoiceNo);
        if (Objects.equals(before.overdueCause(), cause) && Objects.equals(before.overdueNature(), nature)) {
            return before;
        }
        jdbc.sql("UPDATE invoice SET overdue_cause=?, overdue_nature=?, updated_at=? WHERE invoice_no=?")
                .params(cause == null ? null : cause.name(), nature == null ? null : nature.name(), Timestamp.from(Instant.now(clock)), invoiceNo)
                .update();
        record Classification(OverdueCause cause, OverdueNature nature) {
        }
        history.record("INVOICE", invoiceNo, before.customerCode(), "UPDATE", new Classification(before.overdueCause(), before.overdueNature()),
                new Classification(cause, nature), CurrentUser.get().username(), reason);
        return queries.invoice(invoiceNo).orElseThrow();
    }

    /** Deletes an invoice entered by mistake; refused once anything is applied to it. */
    @Transactional
    public void delete(String invoiceNo, String reason) {
        CurrentUser.require("delete invoices", Role.FINANCE, Role.MANAGER);
        InvoiceView before = get(invoiceNo);
        if (before.paid().signum() > 0 || before.credited().signum() > 0 || before.writtenOff().signum() > 0) {
            throw new ConflictException("invoiceNo", "invoice '" + invoiceNo + "' has payments, credit notes or write-offs; reverse them first");
        }
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", reason, "required to delete an invoice");
        }
        long id = jdbc.sql("SELECT id FROM invoice WHERE invoice_no = ?").param(invoiceNo).query(Long.class).single();
        jdbc.sql("DELETE FROM invoice_dispute WHERE invoice_id = ?").param(id).update();
        jdbc.sql("DELETE FROM invoice WHERE id = ?").param(id).update();
        periods.refresh(List.of(id));
        history.record("INVOICE", invoiceNo, before.customerCode(), "DELETE", asInvoice(before), null, CurrentUser.get().username(), reason);
    }

    private CustomerRef customerOrError(String code) {
        var ref = customers.findRef(code)
                .orElseThrow(() -> ValidationException.coded("customerCode", code, "unknownCustomer", "unknown customer"));
        if (!CurrentUser.get().mayAccess(ref.owner())) {
            throw ValidationException.coded("customerCode", code, "unknownCustomer", "unknown customer");
        }
        return ref;
    }

    private Long contractId(String contractNo, long customerId) {
        if (contractNo == null || contractNo.isBlank()) {
            return null;
        }
        var row = jdbc.sql("SELECT id, customer_id FROM contract WHERE contract_no = ?").param(contractNo)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional()
                .orElseThrow(() -> ValidationException.coded("contractNo", contractNo, "contract.unknown", "unknown contract"));
        if (row[1] != customerId) {
            throw ValidationException.coded("contractNo", contractNo, "contract.otherCustomer", "contract belongs to another customer");
        }
        return row[0];
    }

    static Invoice asInvoice(InvoiceView v) {
        return new Invoice(v.invoiceNo(), v.customerCode(), v.contractNo(), v.issueDate(), v.dueDate(), v.amount(), v.currency(),
                v.taxInvoiceNo(), v.taxInvoiceDate(), v.businessUnit());
    }

    private static Invoice normalize(Invoice i) {
        return new Invoice(i.invoiceNo(), i.customerCode(), blank(i.contractNo()), i.issueDate(), i.dueDate(), LedgerQueries.scale(i.amount()),
                currency(i.currency()), blank(i.taxInvoiceNo()), i.taxInvoiceDate(), blank(i.businessUnit()));
    }

    static String currency(String c) {
        return c == null || c.isBlank() ? "CNY" : c.trim();
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
