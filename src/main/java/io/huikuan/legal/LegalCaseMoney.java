package io.huikuan.legal;

import io.huikuan.common.ConflictException;
import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.Payment;
import io.huikuan.ledger.PaymentMethod;
import io.huikuan.ledger.PaymentService;
import io.huikuan.legal.internal.LegalCaseQueries;
import io.huikuan.legal.internal.LegalCaseQueries.CaseRow;
import io.huikuan.legal.internal.LegalCaseQueries.OpenInvoice;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money of a case: the costs we paid (court fee 诉讼费, preservation fee 保全费, lawyer fee 律师费, other) and the
 * amounts recovered from the debtor. A recovery is posted as a payment in the ledger ({@link PaymentService}, method
 * OTHER, reference {@code LC<case>-R<n>}), allocated to the case's invoices oldest due first up to what is open on them;
 * what is left stays unapplied cash on the payment. The posting is the system's (the ledger lets finance and managers
 * post), with the case and the legal user in its note and history reason.
 */
@Service
public class LegalCaseMoney {

    /** The kinds of cost. */
    public enum CostCategory {
        COURT_FEE, PRESERVATION_FEE, LAWYER_FEE, OTHER
    }

    /** A cost paid or an amount recovered: date (not in the future), amount (> 0), note. */
    public record Entry(CostCategory category, LocalDate date, BigDecimal amount, String note) {
    }

    private final JdbcClient jdbc;
    private final LegalCaseQueries queries;
    private final LegalCases cases;
    private final PaymentService payments;
    private final Clock clock;

    LegalCaseMoney(JdbcClient jdbc, LegalCaseQueries queries, LegalCases cases, PaymentService payments, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.cases = cases;
        this.payments = payments;
        this.clock = clock;
    }

    /** Records a cost paid for an open case. */
    @Transactional
    public LegalCase addCost(long caseId, Entry e) {
        CurrentUser me = LegalCaseRules.requireWrite("record costs of legal cases");
        openCase(caseId);
        List<FieldError> errors = check(e, true);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        insert(caseId, "COST", e.category().name(), e, null, me.username());
        return cases.get(caseId);
    }

    /** Records an amount recovered from the debtor and posts it as a payment allocated to the case's invoices. */
    @Transactional
    public LegalCase addRecovery(long caseId, Entry e) {
        CurrentUser me = LegalCaseRules.requireWrite("record recoveries of legal cases");
        CaseRow c = openCase(caseId);
        List<FieldError> errors = check(e, false);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long n = jdbc.sql("SELECT count(*) FROM legal_case_money WHERE case_id = ? AND direction = 'RECOVERY'").param(caseId).query(Long.class).single() + 1;
        String ref = "LC" + caseId + "-R" + n;
        List<Payment.Allocation> allocations = new ArrayList<>();
        BigDecimal left = e.amount();
        for (OpenInvoice i : queries.invoices(caseId, LocalDate.now(clock))) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal part = left.min(i.open());
            if (part.signum() > 0) {
                allocations.add(new Payment.Allocation(i.invoiceNo(), part));
                left = left.subtract(part);
            }
        }
        String note = "legal case #" + caseId + (c.caseNo() == null ? "" : " " + c.caseNo()) + ": recovered, entered by " + me.username();
        PaymentService.PaymentRequest request = new PaymentService.PaymentRequest(ref, c.customerCode(), e.date(), e.amount(), null,
                PaymentMethod.OTHER, note, allocations, false);
        CurrentUser.asSystem(() -> payments.post(request, note));
        insert(caseId, "RECOVERY", "RECOVERY", e, ref, me.username());
        return cases.get(caseId);
    }

    private List<FieldError> check(Entry e, boolean cost) {
        List<FieldError> errors = new ArrayList<>();
        if (cost && e.category() == null) {
            errors.add(FieldError.coded("category", null, "required", "required: " + List.of(CostCategory.values())));
        }
        LegalCaseRules.pastDate(errors, "date", e.date(), LocalDate.now(clock));
        LegalCaseRules.amount(errors, "amount", e.amount(), true);
        InputRules.length(errors, "note", e.note(), 500);
        return errors;
    }

    private void insert(long caseId, String direction, String category, Entry e, String paymentRef, String by) {
        jdbc.sql("""
                INSERT INTO legal_case_money (case_id, direction, category, money_date, amount, note, payment_ref, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, direction, category, Date.valueOf(e.date()), e.amount().setScale(2), e.note() == null || e.note().isBlank() ? null
                        : e.note().trim(), paymentRef, by, Timestamp.from(clock.instant()))
                .update();
    }

    private CaseRow openCase(long caseId) {
        CaseRow c = LegalCaseRules.visible(queries, caseId);
        queries.lock(caseId);
        if (!"OPEN".equals(c.status())) {
            throw new ConflictException("status", "legal case " + caseId + " is closed");
        }
        return c;
    }
}
