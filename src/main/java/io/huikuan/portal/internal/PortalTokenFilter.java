package io.huikuan.portal.internal;

import io.huikuan.portal.PortalLinks;
import io.huikuan.portal.PortalProperties;
import io.huikuan.portal.PortalVisitor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The portal's door: every request under {@code /portal/{token}/…} is rate-limited (per IP, then per link), its token
 * resolved ({@link PortalLinks#check}) and logged in {@code portal_access} (the token itself never: the path is logged
 * with {@code {link}} in its place). A valid token makes the request's {@link PortalVisitor} (request attribute) and an
 * authentication WITHOUT any role, so nothing outside the portal grants it anything; anything else is answered here
 * with the 404 or 429 page and never reaches a controller.
 *
 * <p>A link made with {@code verifyEmail} sends a session that has not typed its e-mail code to {@code /portal/{token}/verify}
 * ({@link PortalVerifications}), whatever it asked for.
 *
 * <p>The session only carries the CSRF token of the portal's forms: it is bound to the first link it served, and a
 * request with another link's token gets a fresh session; a session that existed before (the visitor's own, or one an
 * attacker planted) gets a new id. The visitor is never read from the session.
 */
final class PortalTokenFilter extends OncePerRequestFilter {

    static final String SESSION_LINK = "io.huikuan.portal.link";

    private final PortalLinks links;
    private final PortalLinkRows rows;
    private final PortalProperties props;
    private final PortalRateLimiter limiter;
    private final PortalRefusalPage refusal;
    private final PortalVerifications verifications;
    private final Clock clock;

    PortalTokenFilter(PortalLinks links, PortalLinkRows rows, PortalProperties props, PortalRefusalPage refusal, PortalVerifications verifications,
            Clock clock) {
        this.links = links;
        this.verifications = verifications;
        this.rows = rows;
        this.props = props;
        this.refusal = refusal;
        this.clock = clock;
        this.limiter = new PortalRateLimiter(clock);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String rest = path.startsWith("/portal/") ? path.substring("/portal/".length()) : "";
        int slash = rest.indexOf('/');
        String token = slash < 0 ? rest : rest.substring(0, slash);
        String logged = "/portal/{link}" + (slash < 0 ? "" : rest.substring(slash));
        String ip = request.getRemoteAddr();
        String agent = request.getHeader("User-Agent");
        if (refused(limiter.hit("ip:" + ip), props.requestsPerMinutePerIp(), null, ip, agent, logged, request, response)) {
            return;
        }
        PortalLinks.Check check = links.check(token);
        if (refused(limiter.hit("link:" + (check.linkId() == null ? token : check.linkId())), props.requestsPerMinutePerLink(), check.linkId(),
                ip, agent, logged, request, response)) {
            return;
        }
        rows.logAccess(check.linkId(), clock.instant(), ip, agent, logged, check.outcome());
        if (check.visitor().isEmpty()) {
            refusal.write(request, response, HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PortalVisitor visitor = check.visitor().get();
        bindSession(request, visitor.linkId());
        if (!logged.startsWith("/portal/{link}/verify") && verifications.required(visitor.linkId())
                && !PortalVerifications.verified(request.getSession(false), visitor.linkId())) {
            // a link limited to its contact's e-mail code shows nothing before this session typed the code
            response.sendRedirect(request.getContextPath() + "/portal/" + token + "/verify");
            return;
        }
        request.setAttribute(PortalVisitor.ATTRIBUTE, visitor);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("portal-link-" + visitor.linkId(), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_LINK) == null) {
                session.setAttribute(SESSION_LINK, visitor.linkId());
            }
        }
    }

    /**
     * Answers 429 beyond the limit; logs only the first refused request of a window per key, so a flood does not turn
     * into as many database writes.
     */
    private boolean refused(int count, int limit, Long linkId, String ip, String agent, String path, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (count <= limit) {
            return false;
        }
        if (count == limit + 1) {
            rows.logAccess(linkId, clock.instant(), ip, agent, path, "RATE_LIMITED");
        }
        refusal.write(request, response, PortalRefusalPage.TOO_MANY_REQUESTS);
        return true;
    }

    /** A session of another link is dropped; one not yet bound to a link gets a new id (no fixation). */
    private static void bindSession(HttpServletRequest request, long linkId) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        Object bound = session.getAttribute(SESSION_LINK);
        if (bound == null) {
            request.changeSessionId();
            session.setAttribute(SESSION_LINK, linkId);
        } else if (!bound.equals(linkId)) {
            session.invalidate();
        }
    }
}
