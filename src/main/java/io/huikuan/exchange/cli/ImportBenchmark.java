package io.huikuan.exchange.cli;

import io.huikuan.common.Cli;
import io.huikuan.exchange.ImportKind;
import io.huikuan.exchange.ImportMode;
import io.huikuan.exchange.ImportReport;
import io.huikuan.exchange.ImportService;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.ApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark import --invoices=N [--customers=M] [--seed=S] [--dir=DIR] [--allow-existing]}:
 * generates deterministic files, imports the customers, times PostgreSQL's own COPY of the
 * invoice file into a bare table (no keys, no indexes, no constraints; a normal logged table),
 * then the real import of the same file (full validation, all-or-nothing), then the same file
 * again (every row unchanged), sampling the heap during the imports; prints a result table.
 */
@Component
class ImportBenchmark {

    private final ImportService imports;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    ImportBenchmark(ImportService imports, DataSource dataSource) {
        this.imports = imports;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    private double shapedInsert = Double.NaN;

    private record Timed(ImportReport report, double seconds, long heapPeak) {
    }

    int run(List<String> words, ApplicationArguments args) {
        if (words.size() < 2 || !"import".equals(words.get(1))) {
            System.err.println("usage: benchmark import --invoices=1000000 [--customers=100000] [--seed=42] [--dir=DIR] [--allow-existing]\n"
                    + "       benchmark aging [--as-of=YYYY-MM-DD] [--repeat=5] [--url=http://localhost:8080 --user=U --password=P "
                    + "[--users=20] [--warmup=10] [--requests=25]]\n"
                    + "       benchmark collection-run [--as-of=YYYY-MM-DD] [--keep] [--url=http://localhost:8080 --password=P [--users=20] "
                    + "[--warmup=10] [--requests=25] [--path=/worklist]]\n"
                    + "       benchmark statements [--count=10000] [--from=YYYY-MM-DD] [--to=YYYY-MM-DD] [--threads=N]\n"
                    + "       benchmark outbox [--count=5000] [--threads=N] [--batch=200] [--warmup=200] [--smtp-host=H --smtp-port=P]\n"
                    + "       benchmark dispatch [--as-of=YYYY-MM-DD] [--start-at=HH:MM:SS] [--reset]\n"
                    + "       benchmark payments --url=http://localhost:8080 --user=U [--password=P] [--count=100] [--rounds=3] [--warmup=1]\n"
                    + "       benchmark limitation [--as-of=YYYY-MM-DD] [--repeat=5]\n"
                    + "       benchmark credit-scores [--as-of=YYYY-MM-DD] [--repeat=3] [--snapshot]\n"
                    + "       benchmark credit-checks [--threads=50] [--count=5000] [--warmup=200]\n"
                    + "       benchmark predictions --from=YYYY-MM --to=YYYY-MM [--as-of=YYYY-MM-DD]");
            return 2;
        }
        long invoices = number(args, "invoices", 1_000_000);
        int customers = (int) number(args, "customers", Math.max(100, Math.min(100_000, invoices / 10)));
        long seed = number(args, "seed", 42);
        try {
            Long existing = jdbc.queryForObject("SELECT count(*) FROM invoice", Long.class);
            if (existing != null && existing > 0 && !args.containsOption("allow-existing")) {
                System.err.println("benchmark: the database already holds " + existing
                        + " invoices; use a fresh database or schema (or --allow-existing)");
                return 2;
            }
            String dirOption = Cli.option(args, "dir");
            Path dir = dirOption == null ? Files.createTempDirectory("huikuan-bench-") : Files.createDirectories(Path.of(dirOption));
            Path customerFile = dir.resolve("customers.csv");
            Path invoiceFile = dir.resolve("invoices.csv");
            long t0 = System.nanoTime();
            BenchmarkData.customers(customerFile, customers, seed);
            BenchmarkData.invoices(invoiceFile, invoices, customers, seed);
            double generated = seconds(t0);
            long size = Files.size(invoiceFile);
            System.err.printf("benchmark: generated %,d customers and %,d invoices (%.1f MB) in %s in %.1f s%n", customers, invoices,
                    size / 1e6, dir, generated);

            loadBefore = loadAverage();
            Timed customerRun = timedImport(ImportKind.CUSTOMERS, customerFile);
            boolean postgres = isPostgres();
            double copy = postgres ? copyBaseline(invoiceFile) : Double.NaN;
            Timed first = timedImport(ImportKind.INVOICES, invoiceFile);
            Timed second = timedImport(ImportKind.INVOICES, invoiceFile);
            print(invoices, customers, size, customerRun, copy, first, second);
            if (!args.containsOption("keep-files") && dirOption == null) {
                Files.deleteIfExists(customerFile);
                Files.deleteIfExists(invoiceFile);
                Files.deleteIfExists(dir);
            }
            boolean ok = first.report().errors().isEmpty() && first.report().imported() == invoices && second.report().unchanged() == invoices;
            return ok ? 0 : 1;
        } catch (IOException | SQLException e) {
            System.err.println("benchmark: " + e);
            return 1;
        }
    }

    private Timed timedImport(ImportKind kind, Path file) throws IOException {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong sampled = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                sampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = imports.run(kind, in, file.getFileName().toString(), ImportMode.ALL_OR_NOTHING, false);
        }
        double s = seconds(start);
        sampler.interrupt();
        long sumOfPoolPeaks = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long peak = Math.max(sampled.get(), 0);
        System.err.printf("benchmark: import %s: %d imported, %d updated, %d unchanged, %d rejected in %.2f s (heap peak sampled %d MB,"
                        + " sum of pool peaks %d MB)%n", file.getFileName(), report.imported(), report.updated(), report.unchanged(),
                report.rejected(), s, peak >> 20, sumOfPoolPeaks >> 20);
        if (!report.errors().isEmpty()) {
            report.errors().stream().limit(5).forEach(e -> System.err.println("  " + e));
        }
        return new Timed(report, s, peak);
    }

