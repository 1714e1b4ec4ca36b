package io.huikuan.ledger;

import io.huikuan.common.InputRules;
import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.ledger.Payment.Allocation;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments and their allocation to invoices: by hand (named invoices and amounts) or
 * automatically, oldest due first. What is not allocated stays visible as unapplied cash.
 * An allocation never exceeds the invoice's open balance nor the payment's unapplied amount.
 */
@Service
public class PaymentService {

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final LedgerQueries queries;
    private final History history;
    private final BalancePeriods periods;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PaymentService(JdbcClient jdbc, CustomerService customers, LedgerQueries queries, History history, BalancePeriods periods,
            Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.customers = customers;
        this.queries = queries;
        this.history = history;
        this.clock = clock;
        this.events = events;
    }

    /** A payment to post; {@code allocations} empty and {@code autoAllocate} true = oldest due first. */
    public record PaymentRequest(String paymentRef, String customerCode, LocalDate paymentDate, BigDecimal amount, String currency,
            PaymentMethod method, String note, List<Allocation> allocations, Boolean autoAllocate) {
    }

    public Payment get(String paymentRef) {
        Payment p = find(paymentRef).orElseThrow(() -> new NotFoundException("payment", paymentRef));
        customers.ref(p.customerCode());
        return p;
    }

