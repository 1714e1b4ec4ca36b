package io.huikuan.worklist;

/** The tone of a script, a template or a strategy step. */
public enum Tone {
    GENTLE, FIRM, FINAL, LEGAL
}
