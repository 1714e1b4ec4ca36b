package io.huikuan.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The browser-facing security headers every filter chain answers with (the internal pages, the API, and the debtor
 * portal's chain, which lives in another module): Content-Security-Policy (scripts, styles, images, fonts and
 * connections from this server only, no inline script or style, no framing, forms post only here), Referrer-Policy
 * {@code same-origin}, Permissions-Policy, Cross-Origin-Opener-Policy {@code same-origin}, {@code X-Frame-Options DENY},
 * {@code nosniff}. See {@code identity.internal.WebHardening} for the reasons.
 */
public final class BrowserHeaders {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Swagger UI injects its own {@code <style>} element: its pages alone may apply inline styles (never scripts). */
    public static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
            "style-src 'self' 'unsafe-inline'");

    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
            + "accelerometer=(), gyroscope=(), magnetometer=()";

    private BrowserHeaders() {
    }

    /** The headers, for {@code http.headers(BrowserHeaders::apply)} on every filter chain. */
    public static void apply(HeadersConfigurer<HttpSecurity> headers) {
        headers.addHeaderWriter(BrowserHeaders::contentSecurityPolicy)
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY))
                .crossOriginOpenerPolicy(c -> c.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.deny())
                .contentTypeOptions(c -> { });
    }

    /** The policy for the page asked for, unless the controller set a stricter one of its own. */
    private static void contentSecurityPolicy(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader("Content-Security-Policy")) {
            response.setHeader("Content-Security-Policy", apiDocs(request) ? API_DOCS_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
        }
    }

    private static boolean apiDocs(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui/");
    }
}
