package io.huikuan.worklist;

import io.huikuan.common.Money;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.History;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collection plans (催款计划): per customer and month, the amount expected, the channel and who runs it (by default
 * the customer's owner). Managers plan any customer, collectors their own (another's: 404). The forecast of
 * {@link Targets} counts a plan's amount beyond what was collected and promised.
 */
@Service
public class CollectionPlans {

    /** A plan with what the customer paid in the month so far (payments allocated, by payment date). */
    public record Plan(String customerCode, String customerName, String month, BigDecimal expectedAmount, Channel channel, String owner,
            String notes, BigDecimal collected, String updatedBy, Instant updatedAt) {
    }

    /** A plan as a caller sets it. */
    public record NewPlan(String customerCode, String month, BigDecimal expectedAmount, Channel channel, String owner, String notes) {
    }

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final UserDirectory users;
    private final Targets targets;
    private final History history;
    private final Clock clock;

    CollectionPlans(JdbcClient jdbc, CustomerService customers, UserDirectory users, Targets targets, History history, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.users = users;
        this.targets = targets;
        this.history = history;
        this.clock = clock;
    }

    /** Sets (or replaces) a customer's plan for a month. */
    @Transactional
    public Plan set(NewPlan p) {
        CurrentUser user = CurrentUser.require("plan collections", Role.COLLECTOR, Role.MANAGER);
        List<FieldError> errors = new ArrayList<>();
        CustomerRef customer = CustomerField.check(customers, user, p.customerCode(), errors);
        YearMonth month = null;
        if (p.month() == null || p.month().isBlank()) {
            errors.add(FieldError.coded("month", p.month(), "required", "required"));
        } else {
            try {
                month = targets.month("month", p.month());
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        Targets.amount(errors, "expectedAmount", p.expectedAmount());
        String owner = p.owner() == null || p.owner().isBlank() ? (customer == null ? null : customer.owner()) : p.owner().trim();
        if (owner != null && !users.exists(owner)) {
            errors.add(FieldError.coded("owner", p.owner(), "owner.unknown", "no such user"));
        }
        if (p.notes() != null && p.notes().length() > 1000) {
            errors.add(FieldError.coded("notes", p.notes().length(), "text.tooLong", "at most 1000 characters", 1000));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        Object[] values = {Money.of(p.expectedAmount()), p.channel() == null ? null : p.channel().name(), owner,
                p.notes() == null || p.notes().isBlank() ? null : p.notes().trim(), user.username(), now, customer.id(), month.toString()};
        int n = jdbc.sql("""
                UPDATE collection_plan SET expected_amount = ?, channel = ?, owner = ?, notes = ?, updated_by = ?, updated_at = ?
                WHERE customer_id = ? AND month_key = ?""").params(values).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO collection_plan (expected_amount, channel, owner, notes, updated_by, updated_at, customer_id, month_key)
                    VALUES (?,?,?,?,?,?,?,?)""").params(values).update();
        }
        Plan plan = list(month, customer.code()).get(0);
        history.record("PLAN", customer.code() + ":" + month, customer.code(), n == 0 ? "CREATE" : "UPDATE", null, plan, user.username(), null);
        return plan;
    }

    /** The month's plans the user may see (a collector: their own customers'), by customer code; customer null = all. */
    @Transactional(readOnly = true)
    public List<Plan> list(YearMonth month, String customerCode) {
        StringBuilder where = new StringBuilder(" WHERE pl.month_key = ?");
        List<Object> params = new ArrayList<>();
        params.add(Date.valueOf(month.atDay(1)));
        params.add(Date.valueOf(month.atEndOfMonth()));
        params.add(month.toString());
        if (customerCode != null && !customerCode.isBlank()) {
            where.append(" AND pl.customer_id = ?");
            params.add(customers.ref(customerCode.trim()).id());
        }
        CurrentUser user = CurrentUser.get();
        if (user.portfolioOnly()) {
            where.append(" AND c.owner = ?");
            params.add(user.username());
        }
        return jdbc.sql("""
                SELECT c.code, c.name, pl.month_key, pl.expected_amount, pl.channel, pl.owner, pl.notes, coalesce(act.amount, 0) collected,
                       pl.updated_by, pl.updated_at
                FROM collection_plan pl
                JOIN customer c ON c.id = pl.customer_id
                LEFT JOIN (SELECT i.customer_id, sum(a.amount) amount
                           FROM allocation a JOIN payment p ON p.id = a.payment_id JOIN invoice i ON i.id = a.invoice_id
                           WHERE p.payment_date >= ? AND p.payment_date <= ?
                           GROUP BY i.customer_id) act ON act.customer_id = c.id""" + where + " ORDER BY c.code")
                .params(params).query(CollectionPlans::map).list();
    }

    private static Plan map(ResultSet rs, int n) throws SQLException {
        String channel = rs.getString("channel");
        return new Plan(rs.getString("code"), rs.getString("name"), rs.getString("month_key"), Money.of(rs.getBigDecimal("expected_amount")),
                channel == null ? null : Channel.valueOf(channel), rs.getString("owner"), rs.getString("notes"),
                Money.of(rs.getBigDecimal("collected")), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }
}
