package io.huikuan.negotiation;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authority matrix (谈判权限): by amount, who approves a concession or a payment plan. Up to the collector limit
 * (default 1,000) the collector alone; up to the manager limit (default 50,000) a manager; above that a manager and
 * finance. A proposal outside the plan policy needs one level more ({@link Authority#raised()}).
 */
@Service
public class AuthorityMatrix {

    private static final BigDecimal MAX = new BigDecimal("9999999999999.99");

    private final JdbcClient jdbc;
    private final Clock clock;

    AuthorityMatrix(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public AuthorityLimits limits() {
        return jdbc.sql("SELECT collector_limit, manager_limit, updated_by, updated_at FROM negotiation_authority WHERE id = 1")
                .query((rs, n) -> new AuthorityLimits(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .single();
    }

    /** Who must approve {@code amount}; {@code outsidePolicy}: one level more. */
    public Authority required(BigDecimal amount, boolean outsidePolicy) {
        AuthorityLimits limits = limits();
        Authority level = amount.compareTo(limits.collectorLimit()) <= 0 ? Authority.COLLECTOR
                : amount.compareTo(limits.managerLimit()) <= 0 ? Authority.MANAGER : Authority.MANAGER_AND_FINANCE;
        return outsidePolicy ? level.raised() : level;
    }

    /** Changes the limits (managers and administrators): amounts ≥ 0 with two decimals, the manager's not below the collector's. */
    @Transactional
    public AuthorityLimits update(BigDecimal collectorLimit, BigDecimal managerLimit) {
        CurrentUser user = CurrentUser.require("change the authority matrix", Role.MANAGER);
        List<FieldError> errors = new ArrayList<>();
        check("collectorLimit", collectorLimit, errors);
        check("managerLimit", managerLimit, errors);
        if (errors.isEmpty() && managerLimit.compareTo(collectorLimit) < 0) {
            errors.add(FieldError.coded("managerLimit", managerLimit, "authority.order",
                    "must not be below the collector's limit " + collectorLimit.toPlainString(), collectorLimit.toPlainString()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        jdbc.sql("UPDATE negotiation_authority SET collector_limit = ?, manager_limit = ?, updated_by = ?, updated_at = ? WHERE id = 1")
                .params(collectorLimit.setScale(2, RoundingMode.UNNECESSARY), managerLimit.setScale(2, RoundingMode.UNNECESSARY), user.username(),
                        Timestamp.from(Instant.now(clock)))
                .update();
        return limits();
    }

    private static void check(String field, BigDecimal value, List<FieldError> errors) {
        if (value == null) {
            errors.add(FieldError.coded(field, null, "required", "is required"));
        } else if (value.signum() < 0 || value.compareTo(MAX) > 0) {
            errors.add(FieldError.coded(field, value, "authority.range", "must be between 0 and " + MAX.toPlainString(), MAX.toPlainString()));
        } else if (value.stripTrailingZeros().scale() > 2) {
            errors.add(FieldError.coded(field, value, "authority.scale", "must have at most two decimals"));
        }
    }

    /** May {@code user} give the approval of {@code slot} (COLLECTOR, MANAGER or FINANCE)? Administrators may give any. */
    public static boolean mayFill(CurrentUser user, Role slot) {
        if (user.has(Role.ADMIN)) {
            return true;
        }
        return switch (slot) {
            case COLLECTOR -> user.has(Role.COLLECTOR) || user.has(Role.MANAGER) || user.has(Role.FINANCE);
            case MANAGER -> user.has(Role.MANAGER);
            case FINANCE -> user.has(Role.FINANCE);
            default -> false;
        };
    }
}
