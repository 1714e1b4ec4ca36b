package io.huikuan.worklist;

/**
 * How a customer is contacted: the channel of a strategy step, a task and an activity. MANAGER_CALL
 * is the manager's own call (主管大帽子); DEMAND_LETTER is the formal demand letter (催款函);
 * LAWYER_LETTER the lawyer letter (律师函); LEGAL_REVIEW the legal department's review of the case.
 * MESSAGE is an instant message (WeChat and the like). Labels: {@code channel.NAME}.
 */
public enum Channel {
    EMAIL, SMS, MESSAGE, PHONE, VISIT, LETTER, MANAGER_CALL, DEMAND_LETTER, LAWYER_LETTER, LEGAL_REVIEW;

    /** True for the channels that are a conversation with a person (they count towards contact caps). */
    public boolean conversation() {
        return this == PHONE || this == VISIT || this == MANAGER_CALL;
    }
}
