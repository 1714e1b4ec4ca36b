package io.huikuan.negotiation;

/**
 * Why a hold was placed or proposed: by hand (MANUAL), the rule "overdue more than N days" (OVERDUE), a broken promise
 * to pay (PROMISE_BROKEN) or a broken payment plan (PLAN_BROKEN). The rule-based ones are released automatically by the
 * payment that clears their cause (see {@link SupplyHoldRules}).
 */
public enum HoldSource {
    MANUAL, OVERDUE, PROMISE_BROKEN, PLAN_BROKEN;

    public boolean ruleBased() {
        return this != MANUAL;
    }
}