    /** PostgreSQL's own COPY of the same CSV file into a bare table with the file's columns. */
    private double copyBaseline(Path file) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_copy_baseline");
                s.execute("""
                        CREATE TABLE bench_copy_baseline (invoice_no VARCHAR(64), customer_code VARCHAR(64), issue_date DATE, due_date DATE,
                            amount NUMERIC(19,2), currency CHAR(3), tax_invoice_no VARCHAR(64), business_unit VARCHAR(100))""");
            }
            long start = System.nanoTime();
            long rows;
            try (InputStream in = Files.newInputStream(file)) {
                rows = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY bench_copy_baseline FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
            }
            double s = seconds(start);
            System.err.printf("benchmark: PostgreSQL COPY of %,d rows into a bare table in %.2f s%n", rows, s);
            try (Statement st = c.createStatement()) {
                // what the server alone needs to put the same rows into a table shaped like invoice (keys, indexes, checks, foreign key)
                st.execute("DROP TABLE IF EXISTS bench_invoice_like");
                st.execute("CREATE TABLE bench_invoice_like (LIKE invoice INCLUDING ALL)");
                st.execute("ALTER TABLE bench_invoice_like ADD FOREIGN KEY (customer_id) REFERENCES customer (id)");
                long t = System.nanoTime();
                st.execute("""
                        INSERT INTO bench_invoice_like (invoice_no, customer_id, issue_date, due_date, amount, currency, tax_invoice_no, business_unit,
                                                        created_at, updated_at)
                        SELECT b.invoice_no, c.id, b.issue_date, b.due_date, b.amount, b.currency, b.tax_invoice_no, b.business_unit, now(), now()
                        FROM bench_copy_baseline b JOIN customer c ON c.code = b.customer_code""");
                shapedInsert = seconds(t);
                System.err.printf("benchmark: PostgreSQL INSERT ... SELECT of the same rows into a table like invoice (indexes, FK) in %.2f s%n",
                        shapedInsert);
                st.execute("DROP TABLE bench_invoice_like");
                st.execute("DROP TABLE bench_copy_baseline");
            }
            return s;
        }
    }

    private void print(long invoices, int customers, long size, Timed customerRun, double copy, Timed first, Timed second) {
        String db = jdbc.queryForObject("SELECT version()", String.class);
        long max = Runtime.getRuntime().maxMemory();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"measure", "value"});
        rows.add(new String[] {"date", LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES).toString()});
        rows.add(new String[] {"database", db == null ? "?" : db.split(",")[0]});
        rows.add(new String[] {"JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", max heap "
                + (max >> 20) + " MB, " + Runtime.getRuntime().availableProcessors() + " CPUs"});
        rows.add(new String[] {"invoice file", String.format("%,d rows, %.1f MB CSV", invoices, size / 1e6)});
        rows.add(new String[] {"customers import", String.format("%,d rows in %.2f s", customers, customerRun.seconds())});
        rows.add(new String[] {"COPY into a bare table", Double.isNaN(copy) ? "n/a (not PostgreSQL)" : String.format("%.2f s", copy)});
        rows.add(new String[] {"INSERT of the same rows into a table like invoice", Double.isNaN(shapedInsert) ? "n/a"
                : String.format("%.2f s (server only: its indexes, checks, foreign key)", shapedInsert)});
        rows.add(new String[] {"load average (1 min) before / after", loadBefore + " / " + loadAverage()});
        rows.add(new String[] {"invoice import (new rows)", String.format("%.2f s = %,.0f rows/s", first.seconds(), invoices / first.seconds())});
        rows.add(new String[] {"import / COPY", Double.isNaN(copy) ? "n/a" : String.format("%.2f x", first.seconds() / copy)});
        rows.add(new String[] {"heap peak (sampled) during import", (first.heapPeak() >> 20) + " MB"});
        rows.add(new String[] {"same file again (all unchanged)", String.format("%.2f s = %,.0f rows/s, heap peak %d MB", second.seconds(),
                invoices / second.seconds(), second.heapPeak() >> 20)});
        rows.add(new String[] {"target: <= 20 s, >= 50,000 rows/s", first.seconds() <= 20 && first.report().errors().isEmpty() ? "met" : "NOT met"});
        rows.add(new String[] {"target: <= 3 x COPY", Double.isNaN(copy) ? "n/a" : first.seconds() <= 3 * copy ? "met" : "NOT met"});
        rows.add(new String[] {"target: heap < 512 MB", Math.max(first.heapPeak(), second.heapPeak()) < 512L << 20 ? "met" : "NOT met"});
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        System.out.println();
        for (String[] r : rows) {
            System.out.printf("| %-" + width + "s | %s |%n", r[0], r[1]);
            if (r == rows.get(0)) {
                System.out.println("|" + "-".repeat(width + 2) + "|" + "-".repeat(40) + "|");
            }
        }
    }

    private String loadBefore = "?";

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private boolean isPostgres() {
        try (Connection c = dataSource.getConnection()) {
            return c.isWrapperFor(PGConnection.class);
        } catch (SQLException e) {
            return false;
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long number(ApplicationArguments args, String name, long fallback) {
        String v = Cli.option(args, name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new ExchangeCommands.UsageException("--" + name + " must be a number");
        }
    }
}
