package io.huikuan.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * The browser-facing security headers of every answer (pages and API alike), and the rules that keep
 * redirects and Basic challenges from helping an attacker.
 *
 * <ul>
 * <li>Content-Security-Policy: scripts, styles, images, fonts and connections from this server only;
 * no inline script, no inline style, no eval; no plugins ({@code object-src 'none'}); no framing by
 * anyone ({@code frame-ancestors 'none'}, clickjacking); forms post only to this server; no
 * {@code <base>} elsewhere. {@code data:} images are allowed (Swagger UI's icons). The API documentation
 * pages ({@code /swagger-ui/**}, a static page of the springdoc WebJar that injects a {@code <style>}
 * element) alone may also apply inline styles; inline scripts stay forbidden there too.</li>
 * <li>Referrer-Policy {@code same-origin}: addresses (which hold customer codes and searches) never
 * leave for another site.</li>
 * <li>X-Content-Type-Options {@code nosniff}, X-Frame-Options {@code DENY}, no caching of
 * authenticated answers (Spring Security's defaults, kept).</li>
 * <li>Permissions-Policy: the application needs no camera, microphone, location, payment, USB,
 * serial or sensors.</li>
 * <li>Cross-Origin-Opener-Policy {@code same-origin}: another site that opens a page of ours cannot
 * script the window.</li>
 * </ul>
 */
final class WebHardening {

    private WebHardening() {
    }

    /** The headers, for {@code http.headers(WebHardening::headers)} on every filter chain (see {@link io.huikuan.identity.BrowserHeaders}). */
    static void headers(HeadersConfigurer<HttpSecurity> headers) {
        io.huikuan.identity.BrowserHeaders.apply(headers);
    }

    /**
     * Whether the request comes from a web browser rather than a tool (curl, an ERP integration): browsers
     * send {@code Sec-Fetch-*} headers on every request (Chromium, Firefox, Safari since 2023), and an
     * {@code Origin} on cross-origin and state-changing requests; older ones still ask for HTML.
     * A browser is never sent {@code WWW-Authenticate: Basic}, so it never shows a login dialog whose
     * answer it would then attach to requests other sites make.
     */
    static boolean fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
                || request.getHeader("Origin") != null) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    /**
     * The web pages' answer to a request without a session that the login page does not take (fetches,
     * htmx, tools): a tool is challenged for Basic credentials (to fetch {@code /v3/api-docs}, say); a
     * browser gets a plain 401, and an htmx request is told to go to the login page.
     */
    static AuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("huikuan");
        return (request, response, e) -> {
            if (!fromBrowser(request)) {
                challenge.commence(request, response, e);
                return;
            }
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            }
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        };
    }

    /** Redirects to the saved URL's path and query, never to the host the saved request named (see {@link #relative}). */
    static void redirectRelative(HttpServletRequest request, HttpServletResponse response, String savedUrl) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        response.sendRedirect(response.encodeRedirectURL(relative(savedUrl)));
    }

    /**
     * The path (with query) of a URL this application built from a request, without scheme and host: a
     * redirect to it stays on the host the browser used, whatever {@code Host} header the saved request
     * carried. {@code /} when the URL cannot be read.
     */
    static String relative(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
