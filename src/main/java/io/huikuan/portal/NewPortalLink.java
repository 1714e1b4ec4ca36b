package io.huikuan.portal;

import java.time.Instant;

/** A link just made: its id, the relative {@code url} {@code /portal/<token>} (shown once: only its hash is kept) and when it expires. */
public record NewPortalLink(long id, String url, Instant expiresAt) {
}
