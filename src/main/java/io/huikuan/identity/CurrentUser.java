package io.huikuan.identity;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting now. Outside a request (command line, scheduled jobs) this is the system user,
 * which sees everything.
 */
public record CurrentUser(String username, Set<Role> roles) {

    public static final CurrentUser SYSTEM = new CurrentUser("system", EnumSet.of(Role.ADMIN));

    public static CurrentUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null || "anonymousUser".equals(auth.getName())) {
            return SYSTEM;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority a : auth.getAuthorities()) {
            String name = a.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring(5)));
                } catch (IllegalArgumentException ignored) {
                    // not one of ours
                }
            }
        }
        return new CurrentUser(auth.getName(), roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Managers and administrators. */
    public boolean isManager() {
        return has(Role.ADMIN) || has(Role.MANAGER);
    }

    /**
     * True when this user sees only their own portfolio: a collector without any wider role.
     */
    public boolean portfolioOnly() {
        return has(Role.COLLECTOR) && !has(Role.ADMIN) && !has(Role.MANAGER) && !has(Role.FINANCE) && !has(Role.LEGAL);
    }

    /**
     * Refuses (403) unless the user holds one of the roles; ADMIN holds every role's rights.
     * Returns the user for chaining.
     */
    public static CurrentUser require(String action, Role... anyOf) {
        CurrentUser user = get();
        if (user.has(Role.ADMIN)) {
            return user;
        }
        for (Role r : anyOf) {
            if (user.has(r)) {
                return user;
            }
        }
        throw new org.springframework.security.access.AccessDeniedException(
                "your roles " + user.roles() + " may not " + action + " (needs one of " + java.util.Arrays.toString(anyOf) + ")");
    }

    /** May this user see or change a customer owned by {@code owner}? */
    public boolean mayAccess(String owner) {
        return !portfolioOnly() || username.equals(owner);
    }
}
