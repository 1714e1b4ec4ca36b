package io.huikuan.demo;

import io.huikuan.common.SqlLike;
import io.huikuan.demo.LedgerTables.Ids;
import io.huikuan.demo.LedgerTables.Table;
import io.huikuan.demo.Portfolio.GeneratedCustomer;
import io.huikuan.ledger.BalancePeriods;
import io.huikuan.ledger.History;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a generated portfolio into the database in one transaction, chunk by chunk (nothing is held
 * whole): PostgreSQL {@code COPY} when the database is PostgreSQL, JDBC batches otherwise. Rows get
 * explicit ids after the highest existing ones; the identity columns are moved past them at the end.
 * One history row per table records the load.
 */
@Component
public class PortfolioLoader {

    private static final int CHUNK = 1_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final History history;
    private final Clock clock;

    PortfolioLoader(DataSource dataSource, JdbcTemplate jdbc, History history, BalancePeriods periods, Clock clock) {
        this.dataSource = dataSource;
        this.periods = periods;
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    /** What was written, per table name, and how long it took. */
    private final BalancePeriods periods;

    public record LoadResult(Map<String, Long> rows, String method, long millis) {

        public long count(String table) {
            return rows.getOrDefault(table, 0L);
        }

        public String describe() {
            StringBuilder sb = new StringBuilder();
            rows.forEach((t, n) -> sb.append(sb.isEmpty() ? "" : ", ").append(n).append(' ').append(t));
            return sb.toString();
        }
    }

    /**
     * Refreshes PostgreSQL's planner statistics of the tables just loaded (after the load has
     * committed): without them, queries right after a bulk load can take seconds instead of
     * milliseconds until autovacuum gets round to it.
     */
    public void analyze() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!isPostgres(connection)) {
                return;
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        for (Table t : Table.values()) {
            jdbc.execute("ANALYZE " + t.table);
        }
        jdbc.execute("ANALYZE balance_period");
        jdbc.execute("ANALYZE invoice_settlement");
    }

    /**
     * Generates and writes the portfolio. Fails, writing nothing, when customers with the settings'
     * code prefix already exist.
     */
    @Transactional
    public LoadResult load(GeneratorSettings settings, String reason) {
        long started = System.nanoTime();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            boolean postgres = isPostgres(connection);
            Long clash = jdbc.queryForObject("SELECT count(*) FROM customer WHERE code LIKE ?" + SqlLike.ESCAPE, Long.class,
                    SqlLike.startsWith(settings.prefix()));
            if (clash != null && clash > 0) {
                throw new IllegalStateException(clash + " customers with codes starting with '" + settings.prefix()
                        + "' already exist; choose another prefix (--prefix=...)");
            }
            Map<Table, Long> max = new EnumMap<>(Table.class);
            for (Table t : Table.values()) {
                Long m = jdbc.queryForObject("SELECT max(id) FROM " + t.table, Long.class);
                max.put(t, m == null ? 0L : m);
            }
            Ids ids = new Ids(max);
            RowWriter writer = postgres ? RowWriter.copy(connection) : RowWriter.batches(jdbc);
            Timestamp now = Timestamp.from(Instant.now(clock));
            pipeline(new PortfolioGenerator(settings), ids, now, writer);
            periods.addInvoicesAfter(max.get(Table.INVOICE));
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Table t : Table.values()) {
                counts.put(t.table, ids.written(t));
                if (ids.written(t) > 0) {
                    restartIdentity(t, ids.last(t), postgres);
                    Map<String, Object> what = new LinkedHashMap<>();
                    what.put("rows", ids.written(t));
                    what.put("seed", settings.seed());
                    what.put("asOf", settings.asOf().toString());
                    what.put("prefix", settings.prefix());
                    history.record("DEMO", t.table, null, "CREATE", null, what, LedgerTables.ACTOR, reason);
                }
            }
            return new LoadResult(counts, postgres ? "COPY" : "JDBC batches", (System.nanoTime() - started) / 1_000_000);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Generates the portfolio into the three import files in {@code dir}. */
    public LoadResult writeCsv(GeneratorSettings settings, Path dir) {
        long started = System.nanoTime();
        try (CsvFiles files = new CsvFiles(dir)) {
            new PortfolioGenerator(settings).forEach(files::write);
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("customers.csv", files.customerRows);
            counts.put("invoices.csv", files.invoiceRows);
            counts.put("payments.csv", files.paymentRows);
            return new LoadResult(counts, "CSV", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Generation and row building run on a second thread, one chunk ahead; the writes run here, on
     * the thread bound to the transaction. A failure on either side stops both.
     */
    private static void pipeline(PortfolioGenerator generator, Ids ids, Timestamp now, RowWriter writer) {
        BlockingQueue<List<Runnable>> queue = new ArrayBlockingQueue<>(2);
        List<Runnable> end = new ArrayList<>(0); // marks the end (compared by identity)
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = Thread.ofPlatform().name("portfolio-generator").daemon().start(() -> {
            try {
                List<GeneratedCustomer> chunk = new ArrayList<>(CHUNK);
                generator.forEach(c -> {
                    chunk.add(c);
                    if (chunk.size() == CHUNK) {
                        put(queue, steps(chunk, ids, now, writer));
                    }
                });
                if (!chunk.isEmpty()) {
                    put(queue, steps(chunk, ids, now, writer));
                }
                put(queue, end);
            } catch (Throwable t) {
                failure.set(t);
                queue.offer(end);
            }
        });
        try {
            while (true) {
                List<Runnable> steps = queue.poll(1, TimeUnit.SECONDS);
                if (steps == end) {
                    break;
                }
                if (steps != null) {
                    steps.forEach(Runnable::run);
                } else if (!producer.isAlive() && queue.isEmpty()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the portfolio", e);
        } finally {
            producer.interrupt();
            try {
                producer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private static List<Runnable> steps(List<GeneratedCustomer> chunk, Ids ids, Timestamp now, RowWriter writer) {
        Map<Table, List<Object[]>> rows = LedgerTables.rows(chunk, ids, now);
        chunk.clear();
        List<Runnable> steps = new ArrayList<>(rows.size());
        for (Table t : Table.values()) {
            steps.add(writer.prepare(t, rows.get(t)));
        }
        return steps;
    }

    private static void put(BlockingQueue<List<Runnable>> queue, List<Runnable> steps) {
        try {
            queue.put(steps);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation stopped", e);
        }
    }

    private void restartIdentity(Table t, long lastId, boolean postgres) {
        if (postgres) {
            jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('" + t.table + "', 'id'), ?)", Long.class, lastId);
        } else {
            jdbc.execute("ALTER TABLE " + t.table + " ALTER COLUMN id RESTART WITH " + (lastId + 1));
        }
    }

    private static boolean isPostgres(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }
}
