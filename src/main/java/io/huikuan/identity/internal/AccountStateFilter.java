package io.huikuan.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a web session whose account has changed since the login: disabled, roles changed, password
 * reset or changed (each bumps {@code app_user.security_version}), or deleted. Every request of a
 * logged-in session compares the version kept at login with the stored one (one indexed query, on
 * whichever node serves the request), so the change takes effect on every node at the next request:
 * a page goes to the login page, an htmx or other script call gets 401. It also tells
 * {@link PasswordChangeRequiredFilter} whether the account must set a new password first. When the
 * database cannot be reached the request is refused (503): the session is not trusted unchecked.
 */
class AccountStateFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccountStateFilter.class);

    private final JdbcClient jdbc;

    AccountStateFilter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record State(long version, boolean enabled, boolean passwordChangeRequired) {
    }

    /** Static assets carry nothing of the account: no query for them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return PasswordChangeRequiredFilter.isAsset(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AccountDetails account)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<State> state;
        try {
            state = jdbc.sql("SELECT security_version, enabled, password_change_required FROM app_user WHERE username = ?")
                    .param(account.getUsername())
                    .query((rs, n) -> new State(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3))).optional();
        } catch (RuntimeException e) {
            if (!ApiEntryPoint.couldNotCheck(e)) {
                throw e;
            }
            ApiEntryPoint.unavailable(response);
            return;
        }
        if (state.isEmpty() || !state.get().enabled() || state.get().version() != account.securityVersion()) {
            log.info("session of '{}' ended: the account was {}", account.getUsername(),
                    state.isEmpty() ? "deleted" : !state.get().enabled() ? "disabled" : "changed");
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (request.getHeader("HX-Request") != null || !"GET".equals(request.getMethod()) && acceptsJson(request)) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
                LoginResponses.sessionEnded(response);
            } else {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            }
            return;
        }
        PasswordChangeRequiredFilter.mark(request, state.get().passwordChangeRequired());
        chain.doFilter(request, response);
    }

    private static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json");
    }
}
