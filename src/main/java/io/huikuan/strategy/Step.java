package io.huikuan.strategy;

import io.huikuan.identity.Role;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.Tone;
import java.math.BigDecimal;

/**
 * One step of a strategy: on day {@code dayOffset} relative to the anchor (the due date of the
 * customer's oldest overdue item; negative = before it is due) contact the customer by
 * {@code channel} in {@code tone}; done by a user of {@code ownerRole} (COLLECTOR: the customer's
 * owner; other roles: their queue), with {@code template} (correspondence) when set; only when the
 * overdue amount reaches {@code minAmount} (when set); {@code approval}: a generated message waits
 * for approval before it is sent.
 */
public record Step(int position, int dayOffset, Channel channel, Tone tone, Role ownerRole, String template, BigDecimal minAmount,
        boolean approval) {

    /** The step as people name it: {@code +7 PHONE}, {@code -3 EMAIL}. */
    public String label() {
        return label(dayOffset, channel);
    }

    public static String label(int dayOffset, Channel channel) {
        return (dayOffset > 0 ? "+" : "") + dayOffset + " " + channel.name();
    }

    /** Step labels in the order of the strategy: by day offset as a number (-3, +1, +3, +15), then by channel. */
    public static final java.util.Comparator<String> LABEL_ORDER = java.util.Comparator.comparingInt(Step::offsetOf)
            .thenComparing(java.util.Comparator.naturalOrder());

    /** The day offset of a label ({@code "+15 PHONE"} → 15); a label without one sorts last. */
    static int offsetOf(String label) {
        String number = label == null ? "" : label.strip().split(" ", 2)[0];
        try {
            return Integer.parseInt(number.startsWith("+") ? number.substring(1) : number);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** True when the step applies to a customer with this overdue amount. */
    boolean appliesTo(BigDecimal overdue) {
        return minAmount == null || overdue.compareTo(minAmount) >= 0;
    }
}
