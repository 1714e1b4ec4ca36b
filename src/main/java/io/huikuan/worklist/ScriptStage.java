package io.huikuan.worklist;

/** When in the collection a script fits: before or at the due date, 1–30, 31–90 or over 90 days overdue. */
public enum ScriptStage {
    REMINDER, FOLLOW_UP, ESCALATION, FINAL
}
