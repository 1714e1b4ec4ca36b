package io.huikuan.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (403) a state-changing API call that carries HTTP Basic credentials and comes from another
 * site. A browser remembers Basic credentials a user once typed and attaches them to every request to
 * this server, including a form another site's page submits (a multipart import, for example, needs
 * no CORS preflight): that request must not write the ledger. It is recognised by the browser's own
 * headers: {@code Sec-Fetch-Site} other than {@code same-origin} or {@code none} (typed in the address
 * bar), or an {@code Origin} that is not this server's. Tools (curl, ERP integrations) send neither and
 * keep working; API tokens ({@code Authorization: Bearer}) are never attached by a browser on its own,
 * so they are not concerned; reads (GET, HEAD, OPTIONS) change nothing, and other sites cannot read
 * the answer (no CORS).
 */
final class CrossSiteBasicGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteBasicGuard.class);

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (refused(request)) {
            log.warn("refused a cross-site {} {} with Basic credentials (Origin {}, Sec-Fetch-Site {})", request.getMethod(),
                    request.getRequestURI(), request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"));
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"a request from another site may not change data with HTTP Basic credentials; "
                    + "call the API from a tool or with an API token (Authorization: Bearer hk_...)\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean refused(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !OWN_SITE.contains(site.trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        // Origin "null" (a sandboxed frame, a file: page) or an unreadable one is another site too
        try {
            return CorsUtils.isCorsRequest(request);
        } catch (RuntimeException unreadable) {
            return true;
        }
    }
}
