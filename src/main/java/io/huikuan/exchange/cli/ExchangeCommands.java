package io.huikuan.exchange.cli;

import io.huikuan.common.Cli;
import io.huikuan.exchange.ExportService;
import io.huikuan.exchange.ImportKind;
import io.huikuan.exchange.ImportMode;
import io.huikuan.exchange.ImportReport;
import io.huikuan.exchange.ImportService;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line of the exchange module (the main class starts a non-web context with profile
 * {@code cli}):
 * <pre>
 * java -jar huikuan.jar import customers|invoices|payments FILE [--mode=valid-rows] [--dry-run]
 * java -jar huikuan.jar export customers|invoices|payments FILE.xlsx|FILE.csv [--lang=zh] [--status=overdue ...]
 * java -jar huikuan.jar benchmark import --invoices=1000000 [--customers=100000] [--seed=42]
 * java -jar huikuan.jar benchmark aging ... (the aging module's)
 * </pre>
 * The import prints its report as JSON. Exit code 0 when every row was fine, 1 when rows were
 * rejected or the file is bad, 2 for a usage error.
 */
@Component
@Profile("cli")
class ExchangeCommands implements ApplicationRunner, ExitCodeGenerator {

    private final ImportService imports;
    private final ExportService exports;
    private final ImportBenchmark benchmark;
    private final JsonMapper json;
    private int exitCode;

    ExchangeCommands(ImportService imports, ExportService exports, ImportBenchmark benchmark, JsonMapper json) {
        this.imports = imports;
        this.exports = exports;
        this.benchmark = benchmark;
        this.json = json;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = Cli.words(args.getSourceArgs());
        if (words.isEmpty()) {
            return;
        }
        try {
            switch (words.get(0)) {
                case "import" -> importFile(words, args);
                case "export" -> exportFile(words, args);
                case "benchmark" -> {
                    // "benchmark aging", "collection-run", "statements", "outbox", "dispatch", "payments", "limitation", "credit-scores", "credit-checks" and "predictions" belong to the
                    // aging, strategy, correspondence, ledger, legal, credit and insight modules
                    if (words.size() < 2 || !List.of("aging", "collection-run", "statements", "outbox", "dispatch", "payments", "limitation", "credit-scores", "credit-checks", "predictions").contains(words.get(1))) {
                        exitCode = benchmark.run(words, args);
                    }
                }
                default -> {
                    // another module's command (generate)
                }
            }
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            exitCode = 2;
        }
    }

    private void importFile(List<String> words, ApplicationArguments args) {
        if (words.size() != 3) {
            throw new UsageException("usage: import customers|invoices|payments FILE [--mode=all-or-nothing|valid-rows] [--dry-run]");
        }
        ImportKind kind = kind(words.get(1));
        Path file = Path.of(words.get(2));
        if (!Files.isReadable(file)) {
            throw new UsageException("import: cannot read " + file.toAbsolutePath());
        }
        ImportMode mode;
        try {
            mode = ImportMode.parse(Cli.option(args, "mode"));
        } catch (RuntimeException e) {
            throw new UsageException("import: --mode must be all-or-nothing or valid-rows");
        }
        boolean dryRun = args.containsOption("dry-run") && !"false".equals(Cli.option(args, "dry-run"));
        long start = System.nanoTime();
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = imports.run(kind, in, file.getFileName().toString(), mode, dryRun);
        } catch (IOException e) {
            throw new UsageException("import: cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
        }
        System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        System.err.printf("import %s %s: %d imported, %d updated, %d unchanged, %d rejected%s in %.1f s%n", kind.name().toLowerCase(Locale.ROOT),
                file, report.imported(), report.updated(), report.unchanged(), report.rejected(),
                report.written() ? "" : dryRun && report.errors().isEmpty() ? " (dry run: nothing written)" : " (nothing written)",
                (System.nanoTime() - start) / 1e9);
        exitCode = report.errors().isEmpty() ? 0 : 1;
    }

    private void exportFile(List<String> words, ApplicationArguments args) {
        if (words.size() != 3) {
            throw new UsageException("usage: export customers|invoices|payments FILE.xlsx|FILE.csv [--lang=zh] [list filters, e.g. --status=overdue]");
        }
        ImportKind kind = kind(words.get(1));
        Path file = Path.of(words.get(2));
        Map<String, String> params = new HashMap<>();
        for (String name : args.getOptionNames()) {
            params.put(name, Cli.option(args, name));
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        params.putIfAbsent("format", lower.endsWith(".csv") ? "csv" : "xlsx");
        ExportService.Request request;
        try {
            request = ExportService.request(kind, params);
        } catch (RuntimeException e) {
            throw new UsageException("export: " + e.getMessage());
        }
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            long rows = exports.export(request, out);
            out.flush();
            System.err.printf("export %s: %d rows to %s in %.1f s%n", kind.name().toLowerCase(Locale.ROOT), rows, file.toAbsolutePath(),
                    (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            throw new UsageException("export: cannot write " + file.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    private static ImportKind kind(String word) {
        try {
            return ImportKind.parse(word);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown kind '" + word + "': customers, invoices or payments");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
