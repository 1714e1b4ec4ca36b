package io.huikuan.worklist;

/**
 * Why a task exists: a strategy step, a broken promise's escalation, a promise due today, a follow-up or appointment, a
 * deadline of a legal case (objection period, appeal, enforcement application, hearing: see {@link DeadlineTasks}), a
 * warning that the limitation period (诉讼时效) of invoices runs out (LIMITATION_WARNING), or the proposal to send a demand
 * before it does (LIMITATION_DEMAND); the last two are written by the legal module's daily job. SUPPLY_HOLD: a supply hold
 * proposed (by a collector or a rule of the negotiation module) waits for a manager's approval. PLAN_INSTALLMENT: an
 * installment of a payment plan falls due in a few days (follow it up); PLAN_BROKEN: a payment plan broke (escalation).
 */
public enum TaskKind {
    STEP, PROMISE_BROKEN, PROMISE_DUE, FOLLOW_UP, LEGAL_DEADLINE, LIMITATION_WARNING, LIMITATION_DEMAND, SUPPLY_HOLD, PLAN_INSTALLMENT, PLAN_BROKEN
}
