package io.huikuan.identity.internal;

import io.huikuan.identity.ApiTokens;
import io.huikuan.identity.LoginFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer hk_...} against the stored token hashes (a token of a
 * disabled user is refused); an unknown or revoked token counts as a failed login of its client
 * address ({@link LoginThrottleFilter} refuses the address once it has too many).
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final UserDetailsService users;
    private final LoginFailures failures;

    ApiTokenFilter(ApiTokens tokens, UserDetailsService users, LoginFailures failures) {
        this.tokens = tokens;
        this.users = users;
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            Optional<String> user;
            UserDetails details;
            try {
                user = tokens.authenticate(header.substring(7).trim());
                details = user.isEmpty() ? null : users.loadUserByUsername(user.get());
            } catch (DataAccessException | CannotCreateTransactionException e) { // the database or its pool is busy
                ApiEntryPoint.unavailable(response);
                return;
            }
            if (user.isEmpty()) {
                try {
                    failures.record(LoginFailures.Kind.TOKEN, null, request.getRemoteAddr());
                } catch (DataAccessException e) {
                    // the refusal stands; only its record is lost
                }
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"unknown or revoked API token\"}");
                return;
            }
            var auth = UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }
}
