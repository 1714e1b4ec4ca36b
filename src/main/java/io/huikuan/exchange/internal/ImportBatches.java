package io.huikuan.exchange.internal;

import io.huikuan.exchange.ImportKind;
import io.huikuan.exchange.ImportMode;
import io.huikuan.ledger.History;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The {@code import_batch} audit row of each import, and the one history entry that stands for
 * all rows a batch created (each created row carries {@code import_batch_id}).
 */
@Component
public class ImportBatches {

    private final JdbcClient jdbc;
    private final History history;

    ImportBatches(JdbcClient jdbc, History history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    public long start(ImportKind kind, String fileName, ImportMode mode, String actor, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        long watermark = jdbc.sql("SELECT coalesce(max(id), 0) FROM " + table(kind)).query(Long.class).single();
        jdbc.sql("INSERT INTO import_batch (kind, file_name, actor, mode, started_at, id_watermark) VALUES (?,?,?,?,?,?)")
                .params(kind.name(), fileName == null ? null : abbreviate(fileName), actor, mode.name(), Timestamp.from(now), watermark)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** The highest id of the batch's table before the batch began: rows above it are the batch's new rows. */
    public long watermark(long id) {
        return jdbc.sql("SELECT id_watermark FROM import_batch WHERE id = ?").param(id).query(Long.class).single();
    }

    public void finish(long id, ImportKind kind, String fileName, String sha256, ImportContext.Counts counts, int rejected, String actor,
            Instant now) {
        jdbc.sql("UPDATE import_batch SET sha256 = ?, finished_at = ?, imported = ?, updated = ?, unchanged = ?, rejected = ? WHERE id = ?")
                .params(sha256, Timestamp.from(now), counts.imported(), counts.updated(), counts.unchanged(), rejected, id).update();
        if (counts.imported() > 0) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("batch", id);
            after.put("kind", kind.name());
            after.put("file", fileName);
            after.put("sha256", sha256);
            after.put("created", counts.imported());
            after.put("updated", counts.updated());
            after.put("unchanged", counts.unchanged());
            after.put("rejected", rejected);
            history.record("IMPORT_BATCH", String.valueOf(id), null, "CREATE", null, after, actor,
                    "import of " + fileName + ": " + counts.imported() + " " + kind.name().toLowerCase() + " created (rows carry import_batch_id " + id + ")");
            long watermark = jdbc.sql("SELECT id_watermark FROM import_batch WHERE id = ?").param(id).query(Long.class).single();
            history.recordImport(table(kind), id, watermark, fileName, actor);
        }
    }

    /**
     * After a large import has committed, refreshes PostgreSQL's planner statistics of the table, so
     * the lists and reports that follow do not plan with the old row counts (autovacuum would get
     * there only later).
     */
    public void analyzeAfterBulk(ImportKind kind, int rowsWritten) {
        if (rowsWritten < 10_000) {
            return;
        }
        String product = jdbc.sql("SELECT 1").query(rs -> {
            return rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
        });
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            jdbc.sql("ANALYZE " + table(kind)).update();
        }
    }

    private static String table(ImportKind kind) {
        return switch (kind) {
            case CUSTOMERS -> "customer";
            case INVOICES -> "invoice";
            case PAYMENTS -> "payment";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300);
    }
}
