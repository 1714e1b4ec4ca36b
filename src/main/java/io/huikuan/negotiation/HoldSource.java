package io.huikuan.negotiation;

/**
 * Why a hold was placed or proposed: by hand (MANUAL), the rule "overdue more than N days" (OVERDUE), a broken promise
 * to pay (PROMISE_BROKEN), a broken payment plan (PLAN_BROKEN) or an early-warning rule whose suggested action is to hold
 * supply (CREDIT_ALERT, proposed only). The first rule-based ones are released automatically by the payment that clears
 * their cause (see {@link SupplyHoldRules}); a CREDIT_ALERT proposal is decided by a manager.
 */
public enum HoldSource {
    MANUAL, OVERDUE, PROMISE_BROKEN, PLAN_BROKEN, CREDIT_ALERT;

    public boolean ruleBased() {
        return this != MANUAL;
    }

    /** Whether a payment that clears the overdue releases it (not a manual hold nor an early-warning proposal). */
    public boolean releasedByPayment() {
        return this == OVERDUE || this == PROMISE_BROKEN || this == PLAN_BROKEN;
    }
}
