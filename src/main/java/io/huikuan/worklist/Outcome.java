package io.huikuan.worklist;

/** The outcome of an activity, required to complete a task. Labels: {@code outcome.NAME}. */
public enum Outcome {
    REACHED, NOT_REACHED, PROMISE, DISPUTE_RAISED, REFUSED, WRONG_CONTACT, PAID_ALREADY, OTHER
}
