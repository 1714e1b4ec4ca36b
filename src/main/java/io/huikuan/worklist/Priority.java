package io.huikuan.worklist;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The priority score that ranks a worklist: overdue amount (in thousands, plus one so a task without
 * an amount still ranks) × risk × age × a boost for what makes a task urgent today. Age is
 * {@code 1 + days overdue / 30}. Risk comes from the customer's grade (A 0.6, B 0.8, C 1.0, D 1.3,
 * E 1.6, none 1.0) and is raised by half for a malicious defaulter. Boosts: an appointment 3, a broken
 * promise 2.5, a promise due today 2, another follow-up 1.5, a demand proposed before the limitation period runs out 2,
 * a limitation warning 1.5, a payment plan's installment due 1.5, a broken payment plan 2.5, an escalation step (manager call, demand
 * letter, lawyer letter, legal review) 1.5, any other step 1.
 */
public final class Priority {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal THIRTY = BigDecimal.valueOf(30);

    private Priority() {
    }

    /** The risk factor of a grade (null or unknown: 1.0); a malicious defaulter counts half as risky again. */
    public static BigDecimal riskFactor(String grade, boolean malicious) {
        BigDecimal base = switch (grade == null ? "" : grade.trim().toUpperCase(Locale.ROOT)) {
            case "A" -> new BigDecimal("0.6");
            case "B" -> new BigDecimal("0.8");
            case "D" -> new BigDecimal("1.3");
            case "E" -> new BigDecimal("1.6");
            default -> BigDecimal.ONE;
        };
        return malicious ? base.multiply(new BigDecimal("1.5")).setScale(2, RoundingMode.HALF_UP) : base.setScale(2, RoundingMode.HALF_UP);
    }

    /** The boost for a task of this kind and channel ({@code appointment}: a visit or call agreed for a time). */
    public static BigDecimal boost(TaskKind kind, Channel channel, boolean appointment) {
        if (appointment) {
            return BigDecimal.valueOf(3);
        }
        return switch (kind) {
            case PROMISE_BROKEN -> new BigDecimal("2.5");
            case PROMISE_DUE -> BigDecimal.valueOf(2);
            case FOLLOW_UP, LIMITATION_WARNING, PLAN_INSTALLMENT -> new BigDecimal("1.5");
            case PLAN_BROKEN -> new BigDecimal("2.5");
            case LEGAL_DEADLINE, LIMITATION_DEMAND, SUPPLY_HOLD -> BigDecimal.valueOf(2);
            case STEP -> escalation(channel) ? new BigDecimal("1.5") : BigDecimal.ONE;
        };
    }

    /** True for the steps that take a case above the collector. */
    public static boolean escalation(Channel channel) {
        return channel == Channel.MANAGER_CALL || channel == Channel.DEMAND_LETTER || channel == Channel.LAWYER_LETTER
                || channel == Channel.LEGAL_REVIEW;
    }

    /** The score, with two decimals. */
    public static BigDecimal score(BigDecimal overdueAmount, BigDecimal risk, int daysOverdue, BigDecimal boost) {
        BigDecimal amount = (overdueAmount == null ? BigDecimal.ZERO : overdueAmount.max(BigDecimal.ZERO)).divide(THOUSAND, 6, RoundingMode.HALF_UP)
                .add(BigDecimal.ONE);
        BigDecimal age = BigDecimal.ONE.add(BigDecimal.valueOf(Math.max(0, daysOverdue)).divide(THIRTY, 6, RoundingMode.HALF_UP));
        return amount.multiply(risk).multiply(age).multiply(boost).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The reason in English, as the API shows it, e.g. {@code "overdue 12,345.00 × risk 1.30 × age 2.50 (45 days); broken
     * promise × 2.5"}. The web pages say the same in the user's language from the stored parts.
     */
    public static String reason(BigDecimal overdueAmount, BigDecimal risk, int daysOverdue, TaskKind kind, Channel channel, boolean appointment) {
        DecimalFormat money = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        BigDecimal age = BigDecimal.ONE.add(BigDecimal.valueOf(Math.max(0, daysOverdue)).divide(THIRTY, 2, RoundingMode.HALF_UP));
        StringBuilder s = new StringBuilder("overdue ").append(money.format(overdueAmount == null ? BigDecimal.ZERO : overdueAmount))
                .append(" × risk ").append(risk.setScale(2, RoundingMode.HALF_UP)).append(" × age ").append(age).append(" (")
                .append(Math.max(0, daysOverdue)).append(" days)");
        BigDecimal boost = boost(kind, channel, appointment);
        if (boost.compareTo(BigDecimal.ONE) != 0) {
            String why = appointment ? "appointment" : switch (kind) {
                case PROMISE_BROKEN -> "broken promise";
                case PROMISE_DUE -> "promise due today";
                case FOLLOW_UP -> "follow-up";
                case LEGAL_DEADLINE -> "legal deadline";
                case LIMITATION_WARNING -> "limitation runs out";
                case LIMITATION_DEMAND -> "demand before the limitation runs out";
                case SUPPLY_HOLD -> "supply hold proposed";
                case PLAN_INSTALLMENT -> "plan installment due";
                case PLAN_BROKEN -> "payment plan broken";
                case STEP -> "escalation";
            };
            s.append("; ").append(why).append(" × ").append(boost.stripTrailingZeros().toPlainString());
        }
        return s.toString();
    }
}
