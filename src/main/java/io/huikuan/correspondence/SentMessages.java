package io.huikuan.correspondence;

import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages that reached a customer, with their text and delivery evidence (what the evidence pack puts in its
 * demands folder): sent e-mails, SMS and chat messages, the recipient, the time the server accepted them, the
 * provider's id and the documents attached.
 */
@Component
public class SentMessages {

    /** A delivered message: {@code messageId} is the Message-ID the e-mail went out with ({@code <key@huikuan>}). */
    public record Sent(long id, String channel, String recipient, String subject, String bodyText, Instant acceptedAt, String providerId,
            String messageId, List<String> documentNumbers, String createdBy) {
    }

    private final JdbcClient jdbc;
    private final CustomerService customers;

    SentMessages(JdbcClient jdbc, CustomerService customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    /** The customer's messages accepted for delivery at or before {@code until}, oldest first (404 for a customer the user may not see). */
    @Transactional(readOnly = true)
    public List<Sent> delivered(String customerCode, Instant until) {
        CurrentUser.require("see the outbox", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        CustomerRef ref = customers.ref(customerCode);
        return jdbc.sql("""
                SELECT id, channel, recipient, subject, body_text, sent_at, provider_id, idempotency_key, created_by FROM outbox_message
                WHERE customer_id = ? AND status = 'SENT' AND sent_at <= ? ORDER BY sent_at, id""")
                .params(ref.id(), Timestamp.from(until))
                .query((rs, n) -> new Sent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7), "<" + rs.getString(8) + "@huikuan>", documents(rs.getLong(1)), rs.getString(9)))
                .list();
    }

    private List<String> documents(long messageId) {
        return jdbc.sql("SELECT d.doc_no FROM outbox_attachment a JOIN document d ON d.id = a.document_id WHERE a.message_id = ? ORDER BY a.position")
                .param(messageId).query(String.class).list();
    }
}
