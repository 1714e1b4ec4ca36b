package io.huikuan.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After an administrator reset their password, a user must set their own before anything else: pages
 * lead to {@code /account/password}, the API answers 403 with a clear message, except the change
 * itself ({@code POST /api/me/password}) and {@code GET /api/me}. Whether a change is required comes
 * from the account as loaded for this request (Basic, token) or as checked by {@link AccountStateFilter}
 * (a web session, whose login may be older than the reset).
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    private static final String ATTRIBUTE = PasswordChangeRequiredFilter.class.getName() + ".required";

    /** Static assets: they carry nothing of the account. */
    private static final List<String> ASSETS = List.of("/css/", "/js/", "/webjars/", "/favicon.ico");

    /** Paths a user who must change their password may still use (besides the assets). */
    private static final List<String> OPEN = List.of("/account/password", "/logout", "/login", "/error", "/actuator/health", "/api/me/password");

    static void mark(HttpServletRequest request, boolean required) {
        request.setAttribute(ATTRIBUTE, required);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!required(request) || open(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (path(request).startsWith("/api/")) {
            LoginResponses.passwordChangeRequired(response);
        } else if ("true".equals(request.getHeader("HX-Request"))) {
            // a part of a page (a header badge, a panel) is refused without a body: htmx leaves the page as it is instead
            // of swapping the password page into it; the page itself is the password page already
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        } else {
            response.sendRedirect(request.getContextPath() + "/account/password");
        }
    }

    private static boolean required(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Boolean marked) {
            return marked;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccountDetails account && account.passwordChangeRequired();
    }

    private static boolean open(HttpServletRequest request) {
        String path = path(request);
        if ("/api/me".equals(path) && "GET".equals(request.getMethod())) {
            return true;
        }
        return isAsset(request) || OPEN.contains(path);
    }

    /** Is this a request for a static asset ({@code /css/}, {@code /js/}, {@code /webjars/}, the favicon)? */
    static boolean isAsset(HttpServletRequest request) {
        String path = path(request);
        return ASSETS.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
