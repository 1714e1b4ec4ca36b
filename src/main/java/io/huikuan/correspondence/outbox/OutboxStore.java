package io.huikuan.correspondence.outbox;

import io.huikuan.correspondence.OutboxChannel;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The sender's SQL: lease expiry, claiming a batch, recording each result; every step its own short transaction. */
@Component
class OutboxStore {

    private static final Logger log = LoggerFactory.getLogger(OutboxStore.class);

    static final String UNCONFIRMED_REASON = "the sender stopped after handing the message over and before recording the result: "
            + "it may have been delivered; check with the recipient, then requeue it if it did not arrive";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final org.springframework.context.ApplicationEventPublisher events;

    OutboxStore(JdbcClient jdbc, PlatformTransactionManager transactions, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
    }

    /** SENDING rows claimed before now − lease become UNCONFIRMED (never resent by themselves). */
    int expireLeases(Instant now, Duration lease) {
        Integer n = tx.execute(s -> jdbc.sql("""
                UPDATE outbox_message SET status = 'UNCONFIRMED', last_error = ?
                WHERE status = 'SENDING' AND claimed_at <= ?""")
                .params(UNCONFIRMED_REASON, Timestamp.from(now.minus(lease))).update());
        if (n != null && n > 0) {
            log.warn("{} outbox message(s) were left SENDING past the lease: now UNCONFIRMED, listed as failures", n);
        }
        return n == null ? 0 : n;
    }

    /** Claims up to {@code limit} due QUEUED messages of the given channels (committed), with their attachments. */
    List<Envelope> claim(Instant now, Set<OutboxChannel> channels, int limit) {
        String token = UUID.randomUUID().toString();
        List<String> names = channels.stream().map(Enum::name).toList();
        Integer claimed = tx.execute(s -> {
            List<Long> ids = jdbc.sql("""
                    SELECT id FROM outbox_message
                    WHERE status = 'QUEUED' AND next_attempt_at <= :now AND channel IN (:channels)
                    ORDER BY next_attempt_at, id LIMIT :limit
                    FOR UPDATE SKIP LOCKED""")
                    .param("now", Timestamp.from(now)).param("channels", names).param("limit", limit).query(Long.class).list();
            if (ids.isEmpty()) {
                return 0;
            }
            return jdbc.sql("UPDATE outbox_message SET status = 'SENDING', claim_token = :token, claimed_at = :now WHERE id IN (:ids) AND status = 'QUEUED'")
                    .param("token", token).param("now", Timestamp.from(now)).param("ids", ids).update();
        });
        if (claimed == null || claimed == 0) {
            return List.of();
        }
        // each document once per batch, however many messages carry it
        Map<Long, Envelope.Attachment> docs = new HashMap<>();
        jdbc.sql("""
                SELECT d.id, d.doc_no, d.title, d.content FROM document d WHERE d.id IN (
                  SELECT a.document_id FROM outbox_attachment a JOIN outbox_message m ON m.id = a.message_id WHERE m.claim_token = ?)""")
                .param(token).query((rs, n) -> docs.put(rs.getLong(1), new Envelope.Attachment(rs.getString(2), rs.getString(3), rs.getBytes(4))))
                .list();
        Map<Long, List<Envelope.Attachment>> attachments = new HashMap<>();
        jdbc.sql("""
                SELECT a.message_id, a.document_id FROM outbox_attachment a JOIN outbox_message m ON m.id = a.message_id
                WHERE m.claim_token = ? ORDER BY a.message_id, a.position""").param(token)
                .query((rs, n) -> attachments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(docs.get(rs.getLong(2))))
                .list();
        return jdbc.sql("""
                SELECT m.id, m.idempotency_key, m.channel, m.recipient, m.subject, m.body_text, m.body_html, c.code, m.created_at, m.attempts
                FROM outbox_message m LEFT JOIN customer c ON c.id = m.customer_id
                WHERE m.claim_token = ? ORDER BY m.next_attempt_at, m.id""").param(token)
                .query((rs, n) -> new Envelope(rs.getLong(1), rs.getString(2), OutboxChannel.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getInt(10), token,
                        attachments.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    /**
     * Records the delivery. A message whose lease ran out meanwhile (UNCONFIRMED with the same claim) is
     * recorded too: it did arrive.
     */
    void markSent(Envelope e, String providerId, Instant now) {
        Integer n = tx.execute(s -> {
            int updated = jdbc.sql("""
                    UPDATE outbox_message SET status = 'SENT', sent_at = ?, provider_id = ?, attempts = attempts + 1, last_error = NULL,
                      permanent = FALSE
                    WHERE id = ? AND claim_token = ? AND status IN ('SENDING', 'UNCONFIRMED')""")
                    .params(Timestamp.from(now), cut(providerId, 300), e.id(), e.claimToken()).update();
            if (updated == 1) {
                // recorded with the delivery: the activity, the task's completion and the evidence of the demand
                events.publishEvent(new io.huikuan.correspondence.MessageDelivered(e.id(), now, providerId));
            }
            return updated;
        });
        if (n == null || n == 0) {
            log.warn("outbox message {} was sent but its claim had been taken away; not recorded as SENT", e.id());
        }
    }

    /** Records a failure: FAILED when permanent or out of attempts (returns true), else QUEUED again after the back-off. */
    boolean markFailure(Envelope e, boolean permanent, String reason, Instant now, OutboxProperties props) {
        int attempts = e.attempts() + 1;
        boolean giveUp = permanent || attempts >= props.maxAttempts();
        String error = permanent || !giveUp ? reason : "gave up after " + attempts + " attempts: " + reason;
        Instant next = giveUp ? now : now.plus(props.backoff(attempts));
        tx.execute(s -> jdbc.sql("""
                UPDATE outbox_message SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, permanent = ?, claim_token = NULL
                WHERE id = ? AND claim_token = ? AND status = 'SENDING'""")
                .params(giveUp ? "FAILED" : "QUEUED", attempts, Timestamp.from(next), cut(error, 1000), permanent, e.id(), e.claimToken())
                .update());
        return giveUp;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
