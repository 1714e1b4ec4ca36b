package io.huikuan.credit;

import io.huikuan.common.ConflictException;
import io.huikuan.common.InputRules;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders reported by the ERP (issue 15, item 1's exposure): one per order reference, upserted as the order moves
 * (OPEN → INVOICED or CANCELLED). An open order adds its amount to the customer's exposure; when it is invoiced the
 * invoice carries the debt and the order leaves the exposure. Reported by FINANCE (the role that imports the ERP's
 * invoices and payments, whose API token the ERP uses), MANAGER or ADMIN.
 */
@Service
public class OpenOrders {

    public static final List<String> STATUSES = List.of("OPEN", "INVOICED", "CANCELLED");
    static final int MAX_REFERENCE = 100;

    private static final String SELECT = "SELECT o.reference, c.code, o.amount, o.status, o.opened_on, o.closed_on, o.reported_by, o.reported_at "
            + "FROM credit_open_order o JOIN customer c ON c.id = o.customer_id";

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final Clock clock;

    OpenOrders(JdbcClient jdbc, CustomerService customers, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.clock = clock;
    }

    /** Creates or updates the order {@code reference}; every field is checked first and named when wrong (nothing is written then). */
    @Transactional
    public OpenOrder report(String reference, OpenOrder.Request body) {
        CurrentUser user = CurrentUser.require("report open orders", Role.FINANCE, Role.MANAGER);
        List<FieldError> errors = new ArrayList<>();
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty() || ref.length() > MAX_REFERENCE) {
            errors.add(FieldError.coded("reference", reference, "credit.order.reference", "1 to {0} characters", MAX_REFERENCE));
        } else {
            InputRules.textRule("reference", ref).ifPresent(errors::add);
        }
        String code = body == null || body.customerCode() == null ? "" : body.customerCode().strip();
        CustomerRef customer = null;
        Optional<FieldError> badCode = InputRules.textRule("customerCode", code, 100);
        if (code.isEmpty()) {
            errors.add(FieldError.coded("customerCode", null, "credit.order.customer", "must name a known customer"));
        } else if (badCode.isPresent()) {
            errors.add(badCode.get());
        } else {
            try {
                customer = customers.ref(code);
            } catch (NotFoundException e) {
                errors.add(FieldError.coded("customerCode", code, "credit.order.customer", "must name a known customer"));
            }
        }
        BigDecimal amount = amount(body == null ? null : body.amount(), errors);
        String status = body == null || body.status() == null || body.status().isBlank() ? "OPEN" : body.status().strip().toUpperCase();
        if (!STATUSES.contains(status)) {
            errors.add(FieldError.coded("status", body.status(), "credit.order.status", "one of OPEN, INVOICED, CANCELLED"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        LocalDate today = LocalDate.now(clock);
        Timestamp now = Timestamp.from(Instant.now(clock));
        boolean open = status.equals("OPEN");
        Optional<Row> existing = jdbc.sql("SELECT id, status FROM credit_open_order WHERE reference = ? FOR UPDATE").param(ref)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2))).optional();
        if (existing.isEmpty()) {
            try {
                jdbc.sql("""
                        INSERT INTO credit_open_order (reference, customer_id, amount, status, opened_on, closed_on, reported_by, reported_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(ref, customer.id(), amount, status, Date.valueOf(today), open ? null : Date.valueOf(today), user.username(), now)
                        .update();
            } catch (DuplicateKeyException e) {
                throw new ConflictException("reference", "order " + ref + " was reported at the same moment by another request: send it again");
            }
        } else {
            Row r = existing.get();
            boolean wasOpen = r.status().equals("OPEN");
            // closing keeps the first day it was closed; reopening counts it again from today
            String closed = open ? "NULL" : wasOpen ? ":today" : "closed_on";
            String opened = open && !wasOpen ? ":today" : "opened_on";
            jdbc.sql("UPDATE credit_open_order SET customer_id = :customer, amount = :amount, status = :status, opened_on = " + opened
                    + ", closed_on = " + closed + ", reported_by = :by, reported_at = :at WHERE id = :id")
                    .param("customer", customer.id()).param("amount", amount).param("status", status).param("today", Date.valueOf(today))
                    .param("by", user.username()).param("at", now).param("id", r.id()).update();
        }
        return find(ref).orElseThrow();
    }

    private record Row(long id, String status) {
    }

    /** One order (404 when unknown or its customer is not the user's). */
    @Transactional(readOnly = true)
    public OpenOrder get(String reference) {
        OpenOrder o = find(reference == null ? "" : reference.strip()).orElseThrow(() -> new NotFoundException("open order", reference));
        customers.ref(o.customerCode());
        return o;
    }

    /** The customer's orders open at {@code asOf}, by reference. */
    @Transactional(readOnly = true)
    public List<OpenOrder> openOf(String customerCode, LocalDate asOf) {
        CustomerRef ref = customers.ref(customerCode);
        return jdbc.sql(SELECT + " WHERE o.customer_id = :id AND o.opened_on <= :d AND (o.closed_on IS NULL OR o.closed_on > :d) ORDER BY o.reference")
                .param("id", ref.id()).param("d", Date.valueOf(asOf)).query(OpenOrders::row).list();
    }

    /** The sum of the customer's orders open at {@code asOf} (0 when none): by the customer index. */
    BigDecimal total(long customerId, LocalDate asOf) {
        BigDecimal sum = jdbc.sql("""
                SELECT sum(amount) FROM credit_open_order WHERE customer_id = :id AND opened_on <= :d AND (closed_on IS NULL OR closed_on > :d)""")
                .param("id", customerId).param("d", Date.valueOf(asOf)).query(BigDecimal.class).optional().orElse(null);
        return sum == null ? BigDecimal.ZERO.setScale(2) : sum.setScale(2, RoundingMode.HALF_UP);
    }

    private Optional<OpenOrder> find(String reference) {
        return jdbc.sql(SELECT + " WHERE o.reference = ?").param(reference).query(OpenOrders::row).optional();
    }

    private static OpenOrder row(ResultSet rs, int n) throws SQLException {
        Date closed = rs.getDate(6);
        return new OpenOrder(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                closed == null ? null : closed.toLocalDate(), rs.getString(7), rs.getTimestamp(8).toInstant());
    }

    private static BigDecimal amount(String raw, List<FieldError> errors) {
        BigDecimal a = null;
        if (raw != null && !raw.isBlank()) {
            try {
                a = new BigDecimal(raw.strip());
            } catch (NumberFormatException e) {
                a = null;
            }
        }
        if (a == null || a.signum() < 0 || a.scale() > 2 || a.compareTo(InputRules.MAX_AMOUNT) > 0) {
            errors.add(FieldError.coded("amount", raw, "credit.order.amount", "an amount of 0 or more with at most 2 decimals"));
            return null;
        }
        return a.setScale(2, RoundingMode.UNNECESSARY);
    }
}
