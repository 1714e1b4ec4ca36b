package io.huikuan.correspondence.outbox;

import io.huikuan.correspondence.OutboxChannel;
import java.time.Instant;
import java.util.List;

/** A claimed message as a channel sends it, with its attachments' bytes. */
public record Envelope(long id, String idempotencyKey, OutboxChannel channel, String recipient, String subject, String text, String html,
        String customerCode, Instant createdAt, int attempts, String claimToken, List<Attachment> attachments) {

    /** A stored document attached as {@code <docNo>.pdf}. */
    public record Attachment(String docNo, String title, byte[] content) {
    }
}