    public Optional<Payment> find(String paymentRef) {
        return jdbc.sql("""
                SELECT p.id, p.payment_ref, c.code, p.payment_date, p.amount, p.currency, p.method, p.note
                FROM payment p JOIN customer c ON c.id = p.customer_id WHERE p.payment_ref = ?""")
                .param(paymentRef)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    List<Allocation> allocations = allocations(id);
                    BigDecimal amount = LedgerQueries.scale(rs.getBigDecimal("amount"));
                    BigDecimal applied = allocations.stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    return new Payment(rs.getString("payment_ref"), rs.getString("code"), rs.getObject("payment_date", LocalDate.class),
                            amount, rs.getString("currency").trim(), PaymentMethod.valueOf(rs.getString("method")), rs.getString("note"),
                            allocations, LedgerQueries.scale(amount.subtract(applied)));
                }).optional();
    }

    @Transactional
    public Payment post(PaymentRequest r, String reason) {
        CurrentUser.require("post payments", Role.FINANCE, Role.MANAGER);
        List<FieldError> errors = new ArrayList<>();
        LedgerRules.number(errors, "paymentRef", r.paymentRef());
        if (r.customerCode() == null || r.customerCode().isBlank()) {
            errors.add(FieldError.coded("customerCode", r.customerCode(), "required", "required"));
        }
        if (r.paymentDate() == null) {
            errors.add(FieldError.coded("paymentDate", null, "date.required", "required (yyyy-MM-dd)"));
        }
        LedgerRules.amount(errors, "amount", r.amount());
        InputRules.length(errors, "note", r.note(), 500);
        if (r.currency() != null && !r.currency().isBlank() && !LedgerRules.CURRENCY.matcher(r.currency()).matches()) {
            errors.add(FieldError.coded("currency", r.currency(), "currency", "a three-letter ISO code such as CNY"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        CustomerRef customer = customers.findRef(r.customerCode())
                .filter(c -> CurrentUser.get().mayAccess(c.owner()))
                .orElseThrow(() -> ValidationException.coded("customerCode", r.customerCode(), "unknownCustomer", "unknown customer"));
        if (jdbc.sql("SELECT count(*) FROM payment WHERE payment_ref = ?").param(r.paymentRef()).query(Long.class).single() > 0) {
            throw new ConflictException("paymentRef", "payment '" + r.paymentRef() + "' already exists");
        }
        jdbc.sql("INSERT INTO payment (payment_ref, customer_id, payment_date, amount, currency, method, note, created_at) VALUES (?,?,?,?,?,?,?,?)")
                .params(r.paymentRef(), customer.id(), Date.valueOf(r.paymentDate()), r.amount(), InvoiceService.currency(r.currency()),
                        (r.method() == null ? PaymentMethod.BANK_TRANSFER : r.method()).name(), InvoiceService.blank(r.note()),
                        Timestamp.from(Instant.now(clock)))
                .update();
        Payment created = find(r.paymentRef()).orElseThrow();
        history.record("PAYMENT", r.paymentRef(), customer.code(), "CREATE", null, created, CurrentUser.get().username(), reason);
        boolean auto = r.autoAllocate() == null || r.autoAllocate();
        Payment posted;
        if (r.allocations() != null && !r.allocations().isEmpty()) {
            posted = allocate(r.paymentRef(), r.allocations(), reason);
        } else {
            posted = auto ? autoAllocate(r.paymentRef(), reason) : created;
        }
        events.publishEvent(new PaymentPosted(posted.paymentRef(), posted.customerCode(), posted.paymentDate(), posted.amount(), posted.unapplied()));
        return posted;
    }

    /** Applies named amounts of a payment's unapplied cash to named invoices of the same customer. */
    @Transactional
    public Payment allocate(String paymentRef, List<Allocation> requested, String reason) {
        CurrentUser.require("allocate payments", Role.FINANCE, Role.MANAGER);
        Payment payment = lockPayment(paymentRef);
        long customerId = customerId(payment);
        Map<String, BigDecimal> open = lockOpenBalances(customerId, payment.currency());
        List<FieldError> errors = new ArrayList<>();
        Map<String, BigDecimal> wanted = new LinkedHashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            Allocation a = requested.get(i);
            String field = "allocations[" + i + "]";
            if (a.invoiceNo() == null || !open.containsKey(a.invoiceNo()) && !invoiceOfCustomer(a.invoiceNo(), customerId)) {
                errors.add(FieldError.coded(field + ".invoiceNo", a.invoiceNo(), "allocation.otherCustomer",
                        "not an invoice of customer " + payment.customerCode(), payment.customerCode()));
                continue;
            }
            String invoiceCurrency = invoiceCurrency(a.invoiceNo());
            if (!payment.currency().equals(invoiceCurrency)) {
                errors.add(FieldError.coded(field + ".invoiceNo", a.invoiceNo(), "allocation.currency",
                        "invoice is in " + invoiceCurrency + ", the payment in " + payment.currency() + ": they cannot be allocated to each other",
                        invoiceCurrency, payment.currency()));
                continue;
            }
            LedgerRules.amount(errors, field + ".amount", a.amount());
            if (a.amount() != null && a.amount().signum() > 0) {
                wanted.merge(a.invoiceNo(), a.amount(), BigDecimal::add);
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        for (var e : wanted.entrySet()) {
            BigDecimal invoiceOpen = open.getOrDefault(e.getKey(), BigDecimal.ZERO);
            if (e.getValue().compareTo(invoiceOpen) > 0) {
                errors.add(FieldError.coded("allocations", e.getKey(), "overAllocation.invoice",
                        "over-allocation: " + e.getValue() + " exceeds the open balance " + LedgerQueries.scale(invoiceOpen) + " of invoice " + e.getKey(),
                        e.getValue().toPlainString(), LedgerQueries.scale(invoiceOpen).toPlainString(), e.getKey()));
            }
            total = total.add(e.getValue());
        }
        if (total.compareTo(payment.unapplied()) > 0) {
            errors.add(FieldError.coded("allocations", total, "overAllocation.payment",
                    "over-allocation: " + LedgerQueries.scale(total) + " exceeds the unapplied amount " + payment.unapplied() + " of payment " + paymentRef,
                    LedgerQueries.scale(total).toPlainString(), payment.unapplied().toPlainString(), paymentRef));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        insertAllocations(payment, wanted, reason);
        return find(paymentRef).orElseThrow();
    }

    /** Applies a payment's unapplied cash to the customer's open invoices, oldest due first. */
    @Transactional
    public Payment autoAllocate(String paymentRef, String reason) {
        CurrentUser.require("allocate payments", Role.FINANCE, Role.MANAGER);
        Payment payment = lockPayment(paymentRef);
        long customerId = customerId(payment);
        Map<String, BigDecimal> open = lockOpenBalances(customerId, payment.currency());
        Map<String, BigDecimal> plan = new LinkedHashMap<>();
        BigDecimal left = payment.unapplied();
        for (var e : open.entrySet()) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal take = left.min(e.getValue());
            plan.put(e.getKey(), take);
            left = left.subtract(take);
        }
        insertAllocations(payment, plan, reason);
        return find(paymentRef).orElseThrow();
    }

    /** Removes a payment's allocation to one invoice (the cash becomes unapplied again). */
    @Transactional
    public Payment unallocate(String paymentRef, String invoiceNo, String reason) {
        CurrentUser.require("change allocations", Role.FINANCE, Role.MANAGER);
        Payment payment = lockPayment(paymentRef);
        int removed = jdbc.sql("""
                DELETE FROM allocation WHERE payment_id = (SELECT id FROM payment WHERE payment_ref = ?)
                AND invoice_id = (SELECT id FROM invoice WHERE invoice_no = ?)""").params(paymentRef, invoiceNo).update();
        if (removed == 0) {
            throw ValidationException.coded("invoiceNo", invoiceNo, "payment.notAllocated", "payment " + paymentRef + " is not allocated to this invoice", paymentRef);
        }
        periods.refreshNumbers(List.of(invoiceNo));
        Payment after = find(paymentRef).orElseThrow();
        history.record("ALLOCATION", paymentRef + "/" + invoiceNo, payment.customerCode(), "DELETE", payment.allocations(), after.allocations(),
                CurrentUser.get().username(), reason);
        return after;
    }

    /** Deletes a payment entered by mistake, with its allocations; reason required. */
    @Transactional
    public void delete(String paymentRef, String reason) {
        CurrentUser.require("delete payments", Role.FINANCE, Role.MANAGER);
        Payment payment = lockPayment(paymentRef);
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", reason, "required to delete a payment");
        }
        List<Long> allocated = periods.invoicesOfPayment(paymentRef);
        jdbc.sql("DELETE FROM allocation WHERE payment_id = (SELECT id FROM payment WHERE payment_ref = ?)").param(paymentRef).update();
        jdbc.sql("DELETE FROM payment WHERE payment_ref = ?").param(paymentRef).update();
        periods.refresh(allocated);
        history.record("PAYMENT", paymentRef, payment.customerCode(), "DELETE", payment, null, CurrentUser.get().username(), reason);
    }

    private void insertAllocations(Payment payment, Map<String, BigDecimal> plan, String reason) {
        if (plan.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        String actor = CurrentUser.get().username();
        for (var e : plan.entrySet()) {
            jdbc.sql("""
                    INSERT INTO allocation (payment_id, invoice_id, amount, created_at, created_by)
                    SELECT p.id, i.id, ?, ?, ? FROM payment p, invoice i WHERE p.payment_ref = ? AND i.invoice_no = ?""")
                    .params(e.getValue(), now, actor, payment.paymentRef(), e.getKey()).update();
        }
        periods.refreshNumbers(plan.keySet());
        List<Allocation> applied = plan.entrySet().stream().map(e -> new Allocation(e.getKey(), LedgerQueries.scale(e.getValue()))).toList();
        history.record("ALLOCATION", payment.paymentRef(), payment.customerCode(), "CREATE", null, applied, actor, reason);
    }

    /** The payment, read once after its row is locked (an unknown or inaccessible one throws; the transaction rolls back). */
    private Payment lockPayment(String paymentRef) {
        jdbc.sql("SELECT id FROM payment WHERE payment_ref = ? FOR UPDATE").param(paymentRef).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("payment", paymentRef));
        return get(paymentRef);
    }

    private long customerId(Payment p) {
        return customers.findRef(p.customerCode()).orElseThrow().id();
    }

    /** Locks the customer's invoices and returns open balances of the open ones in the currency, oldest due first. */
    private Map<String, BigDecimal> lockOpenBalances(long customerId, String currency) {
        jdbc.sql("SELECT id FROM invoice WHERE customer_id = ? FOR UPDATE").param(customerId).query(Long.class).list();
        Map<String, BigDecimal> open = new LinkedHashMap<>();
        for (InvoiceView v : queries.openInvoices(customerId)) {
            if (v.currency().equals(currency)) {
                open.put(v.invoiceNo(), v.open());
            }
        }
        return open;
    }

    private String invoiceCurrency(String invoiceNo) {
        return jdbc.sql("SELECT currency FROM invoice WHERE invoice_no = ?").param(invoiceNo).query(String.class).single().trim();
    }

    private boolean invoiceOfCustomer(String invoiceNo, long customerId) {
        return jdbc.sql("SELECT count(*) FROM invoice WHERE invoice_no = ? AND customer_id = ?").params(invoiceNo, customerId)
                .query(Long.class).single() > 0;
    }

    private List<Allocation> allocations(long paymentId) {
        return jdbc.sql("""
                SELECT i.invoice_no, sum(a.amount) amount FROM allocation a JOIN invoice i ON i.id = a.invoice_id
                WHERE a.payment_id = ? GROUP BY i.invoice_no, i.due_date ORDER BY i.due_date, i.invoice_no""")
                .param(paymentId).query((rs, n) -> new Allocation(rs.getString(1), LedgerQueries.scale(rs.getBigDecimal(2)))).list();
    }
}
