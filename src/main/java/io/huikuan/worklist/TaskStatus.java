package io.huikuan.worklist;

/** A task is OPEN until completed (DONE, with an outcome) or CANCELLED (for example when the balance is paid). */
public enum TaskStatus {
    OPEN, DONE, CANCELLED
}
