package io.huikuan.negotiation;

import io.huikuan.identity.Role;
import java.util.List;

/**
 * Who must approve a negotiated subject (a payment plan, a concession), from the {@link AuthorityMatrix}: the collector
 * alone, a manager, or a manager and someone from finance (two different people).
 */
public enum Authority {
    COLLECTOR(List.of(Role.COLLECTOR)),
    MANAGER(List.of(Role.MANAGER)),
    MANAGER_AND_FINANCE(List.of(Role.MANAGER, Role.FINANCE));

    private final List<Role> approvals;

    Authority(List<Role> approvals) {
        this.approvals = approvals;
    }

    /** The roles whose approvals are all needed (each filled by a different person). */
    public List<Role> approvals() {
        return approvals;
    }

    /** One level up: what a proposal outside the policy needs. */
    public Authority raised() {
        return this == COLLECTOR ? MANAGER : MANAGER_AND_FINANCE;
    }
}
