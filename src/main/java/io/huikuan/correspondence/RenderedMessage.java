package io.huikuan.correspondence;

/**
 * A template filled with one customer's data: the template version used (0 for a preview of unsaved text),
 * the subject (plain text; null for SMS), the plain text and the HTML (paragraphs and the invoice table,
 * every value HTML-escaped).
 */
public record RenderedMessage(long templateVersionId, String subject, String text, String html) {
}
