package io.huikuan.correspondence;

import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.correspondence.outbox.ChannelRegistry;
import io.huikuan.correspondence.outbox.OutboxProperties;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of e-mails, SMS and chat messages. {@link #enqueue} writes a message in the caller's transaction, so
 * it is sent exactly when the business change commits; the sender ({@code outbox.OutboxSender}) delivers it.
 * Lists show each message's delivery state (queued, sent, failed with the reason); managers requeue a failed or
 * unconfirmed message after checking, and that decision is recorded.
 */
@Service
public class Outbox {

    /** A person's decision to send a message again. */
    public record Requeue(OutboxStatus previousStatus, String previousError, String reason, String requeuedBy, Instant requeuedAt) {
    }

    /** A message and its delivery state ({@code requeues} only filled by {@link #get}). */
    public record MessageView(long id, String idempotencyKey, OutboxChannel channel, String customerCode, String customerName, String recipient,
            String subject, OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError, boolean permanent, Instant sentAt,
            String providerId, Long taskId, String createdBy, Instant createdAt, int attachments, List<Requeue> requeues) {

        /** Failed for good because the address or the message was refused: the customer's contact data needs fixing. */
        public boolean badAddress() {
            return status == OutboxStatus.FAILED && permanent;
        }
    }

    /** The failures list: FAILED, UNCONFIRMED and messages that wait too long (retrying, or their channel is not configured). */
    public static final String PROBLEMS = "PROBLEMS";

    /**
     * Everything not sent yet: queued (also waiting because the channel is not configured), being sent, failed and
     * unconfirmed; the outbox page's default.
     */
    public static final String PENDING = "PENDING";

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final OutboxValidation validation;
    private final ChannelRegistry channels;
    private final OutboxProperties props;
    private final Clock clock;

    Outbox(JdbcClient jdbc, CustomerService customers, ChannelRegistry channels, OutboxProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.validation = new OutboxValidation(jdbc);
        this.channels = channels;
        this.props = props;
        this.clock = clock;
    }

    /**
     * Queues a message in the caller's transaction (there must be one). The same idempotency key again returns the
     * first message's id and writes nothing. Bad input: {@link ValidationException} naming the field.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(OutgoingMessage m) {
        String key = validation.key(m == null ? null : m.idempotencyKey());
        Long existing = jdbc.sql("SELECT id FROM outbox_message WHERE idempotency_key = ?").param(key).query(Long.class).optional().orElse(null);
        if (existing != null) {
            return existing;
        }
        OutboxValidation.Clean c = validation.check(m);
        String createdBy = m.createdBy() == null || m.createdBy().isBlank() ? CurrentUser.get().username() : m.createdBy().trim();
        Timestamp now = Timestamp.from(Instant.now(clock));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO outbox_message (idempotency_key, channel, customer_id, recipient, subject, body_text, body_html, status, attempts,
                  next_attempt_at, permanent, task_id, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, FALSE, ?, ?, ?)""")
                .params(key, m.channel().name(), m.customerId(), c.recipient(), c.subject(), m.text(), m.html(), now, m.taskId(),
                        OutboxValidation.cut(createdBy, 64), now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        int position = 0;
        for (Long doc : m.documentIds()) {
            jdbc.sql("INSERT INTO outbox_attachment (message_id, document_id, position) VALUES (?, ?, ?)").params(id, doc, position++).update();
        }
        return id;
    }

    /**
     * Holds a queued message back until {@code notBefore} (e.g. an SMS outside the contact hours): the sender will
     * not take it earlier. Never brings a message forward; a message no longer QUEUED is left as it is (false).
     * Joins the caller's transaction when there is one.
     */
    @Transactional
    public boolean holdUntil(long id, Instant notBefore) {
        if (notBefore == null) {
            throw ValidationException.coded("notBefore", null, "required", "is required");
        }
        int n = jdbc.sql("UPDATE outbox_message SET next_attempt_at = GREATEST(next_attempt_at, ?) WHERE id = ? AND status = 'QUEUED'")
                .params(Timestamp.from(notBefore), id).update();
        if (n == 0 && jdbc.sql("SELECT count(*) FROM outbox_message WHERE id = ?").param(id).query(Long.class).single() == 0) {
            throw new NotFoundException("outbox message", String.valueOf(id));
        }
        return n > 0;
    }

    /** A message (404 when unknown or its customer is outside the user's portfolio). */
    @Transactional(readOnly = true)
    public MessageView get(long id) {
        CurrentUser user = CurrentUser.require("see the outbox", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        MessageView v = jdbc.sql(SELECT + " WHERE m.id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("outbox message", String.valueOf(id)));
        if (v.customerCode() != null) {
            customers.ref(v.customerCode());
        } else if (user.portfolioOnly()) {
            throw new NotFoundException("outbox message", String.valueOf(id));
        }
        List<Requeue> requeues = jdbc.sql("""
                SELECT previous_status, previous_error, reason, requeued_by, requeued_at FROM outbox_requeue WHERE message_id = ? ORDER BY id""")
                .param(id).query((rs, n) -> new Requeue(OutboxStatus.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
        return new MessageView(v.id(), v.idempotencyKey(), v.channel(), v.customerCode(), v.customerName(), v.recipient(), v.subject(), v.status(),
                v.attempts(), v.nextAttemptAt(), v.lastError(), v.permanent(), v.sentAt(), v.providerId(), v.taskId(), v.createdBy(), v.createdAt(),
                v.attachments(), requeues);
    }

    /** The customer's messages, newest first (at most 200; 404 for a customer the user may not see). */
    @Transactional(readOnly = true)
    public List<MessageView> forCustomer(String customerCode) {
        CurrentUser.require("see the outbox", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        CustomerRef ref = customers.ref(customerCode);
        return jdbc.sql(SELECT + " WHERE m.customer_id = ? ORDER BY m.created_at DESC, m.id DESC LIMIT 200").param(ref.id()).query(this::map).list();
    }

    /**
     * Messages by status (blank: all; {@link #PROBLEMS}: the failures list) and customer code (blank: all the user
     * may see; collectors see their own customers' messages only), newest first.
     */
    @Transactional(readOnly = true)
    public Page<MessageView> search(String status, String customerCode, int page, int size) {
        CurrentUser user = CurrentUser.require("see the outbox", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        String s = status == null ? "" : status.trim().toUpperCase(java.util.Locale.ROOT);
        if (s.equals(PENDING)) {
            where.append(" AND m.status IN ('QUEUED', 'SENDING', 'FAILED', 'UNCONFIRMED')");
        } else if (s.equals(PROBLEMS)) {
            where.append(" AND (m.status IN ('FAILED', 'UNCONFIRMED') OR (m.status = 'QUEUED' AND (m.attempts > 0 OR m.created_at <= :old)))");
            params.put("old", Timestamp.from(Instant.now(clock).minus(props.longQueued())));
        } else if (!s.isEmpty()) {
            try {
                params.put("status", OutboxStatus.valueOf(s).name());
                where.append(" AND m.status = :status");
            } catch (IllegalArgumentException e) {
                throw ValidationException.coded("status", status, "outbox.status", "must be one of QUEUED, SENDING, SENT, FAILED, UNCONFIRMED, PROBLEMS, PENDING");
            }
        }
        if (customerCode != null && !customerCode.isBlank()) {
            params.put("customer", customers.ref(customerCode.trim()).id());
            where.append(" AND m.customer_id = :customer");
        } else if (user.portfolioOnly()) {
            params.put("owner", user.username());
            where.append(" AND c.owner = :owner");
        }
        int p = Math.max(0, page);
        int n = Page.clampSize(size);
        long total = jdbc.sql("SELECT count(*) FROM outbox_message m LEFT JOIN customer c ON c.id = m.customer_id" + where).params(params)
                .query(Long.class).single();
        List<MessageView> items = jdbc.sql(SELECT + where + " ORDER BY m.created_at DESC, m.id DESC LIMIT :limit OFFSET :offset").params(params)
                .param("limit", n).param("offset", (long) p * n).query(this::map).list();
        return new Page<>(items, total, p, n);
    }

    /**
     * A manager sends a FAILED or UNCONFIRMED message again (after checking that an unconfirmed one did not arrive):
     * queued now with fresh attempts; who, when, why and the previous state are recorded.
     */
    @Transactional
    public MessageView retry(long id, String reason) {
        CurrentUser user = CurrentUser.require("requeue outbox messages", Role.MANAGER);
        MessageView v = get(id);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ValidationException.coded("reason", reason, "required", "is required: say why the message may be sent again");
        }
        if (why.length() > 500) {
            throw ValidationException.coded("reason", reason, "outbox.too-long", "must be at most 500 characters", 500);
        }
        if (v.status() != OutboxStatus.FAILED && v.status() != OutboxStatus.UNCONFIRMED) {
            throw new ConflictException("status", "message " + id + " is " + v.status() + ": only FAILED or UNCONFIRMED messages can be requeued");
        }
        Instant now = Instant.now(clock);
        int n = jdbc.sql("""
                UPDATE outbox_message SET status = 'QUEUED', attempts = 0, next_attempt_at = ?, permanent = FALSE, claim_token = NULL,
                  claimed_at = NULL
                WHERE id = ? AND status = ?""").params(Timestamp.from(now), id, v.status().name()).update();
        if (n == 0) {
            throw new ConflictException("status", "message " + id + " changed meanwhile; reload and try again");
        }
        jdbc.sql("""
                INSERT INTO outbox_requeue (message_id, previous_status, previous_error, reason, requeued_by, requeued_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, v.status().name(), OutboxValidation.cut(v.lastError(), 1000), why, user.username(), Timestamp.from(now)).update();
        return get(id);
    }

    /** The queued messages per channel (those the user may see: a collector's own customers'), for the outbox's banner. */
    @Transactional(readOnly = true)
    public Map<OutboxChannel, Long> queuedByChannel() {
        CurrentUser user = CurrentUser.require("see the outbox", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        String sql = "SELECT m.channel, count(*) FROM outbox_message m LEFT JOIN customer c ON c.id = m.customer_id WHERE m.status = 'QUEUED'"
                + (user.portfolioOnly() ? " AND c.owner = :owner" : "") + " GROUP BY m.channel";
        var q = jdbc.sql(sql);
        if (user.portfolioOnly()) {
            q = q.param("owner", user.username());
        }
        Map<OutboxChannel, Long> counts = new java.util.EnumMap<>(OutboxChannel.class);
        q.query((rs, n) -> Map.entry(OutboxChannel.valueOf(rs.getString(1)), rs.getLong(2))).list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Channels that cannot send because their configuration is missing, with the reason (English). */
    public Map<OutboxChannel, String> notConfigured() {
        return channels.notConfigured();
    }

    private static final String SELECT = """
            SELECT m.id, m.idempotency_key, m.channel, c.code, c.name, m.recipient, m.subject, m.status, m.attempts, m.next_attempt_at, m.last_error,
              m.permanent, m.sent_at, m.provider_id, m.task_id, m.created_by, m.created_at,
              (SELECT count(*) FROM outbox_attachment a WHERE a.message_id = m.id) AS attachments
            FROM outbox_message m LEFT JOIN customer c ON c.id = m.customer_id""";

    private MessageView map(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp(13);
        long task = rs.getLong(15);
        Long taskId = rs.wasNull() ? null : task;
        return new MessageView(rs.getLong(1), rs.getString(2), OutboxChannel.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), OutboxStatus.valueOf(rs.getString(8)), rs.getInt(9), rs.getTimestamp(10).toInstant(),
                rs.getString(11), rs.getBoolean(12), sent == null ? null : sent.toInstant(), rs.getString(14), taskId, rs.getString(16),
                rs.getTimestamp(17).toInstant(), rs.getInt(18), List.of());
    }
}
