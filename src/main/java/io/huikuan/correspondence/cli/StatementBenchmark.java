package io.huikuan.correspondence.cli;

import io.huikuan.common.Cli;
import io.huikuan.correspondence.Documents;
import io.huikuan.identity.CurrentUser;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark statements [--count=10000] [--from=YYYY-MM-DD] [--to=YYYY-MM-DD] [--threads=N] [--batch=N]}: issues a
 * consolidated statement of account (rendered PDF, numbered, stored with its SHA-256) for each of the
 * first {@code count} customers with invoices, on {@code threads} threads (default: the cores), one
 * transaction per statement (as the API does) or {@code batch} statements per transaction
 * ({@link Documents#issueStatements}), and prints the time, the rate and the bytes written; then reads
 * the last statement back with PDFBox. It adds real documents to the database.
 */
@Component
@Profile("cli")
class StatementBenchmark implements ApplicationRunner, ExitCodeGenerator {

    private final JdbcClient jdbc;
    private final Documents documents;
    private final Clock clock;
    private int exitCode;

    StatementBenchmark(JdbcClient jdbc, Documents documents, Clock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!Cli.invokes(args, "benchmark", "statements")) {
            return;
        }
        int count = Integer.parseInt(Cli.option(args, "count", "10000"));
        LocalDate to = LocalDate.parse(Cli.option(args, "to", LocalDate.now(clock).toString()));
        LocalDate from = LocalDate.parse(Cli.option(args, "from", to.minusMonths(6).toString()));
        int threads = Integer.parseInt(Cli.option(args, "threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        int batch = Math.max(1, Integer.parseInt(Cli.option(args, "batch", "1")));
        List<String> codes = jdbc.sql("SELECT c.code FROM customer c WHERE EXISTS (SELECT 1 FROM invoice i WHERE i.customer_id = c.id) "
                + "ORDER BY c.id LIMIT ?").param(count).query(String.class).list();
        if (codes.isEmpty()) {
            System.err.println("benchmark statements: no customer with invoices; load some first (generate ...)");
            exitCode = 2;
            return;
        }
        // warm-up: templates, fonts and the JIT
        for (int i = 0; i < Math.min(20, codes.size()); i++) {
            documents.statement(codes.get(i), from, to);
        }
        AtomicLong bytes = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < codes.size(); i += batch) {
            List<String> some = codes.subList(i, Math.min(codes.size(), i + batch));
            futures.add(pool.submit(() -> CurrentUser.asSystem(() -> {
                if (batch == 1) {
                    bytes.addAndGet(documents.issueStatement(some.getFirst(), from, to).sizeBytes());
                } else {
                    documents.issueStatements(some, from, to).forEach(d -> bytes.addAndGet(d.sizeBytes()));
                }
                return null;
            })));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        lines.set(jdbc.sql("SELECT count(*) FROM invoice i WHERE i.customer_id IN (SELECT c.id FROM customer c WHERE EXISTS "
                        + "(SELECT 1 FROM invoice x WHERE x.customer_id = c.id) ORDER BY c.id LIMIT ?) AND i.issue_date BETWEEN ? AND ?")
                .params(codes.size(), java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)).query(Long.class).single());
        // what was stored is a complete PDF: the last statement read back with PDFBox names its customer, its SHA-256 matches
        Documents.Document last = documents.issueStatement(codes.getLast(), from, to);
        Documents.Content content = documents.content(last.id());
        try (PDDocument pdf = Loader.loadPDF(content.bytes())) {
            String text = new PDFTextStripper().getText(pdf);
            if (!text.contains(codes.getLast()) || !text.contains("对账单") || !HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.bytes())).equals(last.sha256())) {
                System.err.println("benchmark statements: the stored statement " + last.number() + " does not read back as written");
                exitCode = 1;
            }
        }
        System.out.printf(Locale.ROOT, "benchmark statements: %,d statements (%s – %s, %,d invoices listed) on %d threads, %d per transaction, in %.1f s: "
                        + "%.0f statements/s, %,d bytes of PDF (%,d per statement); %d cores%n", codes.size(), from, to, lines.get(), threads,
                batch, seconds, codes.size() / seconds, bytes.get(), bytes.get() / codes.size(), Runtime.getRuntime().availableProcessors());
    }
}
