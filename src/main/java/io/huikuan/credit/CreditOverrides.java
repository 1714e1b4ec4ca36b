package io.huikuan.credit;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Managers override a customer's computed grade with a reason, until an expiry date; the override is shown beside the grade. */
@Service
public class CreditOverrides {

    private final JdbcClient jdbc;
    private final Clock clock;

    CreditOverrides(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a manager asks for. */
    public record Request(String grade, String reason, String expiresOn) {
    }

    /** Sets (or replaces) the customer's override from today; MANAGER or ADMIN. 400 naming the field on bad input. */
    @Transactional
    public GradeOverride set(long customerId, Request request) {
        CurrentUser user = CurrentUser.require("override a credit grade", Role.MANAGER);
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        Request r = request == null ? new Request(null, null, null) : request;
        Grade grade = null;
        if (r.grade() == null || r.grade().isBlank()) {
            errors.add(FieldError.coded("grade", r.grade(), "required", "is required"));
        } else {
            try {
                grade = Grade.valueOf(r.grade().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.coded("grade", r.grade(), "credit.grade", "must be one of A, B, C, D, E"));
            }
        }
        String reason = r.reason() == null ? null : r.reason().strip();
        if (reason == null || reason.isEmpty()) {
            errors.add(FieldError.coded("reason", r.reason(), "required", "is required"));
        } else {
            InputRules.textRule("reason", reason).ifPresent(errors::add);
            InputRules.length(errors, "reason", reason, 500);
        }
        LocalDate expires = null;
        if (r.expiresOn() == null || r.expiresOn().isBlank()) {
            errors.add(FieldError.coded("expiresOn", r.expiresOn(), "required", "is required"));
        } else {
            try {
                expires = InputRules.date("expiresOn", r.expiresOn());
                if (expires.isBefore(today)) {
                    errors.add(FieldError.coded("expiresOn", r.expiresOn(), "credit.expiresPast", "must be today or later (" + today + ")", today));
                }
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        jdbc.sql("DELETE FROM credit_grade_override WHERE customer_id = ?").param(customerId).update();
        jdbc.sql("INSERT INTO credit_grade_override (customer_id, grade, reason, set_on, expires_on, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(customerId, grade.name(), reason, Date.valueOf(today), Date.valueOf(expires), user.username(),
                        Timestamp.from(clock.instant())).update();
        return new GradeOverride(grade.name(), reason, today, expires, user.username());
    }

    /** Removes the customer's override; MANAGER or ADMIN. True when there was one. */
    @Transactional
    public boolean remove(long customerId) {
        CurrentUser.require("remove a credit grade override", Role.MANAGER);
        return jdbc.sql("DELETE FROM credit_grade_override WHERE customer_id = ?").param(customerId).update() > 0;
    }

    /** The customer's override in force at {@code asOf}, if any. */
    public Optional<GradeOverride> find(long customerId, LocalDate asOf) {
        return jdbc.sql("SELECT grade, reason, set_on, expires_on, set_by FROM credit_grade_override WHERE customer_id = ? AND set_on <= ? "
                + "AND expires_on >= ?").params(customerId, Date.valueOf(asOf), Date.valueOf(asOf))
                .query((rs, n) -> new GradeOverride(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(),
                        rs.getString(5))).optional();
    }

    /** The overridden grades in force at {@code asOf} among these customers. */
    public Map<Long, Grade> inForce(LocalDate asOf, List<Long> customerIds) {
        Map<Long, Grade> out = new HashMap<>();
        if (customerIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT customer_id, grade FROM credit_grade_override WHERE customer_id IN (:ids) AND set_on <= :d AND expires_on >= :d")
                .param("ids", customerIds).param("d", Date.valueOf(asOf))
                .query((rs, n) -> out.put(rs.getLong(1), Grade.valueOf(rs.getString(2)))).list();
        return out;
    }
}
