package io.huikuan.search;

/**
 * One thing the global search found: its kind, its number or code ({@code key}), a line to recognise it
 * by ({@code label}: a customer's name, an invoice's or payment's amount), its customer, and the page it opens.
 */
public record SearchHit(Kind kind, String key, String label, String customerCode, String customerName, String url) {

    /** What was found, in the order the results page lists the groups. */
    public enum Kind {
        CUSTOMER, INVOICE, PAYMENT, DOCUMENT
    }
}
