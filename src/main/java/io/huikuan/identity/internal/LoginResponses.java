package io.huikuan.identity.internal;

import io.huikuan.identity.LoginFailures.Lockout;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/** The API's answers of the login checks, as problem details like every other API error. */
final class LoginResponses {

    private LoginResponses() {
    }

    /** 429 with Retry-After: too many failed logins for this account or from this address. */
    static void tooManyFailures(HttpServletResponse response, Lockout lockout) throws IOException {
        long seconds = lockout.retryAfterSeconds();
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds));
        problem(response, "Too Many Requests", 429, "too many failed logins for this " + ("address".equals(lockout.reason())
                ? "client address" : "account") + "; logins are refused for " + seconds + " seconds, even with the right password");
    }

    /** 401 for a session that ended (account disabled, roles changed, password reset elsewhere). */
    static void sessionEnded(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        problem(response, "Unauthorized", 401, "your session has ended (your account was disabled or changed); log in again");
    }

    /** 403 until the user sets a new password. */
    static void passwordChangeRequired(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        problem(response, "Forbidden", 403, "your password was reset by an administrator: set a new password first "
                + "(POST /api/me/password with currentPassword and newPassword, or the page /account/password)");
    }

    private static void problem(HttpServletResponse response, String title, int status, String detail) throws IOException {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
