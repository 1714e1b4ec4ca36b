package io.huikuan.credit;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The early-warning rules: anyone logged in reads them, managers (MANAGER, ADMIN) create, change and delete them. A rule's
 * parameters are checked against its kind (400 naming the field); a deleted rule is kept hidden for its alerts' sake.
 */
@Service
public class AlertRules {

    private static final String COLUMNS = "id, name, kind, days, amount, pct, cnt, grade, severity, action, active, updated_by, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    AlertRules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every rule not deleted, by id. */
    public List<AlertRule> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_alert_rule WHERE deleted_at IS NULL ORDER BY id").query((rs, n) -> rule(rs)).list();
    }

    public AlertRule get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("alert rule", String.valueOf(id)));
    }

    Optional<AlertRule> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_alert_rule WHERE id = ? AND deleted_at IS NULL").param(id).query((rs, n) -> rule(rs))
                .optional();
    }

    @Transactional
    public AlertRule create(AlertRule.Request body) {
        CurrentUser user = CurrentUser.require("define early-warning rules", Role.MANAGER);
        AlertRule r = check(body, null);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO credit_alert_rule (name, kind, days, amount, pct, cnt, grade, severity, action, active, updated_by, updated_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.name(), r.kind().name(), r.days(), r.amount(), r.pct(), r.count(), r.grade(), r.severity().name(), r.action().name(),
                        r.active(), user.username(), Timestamp.from(clock.instant()))
                .update(key, "id");
        return get(key.getKey().longValue());
    }

    /** Changes a rule; a field left out keeps its value (the kind's parameters are checked again as a whole). */
    @Transactional
    public AlertRule update(long id, AlertRule.Request body) {
        CurrentUser user = CurrentUser.require("change early-warning rules", Role.MANAGER);
        AlertRule r = check(body, get(id));
        jdbc.sql("UPDATE credit_alert_rule SET name = ?, kind = ?, days = ?, amount = ?, pct = ?, cnt = ?, grade = ?, severity = ?, action = ?, "
                + "active = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                .params(r.name(), r.kind().name(), r.days(), r.amount(), r.pct(), r.count(), r.grade(), r.severity().name(), r.action().name(),
                        r.active(), user.username(), Timestamp.from(clock.instant()), id)
                .update();
        return get(id);
    }

    /** Deletes a rule (hidden, no longer evaluated; its open alerts are resolved by the next evaluation). */
    @Transactional
    public void delete(long id) {
        CurrentUser user = CurrentUser.require("delete early-warning rules", Role.MANAGER);
        get(id);
        jdbc.sql("UPDATE credit_alert_rule SET active = FALSE, deleted_at = ?, updated_by = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), user.username(), id).update();
    }

    private AlertRule check(AlertRule.Request b, AlertRule was) {
        if (b == null) {
            b = new AlertRule.Request(null, null, null, null, null, null, null, null, null, null);
        }
        List<FieldError> errors = new ArrayList<>();
        String name = b.name() != null ? b.name().strip() : was == null ? null : was.name();
        if (name == null || name.isEmpty() || name.length() > 200) {
            errors.add(FieldError.coded("name", b.name(), "alert.rule.name", "required, at most 200 characters"));
        }
        AlertRule.Kind kind = b.kind() != null ? parse(AlertRule.Kind.class, "kind", b.kind(), errors) : was == null ? null : was.kind();
        if (kind == null && b.kind() == null) {
            errors.add(FieldError.coded("kind", null, "alert.rule.kind", "required: one of " + List.of(AlertRule.Kind.values())));
        }
        AlertRule.Severity severity = b.severity() != null ? parse(AlertRule.Severity.class, "severity", b.severity(), errors)
                : was == null ? AlertRule.Severity.MEDIUM : was.severity();
        AlertRule.Action action = b.action() != null ? parse(AlertRule.Action.class, "action", b.action(), errors)
                : was == null ? AlertRule.Action.CALL : was.action();
        boolean sameKind = was != null && kind == was.kind();
        Integer days = whole("days", b.days(), sameKind ? was.days() : null, errors);
        BigDecimal amount = money("amount", b.amount(), sameKind ? was.amount() : null, errors);
        BigDecimal pct = percent("pct", b.pct(), sameKind ? was.pct() : null, errors);
        Integer count = whole("count", b.count(), sameKind ? was.count() : null, errors);
        String grade = b.grade() != null ? b.grade().strip().toUpperCase(Locale.ROOT) : sameKind ? was.grade() : null;
        if (grade != null && !grade.matches("[A-E]")) {
            errors.add(FieldError.coded("grade", b.grade(), "alert.rule.grade", "one of A, B, C, D, E"));
            grade = null;
        }
        boolean active = b.active() != null ? b.active() : was == null || was.active();
        if (kind != null) {
            new AlertParameters(kind, days, amount, pct, count, grade, errors).check();
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        AlertParameters.Kept k = AlertParameters.kept(kind, days, amount, pct, count, grade);
        return new AlertRule(was == null ? 0 : was.id(), name, kind, k.days(), k.amount(), k.pct(), k.count(), k.grade(), severity, action, active,
                null, null);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String raw, List<FieldError> errors) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.coded(field, raw, "alert.rule." + field, "one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    private static Integer whole(String field, String raw, Integer fallback, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return raw == null ? fallback : null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            errors.add(FieldError.coded(field, raw, "alert.rule.number", "a whole number"));
            return null;
        }
    }

    private static BigDecimal money(String field, String raw, BigDecimal fallback, List<FieldError> errors) {
        BigDecimal v = decimal(field, raw, fallback, errors);
        if (v != null && v.scale() > 2) {
            errors.add(FieldError.coded(field, raw, "alert.rule.amount", "an amount above 0 with at most 2 decimals"));
            return null;
        }
        return v;
    }

    private static BigDecimal percent(String field, String raw, BigDecimal fallback, List<FieldError> errors) {
        BigDecimal v = decimal(field, raw, fallback, errors);
        if (v != null && v.scale() > 2) {
            errors.add(FieldError.coded(field, raw, "alert.rule.pct", "a percentage with at most 2 decimals"));
            return null;
        }
        return v;
    }

    private static BigDecimal decimal(String field, String raw, BigDecimal fallback, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return raw == null ? fallback : null;
        }
        try {
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            errors.add(FieldError.coded(field, raw, "alert.rule.number", "a number"));
            return null;
        }
    }

    static AlertRule rule(ResultSet rs) throws SQLException {
        return new AlertRule(rs.getLong("id"), rs.getString("name"), AlertRule.Kind.valueOf(rs.getString("kind")), (Integer) rs.getObject("days",
                Integer.class), rs.getBigDecimal("amount"), rs.getBigDecimal("pct"), (Integer) rs.getObject("cnt", Integer.class), rs.getString("grade"),
                AlertRule.Severity.valueOf(rs.getString("severity")), AlertRule.Action.valueOf(rs.getString("action")), rs.getBoolean("active"),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }
}
