package io.huikuan.correspondence;

import io.huikuan.worklist.Activities;
import io.huikuan.worklist.Channel;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a delivered message leaves behind, in the transaction that records its delivery: an activity on the
 * customer (completing the strategy step's task when the message was one), and {@link DemandIssued} with the
 * evidence (message id, recipient, the server's acceptance) for the limitation period.
 */
@Component
class DeliveredMessages {

    private record Sent(long id, String key, Long customerId, String customerCode, Long taskId, String channel, String recipient, String subject,
            String createdBy, List<String> documents) {
    }

    private final JdbcClient jdbc;
    private final Activities activities;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;

    DeliveredMessages(JdbcClient jdbc, Activities activities, ApplicationEventPublisher events, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.events = events;
        this.zone = clock.getZone();
    }

    @EventListener
    void delivered(MessageDelivered d) {
        Sent m = jdbc.sql("""
                SELECT m.id, m.idempotency_key, m.customer_id, c.code, m.task_id, m.channel, m.recipient, m.subject, m.created_by
                FROM outbox_message m LEFT JOIN customer c ON c.id = m.customer_id WHERE m.id = ?""").param(d.messageId())
                .query((rs, n) -> new Sent(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3), rs.getString(4),
                        rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        jdbc.sql("SELECT d.doc_no FROM outbox_attachment a JOIN document d ON d.id = a.document_id WHERE a.message_id = ? ORDER BY a.position")
                                .param(d.messageId()).query(String.class).list()))
                .single();
        if (m.customerId() == null) {
            return;
        }
        Channel channel = OutboxChannel.valueOf(m.channel()).channel();
        String what = (m.subject() == null ? "" : m.subject() + " ") + "→ " + m.recipient()
                + (m.documents().isEmpty() ? "" : " (" + String.join(", ", m.documents()) + ")");
        activities.recordCorrespondence(m.customerId(), null, m.taskId(), channel, what, m.createdBy());
        String evidence = m.channel().toLowerCase() + " message " + m.id() + " <" + m.key() + "@huikuan> to " + m.recipient() + " accepted at " + d.at()
                + (d.providerId() == null ? "" : " (" + d.providerId() + ")");
        events.publishEvent(new DemandIssued(m.customerCode(), m.customerId(), LocalDate.ofInstant(d.at(), zone), d.at(), m.channel(), true, null,
                null, List.of(), evidence, null, m.id()));
    }
}
