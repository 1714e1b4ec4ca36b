package io.huikuan.exchange.internal;

import io.huikuan.customer.CreditCode;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerChanged;
import io.huikuan.customer.CustomerService;
import io.huikuan.exchange.internal.ImportContext.Counts;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Customers, under the customer module's rules (code pattern, 统一社会信用代码 checksum, owner an
 * existing user, a collector only in their own portfolio). New customers are inserted in
 * batches and linked to the import batch; every changed customer publishes
 * {@link CustomerChanged} (recorded in the history with before and after).
 */
@Component
public class CustomerImporter {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final Lookups lookups;
    private final ApplicationEventPublisher events;

    CustomerImporter(DataSource dataSource, Lookups lookups, ApplicationEventPublisher events) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(10_000);
        this.lookups = lookups;
        this.events = events;
    }

    private record Stored(long id, Customer customer) {
    }

    public Counts run(RowSource source, ImportContext ctx) {
        Map<String, Integer> cols = Columns.resolve(Columns.CUSTOMERS, source.header(), source.headerRow());
        Map<String, Stored> stored = new HashMap<>();
        jdbc.query("SELECT * FROM customer", rs -> {
            BigDecimal limit = rs.getBigDecimal("credit_limit");
            int days = rs.getInt("credit_days");
            Integer creditDays = rs.wasNull() ? null : days;
            stored.put(rs.getString("code"), new Stored(rs.getLong("id"), new Customer(rs.getString("code"), rs.getString("name"),
                    rs.getString("credit_code"), rs.getString("region"), rs.getString("business_unit"), rs.getString("industry"),
                    rs.getString("owner"), limit, creditDays, rs.getString("grade"), List.of())));
        });
        Set<String> users = lookups.usernames();
        Map<String, Integer> seen = new HashMap<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        int[] counts = new int[3];
        Timestamp now = Timestamp.from(ctx.now());
        RowCheck c = new RowCheck(ctx.errors(), cols, source.spreadsheet());
        Rows.forEach(source, ctx.errors(), r -> {
            c.on(r);
            Customer input = check(c, users, ctx);
            if (input == null) {
                return;
            }
            Integer first = seen.putIfAbsent(input.code(), (int) r.row());
            if (first != null) {
                c.error("customer_code", input.code(), "duplicate customer_code in this file: rows " + first + " and " + r.row());
                return;
            }
            Stored old = stored.get(input.code());
            if (old != null && !ctx.user().mayAccess(old.customer().owner())) {
                c.error("customer_code", input.code(), "unknown customer");
                return;
            }
            Customer merged = merge(input, old == null ? null : old.customer(), c, ctx);
            if (old != null && ctx.user().portfolioOnly() && !Objects.equals(merged.owner(), old.customer().owner())) {
                c.error("owner", merged.owner(), "only a manager may move a customer to another portfolio");
                return;
            }
            if (!ctx.writing()) {
                return;
            }
            if (old == null) {
                inserts.add(new Object[] {merged.code(), merged.name(), merged.creditCode(), merged.region(), merged.businessUnit(),
                        merged.industry(), merged.owner(), merged.creditLimit(), merged.creditDays(), merged.grade(), now, now, ctx.batchId()});
                counts[0]++;
                if (inserts.size() == BATCH) {
                    flushInserts(inserts);
                }
            } else if (!merged.equals(normalized(old.customer()))) {
                updates.add(new Object[] {merged.name(), merged.creditCode(), merged.region(), merged.businessUnit(), merged.industry(),
                        merged.owner(), merged.creditLimit(), merged.creditDays(), merged.grade(), now, old.id()});
                events.publishEvent(new CustomerChanged(merged.code(), "CUSTOMER", merged.code(), "UPDATE", old.customer(), merged,
                        ctx.actor(), "import of " + ctx.fileName()));
                counts[1]++;
                if (updates.size() == BATCH) {
                    flushUpdates(updates);
                }
            } else {
                counts[2]++;
            }
        });
        if (!ctx.writing()) {
            return new Counts(0, 0, 0);
        }
        flushInserts(inserts);
        flushUpdates(updates);
        return new Counts(counts[0], counts[1], counts[2]);
    }

    private void flushInserts(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO customer (code, name, credit_code, region, business_unit, industry, owner, credit_limit, credit_days, grade,
                                          created_at, updated_at, import_batch_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""", rows);
            rows.clear();
        }
    }

    private void flushUpdates(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE customer SET name = ?, credit_code = ?, region = ?, business_unit = ?, industry = ?, owner = ?, credit_limit = ?,
                                        credit_days = ?, grade = ?, updated_at = ? WHERE id = ?""", rows);
            rows.clear();
        }
    }

    private static Customer check(RowCheck c, Set<String> users, ImportContext ctx) {
        String code = c.key("customer_code", CustomerService.CODE, CustomerService.CODE_RULE);
        String name = c.required("name");
        if (name != null && name.length() > 300) {
            c.error("name", name, "at most 300 characters");
        }
        String creditCode = c.text("credit_code");
        if (creditCode != null) {
            creditCode = creditCode.toUpperCase(Locale.ROOT);
            String problem = CreditCode.problem(creditCode);
            if (problem != null) {
                c.error("credit_code", creditCode, "统一社会信用代码 " + problem);
            }
        }
        String owner = c.text("owner");
        if (owner != null && !users.contains(owner)) {
            c.error("owner", owner, "no such user");
        } else if (owner != null && ctx.user().portfolioOnly() && !owner.equals(ctx.actor())) {
            c.error("owner", owner, "a collector may only add customers to their own portfolio");
        }
        BigDecimal limit = c.amount("credit_limit", false, false);
        Integer days = c.integer("credit_days", 0, 3650);
        String grade = c.text("grade");
        if (grade != null) {
            grade = grade.toUpperCase(Locale.ROOT);
            if (!CustomerService.GRADE.matcher(grade).matches()) {
                c.error("grade", grade, "a letter grade such as A, B, C, D, E");
            }
        }
        String region = c.text("region", 100);
        String bu = c.text("business_unit", 100);
        String industry = c.text("industry", 100);
        if (!c.ok()) {
            return null;
        }
        return new Customer(code, name, creditCode, region, bu, industry, owner, limit, days, grade, List.of());
    }

    /** Columns absent from the file keep the stored value; a new customer of a collector is theirs. */
    private static Customer merge(Customer in, Customer old, RowCheck c, ImportContext ctx) {
        String owner = c.has("owner") ? in.owner() : old == null ? null : old.owner();
        if (old == null && owner == null && ctx.user().portfolioOnly()) {
            owner = ctx.actor();
        }
        if (old != null && owner == null && ctx.user().portfolioOnly()) {
            owner = old.owner();
        }
        return new Customer(in.code(), in.name(),
                c.has("credit_code") ? in.creditCode() : old == null ? null : old.creditCode(),
                c.has("region") ? in.region() : old == null ? null : old.region(),
                c.has("business_unit") ? in.businessUnit() : old == null ? null : old.businessUnit(),
                c.has("industry") ? in.industry() : old == null ? null : old.industry(),
                owner,
                c.has("credit_limit") ? in.creditLimit() : old == null ? null : scale(old.creditLimit()),
                c.has("credit_days") ? in.creditDays() : old == null ? null : old.creditDays(),
                c.has("grade") ? in.grade() : old == null ? null : old.grade(), List.of());
    }

    private static Customer normalized(Customer c) {
        return new Customer(c.code(), c.name(), c.creditCode(), c.region(), c.businessUnit(), c.industry(), c.owner(), scale(c.creditLimit()),
                c.creditDays(), c.grade(), List.of());
    }

    private static BigDecimal scale(BigDecimal b) {
        return b == null ? null : b.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
