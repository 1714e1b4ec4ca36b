package io.huikuan.worklist;

/** The outcome of an activity, required to complete a task. Labels: {@code outcome.NAME}. */
public enum Outcome {
    REACHED, NOT_REACHED, PROMISE, DISPUTE_RAISED, REFUSED, WRONG_CONTACT, PAID_ALREADY, OTHER,
    /** A message was sent or a letter issued (by a user or by the daily run). */
    SENT
}
