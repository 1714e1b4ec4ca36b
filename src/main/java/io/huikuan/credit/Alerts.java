package io.huikuan.credit;

import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts a user may see (a collector: their own customers'), newest first, filtered by status, severity and customer;
 * acknowledging (OPEN → ACKNOWLEDGED, note optional) and resolving (OPEN or ACKNOWLEDGED → RESOLVED, note required), who
 * and when recorded; the count of open alerts for the header's badge.
 */
@Service
public class Alerts {

    private static final String SELECT = """
            SELECT a.*, r.name rule_name, r.kind, c.code, c.name customer_name, c.owner FROM credit_alert a
            JOIN credit_alert_rule r ON r.id = a.rule_id JOIN customer c ON c.id = a.customer_id""";

    /** The filters of the inbox (each optional). */
    public record Filter(String status, String severity, String customer) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Alerts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<Alert> page(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        CurrentUser user = CurrentUser.get();
        Alert.Status status = parse(Alert.Status.class, "status", f.status());
        AlertRule.Severity severity = parse(AlertRule.Severity.class, "severity", f.severity());
        String customer = f.customer() == null || f.customer().isBlank() ? null : f.customer().strip();
        where.append(status == null ? "" : " AND a.status = :status").append(severity == null ? "" : " AND a.severity = :severity")
                .append(customer == null ? "" : " AND c.code = :customer").append(user.portfolioOnly() ? " AND c.owner = :owner" : "");
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM credit_alert a JOIN customer c ON c.id = a.customer_id" + where);
        JdbcClient.StatementSpec items = jdbc.sql(SELECT + where +  " ORDER BY a.raised_on DESC, CASE a.severity WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, a.id DESC"
                + " LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) page * size);
        if (status != null) {
            count = count.param("status", status.name());
            items = items.param("status", status.name());
        }
        if (severity != null) {
            count = count.param("severity", severity.name());
            items = items.param("severity", severity.name());
        }
        if (customer != null) {
            count = count.param("customer", customer);
            items = items.param("customer", customer);
        }
        if (user.portfolioOnly()) {
            count = count.param("owner", user.username());
            items = items.param("owner", user.username());
        }
        Locale locale = LocaleContextHolder.getLocale();
        return new Page<>(items.query((rs, n) -> alert(rs, locale)).list(), count.query(Long.class).single(), page, size);
    }

    /** The open (not yet resolved) alerts of one customer, for its page. */
    @Transactional(readOnly = true)
    public List<Alert> unresolvedOf(String customerCode) {
        CurrentUser user = CurrentUser.get();
        Locale locale = LocaleContextHolder.getLocale();
        return jdbc.sql(SELECT + " WHERE c.code = ? AND a.status <> 'RESOLVED' ORDER BY a.raised_on DESC, a.id DESC").param(customerCode)
                .query((rs, n) -> alert(rs, locale)).list().stream().filter(a -> user.mayAccess(a.owner())).toList();
    }

    /** How many OPEN alerts the user may see (the badge). */
    public long openCount() {
        CurrentUser user = CurrentUser.get();
        if (user.portfolioOnly()) {
            return jdbc.sql("SELECT count(*) FROM credit_alert a JOIN customer c ON c.id = a.customer_id WHERE a.status = 'OPEN' AND c.owner = ?")
                    .param(user.username()).query(Long.class).single();
        }
        return jdbc.sql("SELECT count(*) FROM credit_alert WHERE status = 'OPEN'").query(Long.class).single();
    }

    public Alert get(long id) {
        CurrentUser user = CurrentUser.get();
        Locale locale = LocaleContextHolder.getLocale();
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query((rs, n) -> alert(rs, locale)).optional()
                .filter(a -> user.mayAccess(a.owner())).orElseThrow(() -> new NotFoundException("alert", String.valueOf(id)));
    }

    @Transactional
    public Alert acknowledge(long id, String note) {
        Alert a = get(id);
        if (a.status() != Alert.Status.OPEN) {
            throw new ConflictException("status", "alert " + id + " is " + a.status() + ", only an OPEN alert can be acknowledged");
        }
        jdbc.sql("UPDATE credit_alert SET status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?, acknowledge_note = ? "
                + "WHERE id = ? AND status = 'OPEN'").params(CurrentUser.get().username(), Timestamp.from(clock.instant()), note(note, false), id).update();
        return get(id);
    }

    @Transactional
    public Alert resolve(long id, String note) {
        Alert a = get(id);
        String n = note(note, true);
        if (a.status() == Alert.Status.RESOLVED) {
            throw new ConflictException("status", "alert " + id + " is resolved already");
        }
        jdbc.sql("UPDATE credit_alert SET status = 'RESOLVED', resolved_by = ?, resolved_at = ?, resolve_note = ? WHERE id = ? AND status <> 'RESOLVED'")
                .params(CurrentUser.get().username(), Timestamp.from(clock.instant()), n, id).update();
        return get(id);
    }

    private static String note(String note, boolean required) {
        String n = note == null ? null : note.strip();
        if (n != null && n.length() > 1000) {
            throw ValidationException.coded("note", note, "alert.note.long", "at most 1000 characters");
        }
        if (required && (n == null || n.isEmpty())) {
            throw ValidationException.coded("note", note, "alert.note.required", "required: say how the alert was resolved");
        }
        return n == null || n.isEmpty() ? null : n;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.coded(field, raw, "alert." + field, "one of " + List.of(type.getEnumConstants()));
        }
    }

    private static Alert alert(ResultSet rs, Locale locale) throws SQLException {
        Date cleared = rs.getDate("cleared_on");
        Timestamp ack = rs.getTimestamp("acknowledged_at");
        Timestamp res = rs.getTimestamp("resolved_at");
        Long hold = rs.getObject("hold_id") == null ? null : rs.getLong("hold_id");
        return new Alert(rs.getLong("id"), rs.getLong("rule_id"), rs.getString("rule_name"), AlertRule.Kind.valueOf(rs.getString("kind")),
                rs.getString("code"), rs.getString("customer_name"), rs.getString("owner"), AlertRule.Severity.valueOf(rs.getString("severity")),
                AlertRule.Action.valueOf(rs.getString("action")), "en".equals(locale.getLanguage()) ? rs.getString("reason_en") : rs.getString("reason_zh"),
                Alert.Status.valueOf(rs.getString("status")), rs.getDate("raised_on").toLocalDate(), cleared == null ? null : cleared.toLocalDate(),
                rs.getString("acknowledged_by"), ack == null ? null : ack.toInstant(), rs.getString("acknowledge_note"), rs.getString("resolved_by"),
                res == null ? null : res.toInstant(), rs.getString("resolve_note"), hold);
    }
}
