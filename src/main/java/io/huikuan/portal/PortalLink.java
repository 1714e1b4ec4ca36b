package io.huikuan.portal;

import java.time.Instant;

/**
 * A link as the collector sees it (never its token): who it was made for, by whom and when, until when it is valid,
 * its status (ACTIVE, EXPIRED, REVOKED), purpose (MANUAL: made by hand; MESSAGE: made for {{portal.link}} in messages),
 * how often it was opened (successful portal requests) and when last, and whether it asks for its contact's e-mail code
 * ({@code verifyEmail}).
 */
public record PortalLink(long id, String customerCode, Long contactId, String contactName, String purpose, Instant createdAt,
        String createdBy, Instant expiresAt, Instant revokedAt, String revokedBy, String status, long accessCount, Instant lastAccessAt,
        boolean verifyEmail) {
}
