package io.huikuan.identity.internal;

import io.huikuan.identity.LoginFailures;
import io.huikuan.identity.LoginFailures.Lockout;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt (form, Basic or API token) while its account or its client address is
 * locked out after too many failures ({@link LoginFailures}): the API answers 429 with Retry-After,
 * the form goes back to the login page saying so. It runs before the credentials are checked, so a
 * right password is refused too during the lockout. When the failures cannot be counted because the
 * database is busy the caller is told to try again (503, or the form's "busy" message), never that
 * the password is wrong.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginFailures failures;

    LoginThrottleFilter(LoginFailures failures) {
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = isFormLogin(request);
        String header = request.getHeader("Authorization");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        boolean token = header != null && header.startsWith("Bearer ");
        if (!form && !basic && !token) {
            chain.doFilter(request, response);
            return;
        }
        String username = form ? request.getParameter("username") : basic ? basicUsername(header) : null;
        Optional<Lockout> lockout;
        try {
            lockout = failures.lockout(username, request.getRemoteAddr());
        } catch (RuntimeException e) {
            if (!ApiEntryPoint.couldNotCheck(e)) {
                throw e;
            }
            if (form) {
                response.sendRedirect(request.getContextPath() + "/login?busy");
            } else {
                ApiEntryPoint.unavailable(response);
            }
            return;
        }
        if (lockout.isPresent()) {
            if (form) {
                long minutes = Math.max(1, (lockout.get().retryAfterSeconds() + 59) / 60);
                response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes);
            } else {
                LoginResponses.tooManyFailures(response, lockout.get());
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isFormLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && (request.getContextPath() + "/login").equals(request.getRequestURI());
    }

    /** The username of a Basic header, or null when the header cannot be read (Spring Security then refuses it). */
    static String basicUsername(String header) {
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
