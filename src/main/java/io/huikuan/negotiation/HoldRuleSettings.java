package io.huikuan.negotiation;

import java.time.Instant;

/**
 * The rules that propose supply holds, edited by a manager: overdue more than {@code overdueDays} (default 60), a
 * broken promise, a broken payment plan; {@code autoHold} places the hold at once instead of proposing it.
 */
public record HoldRuleSettings(boolean overdueOn, int overdueDays, boolean promiseBrokenOn, boolean planBrokenOn, boolean autoHold,
        String updatedBy, Instant updatedAt) {
}
