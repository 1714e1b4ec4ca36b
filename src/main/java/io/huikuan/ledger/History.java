package io.huikuan.ledger;

import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.customer.CustomerChanged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only history of ledger and customer data. It is written in the same transaction
 * as the change it describes; there is no way to edit or delete it (the database refuses too).
 */
@Service
public class History {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    History(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String entityType, String entityKey, String customerCode, String action, Object before, Object after,
            String actor, String reason) {
        if (reason != null && reason.length() > 500) {
            throw ValidationException.coded("reason", reason.length() + " characters", "text.tooLong", "at most 500 characters", 500);
        }
        jdbc.sql("""
                INSERT INTO history (entity_type, entity_key, customer_code, action, actor, occurred_at, reason, before_state, after_state)
                VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(entityType, entityKey, customerCode, action, actor, Timestamp.from(Instant.now(clock)),
                        reason == null || reason.isBlank() ? null : reason, toJson(before), toJson(after))
                .update();
    }

    /**
     * After a file import: one history entry per customer the batch created rows for (the customer
     * itself, or its invoices or payments: how many, the total, the first and last number), so the
     * customer's history shows who imported what, when and from which file. Set-based: rows of the
     * batch are those with {@code import_batch_id = batchId} and an id above {@code idWatermark}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordImport(String table, long batchId, long idWatermark, String fileName, String actor) {
        String reason = "import of " + (fileName == null ? "a file" : fileName) + " (batch " + batchId + ")";
        Timestamp now = Timestamp.from(Instant.now(clock));
        String sql = switch (table) {
            case "customer" -> """
                    INSERT INTO history (entity_type, entity_key, customer_code, action, actor, occurred_at, reason, before_state, after_state)
                    SELECT 'CUSTOMER', c.code, c.code, 'CREATE', ?, ?, ?, NULL,
                           '{"importBatch":' || CAST(? AS VARCHAR(20)) || ',"name":"' || replace(replace(c.name, '\\', '\\\\'), '"', '\\"') || '"}'
                    FROM customer c WHERE c.import_batch_id = ? AND c.id > ?""";
            case "invoice", "payment" -> """
                    INSERT INTO history (entity_type, entity_key, customer_code, action, actor, occurred_at, reason, before_state, after_state)
                    SELECT '%1$s_IMPORT', CAST(? AS VARCHAR(20)), c.code, 'CREATE', ?, ?, ?, NULL,
                           '{"importBatch":' || CAST(? AS VARCHAR(20)) || ',"count":' || CAST(g.n AS VARCHAR(20))
                           || ',"amount":"' || CAST(g.total AS VARCHAR(40)) || '","first":"' || g.first_no || '","last":"' || g.last_no || '"}'
                    FROM (SELECT t.customer_id, count(*) n, sum(t.amount) total, min(t.%2$s) first_no, max(t.%2$s) last_no
                          FROM %3$s t WHERE t.import_batch_id = ? AND t.id > ? GROUP BY t.customer_id) g
                    JOIN customer c ON c.id = g.customer_id""".formatted(table.toUpperCase(java.util.Locale.ROOT),
                    table.equals("invoice") ? "invoice_no" : "payment_ref", table);
            default -> throw new IllegalArgumentException(table);
        };
        if (table.equals("customer")) {
            jdbc.sql(sql).params(actor, now, reason, batchId, batchId, idWatermark).update();
        } else {
            jdbc.sql(sql).params(batchId, actor, now, reason, batchId, batchId, idWatermark).update();
        }
    }

    @EventListener
    void on(CustomerChanged e) {
        record(e.entityType(), e.entityKey(), e.customerCode(), e.action(), e.before(), e.after(), e.actor(), e.reason());
    }

    /** Everything recorded about one customer (its profile, contacts, invoices, payments...), newest first. */
    public Page<HistoryEntry> forCustomer(String customerCode, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM history WHERE customer_code = ?").param(customerCode).query(Long.class).single();
        List<HistoryEntry> items = jdbc.sql("SELECT * FROM history WHERE customer_code = ? ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(customerCode, size, (long) page * size).query(History::map).list();
        return new Page<>(items, total, page, size);
    }

    /** Everything recorded about one entity, e.g. ("INVOICE", "INV-1"), oldest first. */
    public List<HistoryEntry> forEntity(String entityType, String entityKey) {
        return jdbc.sql("SELECT * FROM history WHERE entity_type = ? AND entity_key = ? ORDER BY id")
                .params(entityType, entityKey).query(History::map).list();
    }

    /** The entries of one key under any of several entity types (an invoice and its disputes), oldest first. */
    public List<HistoryEntry> forEntities(String entityKey, String... entityTypes) {
        List<Object> params = new java.util.ArrayList<>(java.util.Arrays.asList((Object[]) entityTypes));
        params.add(entityKey);
        return jdbc.sql("SELECT * FROM history WHERE entity_type IN (" + "?,".repeat(entityTypes.length - 1) + "?) AND entity_key = ? ORDER BY id")
                .params(params).query(History::map).list();
    }

    private String toJson(Object o) {
        return o == null ? null : json.writeValueAsString(o);
    }

    private static HistoryEntry map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new HistoryEntry(rs.getLong("id"), rs.getString("entity_type"), rs.getString("entity_key"), rs.getString("customer_code"),
                rs.getString("action"), rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("reason"),
                rs.getString("before_state"), rs.getString("after_state"));
    }
}
