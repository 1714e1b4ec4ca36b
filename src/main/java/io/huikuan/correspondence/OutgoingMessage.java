package io.huikuan.correspondence;

import java.util.List;

/**
 * A message to put in the outbox. {@code idempotencyKey} names the business event (e.g. {@code task-42-email}):
 * enqueueing the same key again returns the first message. E-mails need a subject and text or html; SMS and chat
 * need text. {@code documentIds}: stored documents (PDF) to attach to an e-mail; {@code customerId},
 * {@code taskId} may be null.
 */
public record OutgoingMessage(String idempotencyKey, OutboxChannel channel, Long customerId, String recipient, String subject, String text,
        String html, List<Long> documentIds, Long taskId, String createdBy) {

    public OutgoingMessage {
        documentIds = documentIds == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(documentIds));
    }
}
