package io.huikuan.customer;

/**
 * Published inside the transaction of every create, change or delete of customer data; the
 * ledger's append-only history records it. {@code before}/{@code after} are null on create/delete.
 */
public record CustomerChanged(String customerCode, String entityType, String entityKey, String action, Object before,
        Object after, String actor, String reason) {
}
