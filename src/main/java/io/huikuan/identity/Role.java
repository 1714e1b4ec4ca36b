package io.huikuan.identity;

/** What a user may do. ADMIN includes MANAGER; a COLLECTOR is limited to their own portfolio. */
public enum Role {
    ADMIN, MANAGER, COLLECTOR, FINANCE, LEGAL;

    public String authority() {
        return "ROLE_" + name();
    }
}
