package io.huikuan.correspondence;

import java.time.Instant;

/** The outbox's sender handed message {@code messageId} over (the SMTP server or the webhook accepted it). */
public record MessageDelivered(long messageId, Instant at, String providerId) {
}
