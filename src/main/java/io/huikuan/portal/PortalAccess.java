package io.huikuan.portal;

import java.time.Instant;

/**
 * One request under {@code /portal}: when, from which IP and browser (user agent), which path (the token replaced by
 * {@code {link}}), and the outcome: OK, EXPIRED, REVOKED, UNKNOWN (no such token: not logged against a customer),
 * RATE_LIMITED.
 */
public record PortalAccess(long id, long linkId, Instant at, String ip, String userAgent, String path, String outcome) {
}
