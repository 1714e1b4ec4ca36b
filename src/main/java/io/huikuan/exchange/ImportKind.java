package io.huikuan.exchange;

/** What a file holds. */
public enum ImportKind {
    CUSTOMERS, INVOICES, PAYMENTS;

    public static ImportKind parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
