package io.huikuan.legal.internal;

import io.huikuan.correspondence.SentMessages;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A delivered message as a file of the evidence pack: an e-mail as {@code .eml} (RFC 5322: its Message-ID, recipient,
 * subject and text, with the delivery evidence in {@code X-Huikuan-*} headers: the time the mail server accepted it and
 * the provider's id); an SMS or chat message as {@code .txt} with the same facts above its text.
 */
final class EvidenceMessages {

    private EvidenceMessages() {
    }

    static String fileName(SentMessages.Sent m) {
        return "message-" + m.id() + "-" + m.channel().toLowerCase(java.util.Locale.ROOT) + ("EMAIL".equals(m.channel()) ? ".eml" : ".txt");
    }

    static byte[] file(SentMessages.Sent m, ZoneId zone) {
        StringBuilder s = new StringBuilder();
        if ("EMAIL".equals(m.channel())) {
            s.append("Message-ID: ").append(m.messageId()).append("\r\n");
            s.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(m.acceptedAt().atZone(zone))).append("\r\n");
            s.append("To: ").append(oneLine(m.recipient())).append("\r\n");
            s.append("Subject: ").append(encode(m.subject() == null ? "" : oneLine(m.subject()))).append("\r\n");
            s.append("MIME-Version: 1.0\r\n");
            s.append("Content-Type: text/plain; charset=UTF-8\r\n");
            s.append("Content-Transfer-Encoding: 8bit\r\n");
            evidence(s, m, "X-Huikuan-");
            s.append("\r\n");
        } else {
            s.append("Channel: ").append(m.channel()).append("\r\n");
            s.append("To: ").append(oneLine(m.recipient())).append("\r\n");
            evidence(s, m, "");
            s.append("\r\n");
        }
        s.append(m.bodyText() == null ? "" : m.bodyText().replace("\r\n", "\n").replace("\n", "\r\n"));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void evidence(StringBuilder s, SentMessages.Sent m, String prefix) {
        s.append(prefix).append("Outbox-Message: ").append(m.id()).append("\r\n");
        s.append(prefix).append("Accepted-At: ").append(m.acceptedAt()).append("\r\n");
        if (m.providerId() != null) {
            s.append(prefix).append("Provider-Id: ").append(oneLine(m.providerId())).append("\r\n");
        }
        if (!m.documentNumbers().isEmpty()) {
            s.append(prefix).append("Documents: ").append(String.join(", ", m.documentNumbers())).append("\r\n");
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }

    private static String encode(String text) {
        try {
            return MimeUtility.encodeText(text, "UTF-8", "B");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
