package io.huikuan.credit;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerChanged;
import io.huikuan.customer.CustomerService;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The history of every change of a customer's credit limit, credit days or grade (who, when, why, old and new): written
 * inside the transaction of the change from the customer module's {@link CustomerChanged}, so an edit of the customer
 * (MANUAL, with the edit's reason), an approved application (APPLICATION n) and a review (REVIEW n) all land in it.
 */
@Service
public class CreditLimitHistory {

    /** One change. {@code source}: APPLICATION, REVIEW or MANUAL; {@code sourceId}: the application's or review's number. */
    public record LimitChange(Instant changedAt, String changedBy, String source, Long sourceId, BigDecimal oldLimit, BigDecimal newLimit,
            Integer oldDays, Integer newDays, String oldGrade, String newGrade, String reason) {
    }

    private static final Pattern SOURCE = Pattern.compile("^credit (application|review) (\\d+)(?:: (.*))?$", Pattern.DOTALL);

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final Clock clock;

    CreditLimitHistory(JdbcClient jdbc, CustomerService customers, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.clock = clock;
    }

    /** The reason given to the customer module for a change made by an application or a review (parsed back here). */
    static String reason(String source, long id, String note) {
        return "credit " + source.toLowerCase(Locale.ROOT) + " " + id + (note == null || note.isBlank() ? "" : ": " + note);
    }

    @EventListener
    void on(CustomerChanged e) {
        if (!"CUSTOMER".equals(e.entityType()) || !(e.after() instanceof Customer after)) {
            return;
        }
        Customer before = e.before() instanceof Customer b ? b : null;
        BigDecimal oldLimit = before == null ? null : before.creditLimit();
        Integer oldDays = before == null ? null : before.creditDays();
        String oldGrade = before == null ? null : before.grade();
        boolean limitChanged = !same(oldLimit, after.creditLimit());
        if (!limitChanged && Objects.equals(oldDays, after.creditDays()) && Objects.equals(oldGrade, after.grade())) {
            return;
        }
        String source = "MANUAL";
        Long sourceId = null;
        String reason = e.reason();
        Matcher m = reason == null ? null : SOURCE.matcher(reason);
        if (m != null && m.matches()) {
            source = m.group(1).toUpperCase(Locale.ROOT);
            sourceId = Long.parseLong(m.group(2));
            reason = m.group(3);
        }
        Long customerId = customers.findRef(after.code()).map(r -> r.id()).orElse(null);
        if (customerId == null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO credit_limit_change (customer_id, source, source_id, old_limit, new_limit, old_days, new_days, old_grade, new_grade,
                  reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(customerId, source, sourceId, oldLimit, after.creditLimit(), oldDays, after.creditDays(), oldGrade, after.grade(),
                        reason == null || reason.isBlank() ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                        e.actor() == null ? "system" : e.actor(), Timestamp.from(clock.instant()))
                .update();
    }

    /** The customer's changes made on or before {@code asOf}, newest first (at most 100). */
    public List<LimitChange> of(long customerId, java.time.LocalDate asOf) {
        return jdbc.sql("""
                SELECT changed_at, changed_by, source, source_id, old_limit, new_limit, old_days, new_days, old_grade, new_grade, reason
                FROM credit_limit_change WHERE customer_id = ? AND changed_at < ? ORDER BY id DESC FETCH FIRST 100 ROWS ONLY""")
                .params(customerId, Timestamp.from(asOf.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new LimitChange(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getObject(7, Integer.class), rs.getObject(8, Integer.class), rs.getString(9),
                        rs.getString(10), rs.getString(11)))
                .list();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
