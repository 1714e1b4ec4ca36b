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
import java.math.BigDecimal;
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

/** Contracts with payment terms and late-payment clauses. */
@Service
public class ContractService {

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final History history;
    private final Clock clock;

    ContractService(JdbcClient jdbc, CustomerService customers, History history, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.history = history;
        this.clock = clock;
    }

    @Transactional
    public Contract create(Contract c, String reason) {
        CurrentUser.require("create contracts", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        List<FieldError> errors = new ArrayList<>();
        LedgerRules.number(errors, "contractNo", c.contractNo());
        InputRules.length(errors, "paymentTerms", c.paymentTerms(), 300);
        if (c.amount() != null) {
            LedgerRules.amount(errors, "amount", c.amount());
        }
        if (c.paymentDays() != null && (c.paymentDays() < 0 || c.paymentDays() > 3650)) {
            errors.add(FieldError.coded("paymentDays", c.paymentDays(), "days.range", "between 0 and 3650"));
        }
        LateClause clause = c.lateClause() == null ? LateClause.NONE : c.lateClause();
        if (clause != LateClause.NONE && (c.lateRate() == null || c.lateRate().signum() <= 0)) {
            errors.add(FieldError.coded("lateRate", c.lateRate(), "lateRate.required", "a positive rate is required for " + clause));
        }
        if (clause == LateClause.DAILY_RATE && c.lateRate() != null && c.lateRate().compareTo(new BigDecimal("0.01")) > 0) {
            errors.add(FieldError.coded("lateRate", c.lateRate(), "lateRate.daily", "a daily rate above 1% is not plausible (e.g. 0.0005 = 万分之五)"));
        }
        if (clause == LateClause.ANNUAL_RATE && c.lateRate() != null && c.lateRate().compareTo(BigDecimal.ONE) > 0) {
            errors.add(FieldError.coded("lateRate", c.lateRate(), "lateRate.annual", "an annual rate is a fraction, e.g. 0.12 for 12%"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        CustomerRef customer = customers.findRef(c.customerCode()).filter(r -> CurrentUser.get().mayAccess(r.owner()))
                .orElseThrow(() -> ValidationException.coded("customerCode", c.customerCode(), "unknownCustomer", "unknown customer"));
        if (find(c.contractNo()).isPresent()) {
            throw new ConflictException("contractNo", "contract '" + c.contractNo() + "' already exists");
        }
        jdbc.sql("""
                INSERT INTO contract (contract_no, customer_id, signed_date, amount, payment_terms, payment_days, late_clause, late_rate, created_at)
                VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(c.contractNo(), customer.id(), c.signedDate() == null ? null : Date.valueOf(c.signedDate()), c.amount(),
                        c.paymentTerms(), c.paymentDays(), clause.name(), clause == LateClause.NONE ? null : c.lateRate(),
                        Timestamp.from(Instant.now(clock)))
                .update();
        Contract stored = find(c.contractNo()).orElseThrow();
        history.record("CONTRACT", c.contractNo(), customer.code(), "CREATE", null, stored, CurrentUser.get().username(), reason);
        return stored;
    }

    public Contract get(String contractNo) {
        Contract c = find(contractNo).orElseThrow(() -> new NotFoundException("contract", contractNo));
        customers.ref(c.customerCode());
        return c;
    }

    public java.util.Optional<Contract> find(String contractNo) {
        return jdbc.sql(SELECT + " WHERE k.contract_no = ?").param(contractNo).query(ContractService::map).optional();
    }

    public List<Contract> forCustomer(String customerCode) {
        customers.ref(customerCode);
        return jdbc.sql(SELECT + " WHERE c.code = ? ORDER BY k.signed_date, k.contract_no").param(customerCode).query(ContractService::map).list();
    }

    private static final String SELECT = """
            SELECT k.contract_no, c.code, k.signed_date, k.amount, k.payment_terms, k.payment_days, k.late_clause, k.late_rate
            FROM contract k JOIN customer c ON c.id = k.customer_id""";

    private static Contract map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int days = rs.getInt("payment_days");
        Integer paymentDays = rs.wasNull() ? null : days;
        BigDecimal amount = rs.getBigDecimal("amount");
        return new Contract(rs.getString("contract_no"), rs.getString("code"), rs.getObject("signed_date", LocalDate.class),
                amount == null ? null : LedgerQueries.scale(amount), rs.getString("payment_terms"), paymentDays,
                LateClause.valueOf(rs.getString("late_clause")), rs.getBigDecimal("late_rate"));
    }
}
