package io.huikuan.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The API's answer to a request it could not authenticate: 401 when the credentials are missing or
 * wrong; 503 with {@code Retry-After} when they could not be checked at all (the database or its
 * connection pool was busy or down), so a busy server never tells a client its valid password is wrong.
 * Only tools are challenged with {@code WWW-Authenticate: Basic}: a browser ({@link WebHardening#fromBrowser})
 * gets the 401 without it, so it never asks the user for a password it would then remember and attach
 * to requests that other sites' pages make.
 */
final class ApiEntryPoint implements AuthenticationEntryPoint {

    /** Seconds a client should wait before trying again when the server could not check credentials. */
    static final int RETRY_AFTER_SECONDS = 2;

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (couldNotCheck(e)) {
            unavailable(response);
        } else {
            unauthorized(request, response);
        }
    }

    /** True when authentication failed because the user store could not be reached, not because of the credentials. */
    static boolean couldNotCheck(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessException || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    static void unavailable(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"the server is busy and could not check the credentials; try again in a moment\"}");
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        if (!WebHardening.fromBrowser(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"huikuan\"");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"log in with HTTP Basic or an API token (Authorization: Bearer hk_...)\"}");
    }
}
