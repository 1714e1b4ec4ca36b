package io.huikuan.correspondence;

/**
 * A template filled with one customer's data: the template version used (0 for a preview of unsaved text),
 * the subject (plain text; null for SMS), the plain text and the HTML (paragraphs and the invoice table,
 * every value HTML-escaped); {@code portalLink}: the debtor portal's address {@code {{portal.link}}} rendered, null when
 * the template does not use it (letters print it as a QR code too).
 */
public record RenderedMessage(long templateVersionId, String subject, String text, String html,
        @com.fasterxml.jackson.annotation.JsonIgnore String portalLink) {

    public RenderedMessage(long templateVersionId, String subject, String text, String html) {
        this(templateVersionId, subject, text, html, null);
    }
}
