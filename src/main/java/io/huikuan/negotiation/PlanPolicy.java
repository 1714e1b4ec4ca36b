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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proposal policy for payment plans (拒绝不合理还款方案), one set a manager edits: a minimum down payment (the first
 * installment) as a percentage of the plan's total, a maximum term in months from the agreement to the last installment,
 * a maximum number of installments (the down payment included), and interest required on plans longer than N months. A
 * plan outside it is not refused: it needs one level more authority, and says which rules it breaks.
 */
@Service
public class PlanPolicy {

    /** The policy's figures. */
    public record Settings(BigDecimal minDownPaymentPercent, int maxTermMonths, int maxInstallments, int interestAfterMonths, String updatedBy,
            Instant updatedAt) {
    }

    /** A broken rule: its code (labels {@code planBreach.CODE} with {@code args}) and the words with the figures. */
    public record Breach(String code, String message, List<String> args) {

        public Breach {
            args = List.copyOf(args);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PlanPolicy(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Settings settings() {
        return jdbc.sql("""
                SELECT min_down_payment_pct, max_term_months, max_installments, interest_after_months, updated_by, updated_at
                FROM payment_plan_policy WHERE id = 1""")
                .query((rs, n) -> new Settings(rs.getBigDecimal(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .single();
    }

    /** Changes the policy (managers and administrators): percentage 0..100 with two decimals, months and counts 1..120 (N months 0..120). */
    @Transactional
    public Settings update(BigDecimal minDownPaymentPercent, Integer maxTermMonths, Integer maxInstallments, Integer interestAfterMonths) {
        CurrentUser user = CurrentUser.require("change the payment plan policy", Role.MANAGER);
        List<FieldError> errors = new ArrayList<>();
        if (minDownPaymentPercent == null) {
            errors.add(FieldError.coded("minDownPaymentPercent", null, "required", "is required"));
        } else if (minDownPaymentPercent.signum() < 0 || minDownPaymentPercent.compareTo(BigDecimal.valueOf(100)) > 0
                || minDownPaymentPercent.stripTrailingZeros().scale() > 2) {
            errors.add(FieldError.coded("minDownPaymentPercent", minDownPaymentPercent, "plan.policy.percent",
                    "must be between 0 and 100 with at most two decimals"));
        }
        range(errors, "maxTermMonths", maxTermMonths, 1);
        range(errors, "maxInstallments", maxInstallments, 1);
        range(errors, "interestAfterMonths", interestAfterMonths, 0);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        jdbc.sql("""
                UPDATE payment_plan_policy SET min_down_payment_pct = ?, max_term_months = ?, max_installments = ?, interest_after_months = ?,
                       updated_by = ?, updated_at = ? WHERE id = 1""")
                .params(minDownPaymentPercent.setScale(2, RoundingMode.UNNECESSARY), maxTermMonths, maxInstallments, interestAfterMonths,
                        user.username(), Timestamp.from(Instant.now(clock)))
                .update();
        return settings();
    }

    private static void range(List<FieldError> errors, String field, Integer value, int min) {
        if (value == null) {
            errors.add(FieldError.coded(field, null, "required", "is required"));
        } else if (value < min || value > 120) {
            errors.add(FieldError.coded(field, value, "plan.policy.range", "must be between " + min + " and 120", min, 120));
        }
    }

    /** The months from {@code agreedOn} to {@code last}, a started month counted whole. */
    public static int termMonths(LocalDate agreedOn, LocalDate last) {
        long months = ChronoUnit.MONTHS.between(agreedOn, last);
        return (int) (agreedOn.plusMonths(months).isBefore(last) ? months + 1 : months);
    }

    /** The rules a plan of {@code total} with this schedule and interest breaks under the current policy (empty: none). */
    public List<Breach> check(LocalDate agreedOn, List<PlanWaterfall.Scheduled> schedule, BigDecimal total, BigDecimal interest) {
        return check(settings(), agreedOn, schedule, total, interest);
    }

    static List<Breach> check(Settings p, LocalDate agreedOn, List<PlanWaterfall.Scheduled> schedule, BigDecimal total, BigDecimal interest) {
        List<Breach> breaches = new ArrayList<>();
        if (schedule.isEmpty() || total == null || total.signum() <= 0) {
            return breaches;
        }
        BigDecimal down = schedule.getFirst().amount();
        BigDecimal percent = down.multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_UP);
        String min = p.minDownPaymentPercent().stripTrailingZeros().toPlainString();
        if (percent.compareTo(p.minDownPaymentPercent()) < 0) {
            breaches.add(new Breach("DOWN_PAYMENT", "down payment " + percent.toPlainString() + "% is below the minimum " + min + "%",
                    List.of(percent.toPlainString(), min)));
        }
        int term = termMonths(agreedOn, schedule.getLast().dueDate());
        if (term > p.maxTermMonths()) {
            breaches.add(new Breach("TERM", "term of " + term + " months is above the maximum " + p.maxTermMonths() + " months",
                    List.of(String.valueOf(term), String.valueOf(p.maxTermMonths()))));
        }
        if (schedule.size() > p.maxInstallments()) {
            breaches.add(new Breach("INSTALLMENTS", schedule.size() + " installments are more than the maximum " + p.maxInstallments(),
                    List.of(String.valueOf(schedule.size()), String.valueOf(p.maxInstallments()))));
        }
        if (term > p.interestAfterMonths() && (interest == null || interest.signum() <= 0)) {
            breaches.add(new Breach("INTEREST", "a plan of " + term + " months (over " + p.interestAfterMonths() + ") must carry interest",
                    List.of(String.valueOf(term), String.valueOf(p.interestAfterMonths()))));
        }
        return breaches;
    }
}
