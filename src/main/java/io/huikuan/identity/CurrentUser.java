package io.huikuan.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting now: the logged-in user; {@link #SYSTEM} inside {@link #asSystem} (scheduled jobs,
 * commands, background handlers say so explicitly); otherwise {@link #ANONYMOUS}, who holds no role
 * and sees no customer.
 */
public record CurrentUser(String username, Set<Role> roles) {

    /** The principal of background work: scheduled jobs, command-line commands, handlers off the request thread. */
    public static final CurrentUser SYSTEM = new CurrentUser("system", EnumSet.of(Role.ADMIN));

    /** Nobody logged in: no rights, no portfolio. */
    public static final CurrentUser ANONYMOUS = new CurrentUser("anonymous", EnumSet.noneOf(Role.class));

    /** Names no user may take, since they stand for these principals in the history. */
    public static final Set<String> RESERVED_NAMES = Set.of(SYSTEM.username(), ANONYMOUS.username(), "anonymoususer");

    private static final Authentication SYSTEM_AUTHENTICATION = UsernamePasswordAuthenticationToken.authenticated(
            SYSTEM.username(), null, List.of(new SimpleGrantedAuthority("ROLE_" + Role.ADMIN.name())));

    public static CurrentUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated() || auth.getName() == null) {
            return ANONYMOUS;
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

    /** Work done by the system, not by a person. */
    public interface Work<T, E extends Exception> {
        T call() throws E;
    }

    /**
     * Runs background work as {@link #SYSTEM}: what a scheduled job, a command or a handler off the
     * request thread does is done, and recorded, as the system. The caller's own context is restored afterwards.
     */
    public static <T, E extends Exception> T asSystem(Work<T, E> work) throws E {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(systemContext());
        try {
            return work.call();
        } finally {
            if (previous.getAuthentication() == null) {
                SecurityContextHolder.clearContext();
            } else {
                SecurityContextHolder.setContext(previous);
            }
        }
    }

    /** A security context holding the system principal, for the application's start-up runners (see SystemPrincipalConfig). */
    public static SecurityContext systemContext() {
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(SYSTEM_AUTHENTICATION);
        return system;
    }

    /** {@link #asSystem(Work)} for work without a result. */
    public static void runAsSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }

    /** The same work, run as the system wherever (whichever thread) it runs. */
    public static Runnable systemTask(Runnable work) {
        return () -> runAsSystem(work);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Managers and administrators. */
    public boolean isManager() {
        return has(Role.ADMIN) || has(Role.MANAGER);
    }

    /**
     * True when this user sees only their own portfolio: a collector without any wider role, or
     * someone with no role at all (anonymous), whose portfolio is empty.
     */
    public boolean portfolioOnly() {
        return roles.isEmpty() || has(Role.COLLECTOR) && !has(Role.ADMIN) && !has(Role.MANAGER) && !has(Role.FINANCE) && !has(Role.LEGAL);
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
        return !portfolioOnly() || !roles.isEmpty() && username.equals(owner);
    }
}
