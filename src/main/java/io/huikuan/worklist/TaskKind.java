package io.huikuan.worklist;

/**
 * Why a task exists: a strategy step, a broken promise's escalation, a promise due today, a follow-up or appointment, or a
 * deadline of a legal case (objection period, appeal, enforcement application, hearing: see {@link DeadlineTasks}).
 */
public enum TaskKind {
    STEP, PROMISE_BROKEN, PROMISE_DUE, FOLLOW_UP, LEGAL_DEADLINE
}
