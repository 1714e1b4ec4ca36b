package io.huikuan.legal;

/** How a case ended: won, partly won, lost, mediated (调解), settled out of court (和解), withdrawn (撤诉/撤回). */
public enum CaseOutcome {
    WON, PARTLY_WON, LOST, MEDIATED, SETTLED, WITHDRAWN
}
