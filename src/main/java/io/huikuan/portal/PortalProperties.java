package io.huikuan.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huikuan.portal.*}: {@code base-url} the absolute links in messages start with (default
 * {@code http://localhost:8080}); {@code requests-per-minute-per-ip} and {@code requests-per-minute-per-link} (default
 * 60 each) beyond which the portal answers 429; {@code message-link-days} how long a link made for e-mails, SMS and
 * letters stays valid (default 30); a message reuses such a link while it has at least {@code message-link-min-days}
 * (default 7) left.
 */
@ConfigurationProperties("huikuan.portal")
public record PortalProperties(String baseUrl, Integer requestsPerMinutePerIp, Integer requestsPerMinutePerLink, Integer messageLinkDays,
        Integer messageLinkMinDays) {

    public PortalProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.strip().replaceAll("/+$", "");
        requestsPerMinutePerIp = requestsPerMinutePerIp == null || requestsPerMinutePerIp < 1 ? 60 : requestsPerMinutePerIp;
        requestsPerMinutePerLink = requestsPerMinutePerLink == null || requestsPerMinutePerLink < 1 ? 60 : requestsPerMinutePerLink;
        messageLinkDays = messageLinkDays == null || messageLinkDays < 1 || messageLinkDays > 365 ? 30 : messageLinkDays;
        messageLinkMinDays = messageLinkMinDays == null || messageLinkMinDays < 0 || messageLinkMinDays >= messageLinkDays ? 7 : messageLinkMinDays;
    }
}
