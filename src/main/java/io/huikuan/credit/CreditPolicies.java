package io.huikuan.credit;

import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the credit policy (row 1 of {@code credit_policy}) and lets managers change it. */
@Service
public class CreditPolicies {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** How long a read policy is reused (the check is hot; a change on another node shows within this). */
    private static final long FRESH_NANOS = 5_000_000_000L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(CreditPolicy policy, long readAt) {
    }

    CreditPolicies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The policy in force (re-read at most every 5 seconds; at once after a change on this node). */
    public CreditPolicy current() {
        Cached c = cached;
        long now = System.nanoTime();
        if (c != null && now - c.readAt() < FRESH_NANOS) {
            return c.policy();
        }
        CreditPolicy p = read();
        cached = new Cached(p, now);
        return p;
    }

    private CreditPolicy read() {
        return jdbc.sql("SELECT review_grade, tolerance_pct, updated_by FROM credit_policy WHERE id = 1")
                .query((rs, n) -> new CreditPolicy(rs.getString(1), rs.getBigDecimal(2), rs.getString(3))).single();
    }

    /** Changes the policy (MANAGER, ADMIN); a missing field keeps its value. */
    @Transactional
    public CreditPolicy update(CreditPolicy.Request body) {
        CurrentUser user = CurrentUser.require("change the credit policy", Role.MANAGER);
        CreditPolicy now = current();
        String grade = now.reviewGrade();
        BigDecimal tolerance = now.tolerancePct();
        if (body != null && body.reviewGrade() != null) {
            grade = body.reviewGrade().strip().toUpperCase();
            if (!grade.matches("[A-E]")) {
                throw ValidationException.coded("reviewGrade", body.reviewGrade(), "credit.policy.grade", "one of A, B, C, D, E");
            }
        }
        if (body != null && body.tolerancePct() != null) {
            try {
                tolerance = new BigDecimal(body.tolerancePct().strip());
            } catch (NumberFormatException e) {
                tolerance = null;
            }
            if (tolerance == null || tolerance.signum() < 0 || tolerance.compareTo(HUNDRED) > 0 || tolerance.scale() > 2) {
                throw ValidationException.coded("tolerancePct", body.tolerancePct(), "credit.policy.tolerance",
                        "a percentage from 0 to 100 with at most 2 decimals");
            }
        }
        jdbc.sql("UPDATE credit_policy SET review_grade = ?, tolerance_pct = ?, updated_by = ?, updated_at = ? WHERE id = 1")
                .params(grade, tolerance, user.username(), Timestamp.from(clock.instant())).update();
        cached = null;
        return read();
    }
}
