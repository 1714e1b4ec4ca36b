package io.huikuan.correspondence;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox's input rules; every broken rule names its field. */
final class OutboxValidation {

    /** A dot-atom (letters, digits, {@code _ + = / -}, single dots inside), so {@code <key@huikuan>} is a valid Message-ID. */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_+=/-]+(\\.[A-Za-z0-9_+=/-]+)*");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9]{7,15}");

    /** The recipient and subject as stored. */
    record Clean(String recipient, String subject) {
    }

    private final JdbcClient jdbc;

    OutboxValidation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String key(String key) {
        if (key == null || key.isBlank()) {
            throw ValidationException.coded("idempotencyKey", key, "required", "is required: it names the business event so it is sent once");
        }
        String k = key.trim();
        if (k.length() > 200 || !KEY.matcher(k).matches()) {
            throw ValidationException.coded("idempotencyKey", key, "outbox.key",
                    "must be 1-200 letters, digits, '_', '+', '=', '/', '-' with single dots inside");
        }
        return k;
    }

    Clean check(OutgoingMessage m) {
        List<FieldError> errors = new ArrayList<>();
        OutboxChannel channel = m.channel();
        if (channel == null) {
            errors.add(FieldError.coded("channel", null, "required", "is required (EMAIL, SMS or CHAT)"));
        }
        String recipient = m.recipient() == null ? "" : m.recipient().strip();
        if (recipient.isEmpty()) {
            errors.add(FieldError.coded("recipient", m.recipient(), "required", "is required"));
        } else if (channel == OutboxChannel.EMAIL && !validEmail(recipient)) {
            errors.add(FieldError.coded("recipient", m.recipient(), "outbox.email", "is not a valid e-mail address (name@example.com)"));
        } else if (channel == OutboxChannel.SMS) {
            String phone = recipient.replaceAll("[\\s()-]", "");
            if (!PHONE.matcher(phone).matches()) {
                errors.add(FieldError.coded("recipient", m.recipient(), "outbox.phone", "is not a phone number (7-15 digits, optionally +country code)"));
            } else {
                recipient = phone;
            }
        } else if (recipient.length() > 320) {
            errors.add(FieldError.coded("recipient", m.recipient(), "outbox.too-long", "must be at most 320 characters", 320));
        }
        String subject = m.subject() == null ? null : m.subject().strip();
        if (channel == OutboxChannel.EMAIL && (subject == null || subject.isEmpty())) {
            errors.add(FieldError.coded("subject", m.subject(), "required", "is required for an e-mail"));
        } else if (subject != null && subject.length() > 300) {
            errors.add(FieldError.coded("subject", m.subject(), "outbox.too-long", "must be at most 300 characters", 300));
        }
        boolean noText = m.text() == null || m.text().isBlank();
        boolean noHtml = m.html() == null || m.html().isBlank();
        if (channel == OutboxChannel.EMAIL ? noText && noHtml : noText) {
            errors.add(FieldError.coded("text", m.text(), "required", channel == OutboxChannel.EMAIL ? "is required (text or html)" : "is required"));
        }
        if (m.customerId() != null
                && jdbc.sql("SELECT count(*) FROM customer WHERE id = ?").param(m.customerId()).query(Long.class).single() == 0) {
            errors.add(FieldError.coded("customerId", m.customerId(), "outbox.customer-unknown", "no such customer"));
        }
        if (m.taskId() != null
                && jdbc.sql("SELECT count(*) FROM collection_task WHERE id = ?").param(m.taskId()).query(Long.class).single() == 0) {
            errors.add(FieldError.coded("taskId", m.taskId(), "outbox.task-unknown", "no such collection task"));
        }
        if (!m.documentIds().isEmpty() && channel != OutboxChannel.EMAIL) {
            errors.add(FieldError.coded("documentIds", m.documentIds(), "outbox.attachments-email", "only e-mails carry attachments"));
        } else {
            Set<Long> seen = new HashSet<>();
            for (Long doc : m.documentIds()) {
                Long owner = doc == null ? null
                        : jdbc.sql("SELECT customer_id FROM document WHERE id = ?").param(doc).query(Long.class).optional().orElse(null);
                if (owner == null) {
                    errors.add(FieldError.coded("documentIds", doc, "outbox.document-unknown", "no such document: " + doc, String.valueOf(doc)));
                } else if (!seen.add(doc)) {
                    errors.add(FieldError.coded("documentIds", doc, "outbox.document-twice", "document " + doc + " is attached twice",
                            String.valueOf(doc)));
                } else if (m.customerId() != null && !owner.equals(m.customerId())) {
                    errors.add(FieldError.coded("documentIds", doc, "outbox.document-other-customer",
                            "document " + doc + " belongs to another customer", String.valueOf(doc)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Clean(recipient, subject);
    }

    static boolean validEmail(String address) {
        if (address.length() > 320 || !EMAIL.matcher(address).matches()) {
            return false;
        }
        try {
            InternetAddress a = new InternetAddress(address, true);
            a.validate();
            return address.equals(a.getAddress());
        } catch (AddressException e) {
            return false;
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
