package io.huikuan.credit.cli;

import io.huikuan.common.Cli;
import io.huikuan.credit.CreditScores;
import io.huikuan.credit.Grade;
import io.huikuan.identity.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark credit-scores [--as-of=YYYY-MM-DD] [--repeat=3] [--snapshot]}: times, on the configured database as it
 * is (load it first with {@code generate}), scoring every customer as of the date (the set-based statement and the
 * model) and one page of 50 as the API answers it, each {@code repeat} times, and with {@code --snapshot} storing the day's snapshot once. Prints a Markdown
 * table and the customers per grade.
 */
@Component
@Profile("cli")
class CreditScoreBenchmark implements ApplicationRunner, ExitCodeGenerator {

    private final JdbcClient jdbc;
    private final CreditScores scores;
    private final Clock clock;
    private int exitCode;

    CreditScoreBenchmark(JdbcClient jdbc, CreditScores scores, Clock clock) {
        this.jdbc = jdbc;
        this.scores = scores;
        this.clock = clock;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!Cli.invokes(args, "benchmark", "credit-scores")) {
            return;
        }
        LocalDate asOf = Cli.option(args, "as-of") == null ? LocalDate.now(clock) : LocalDate.parse(Cli.option(args, "as-of"));
        int repeat = Integer.parseInt(Cli.option(args, "repeat", "3"));
        long customers = jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single();
        long invoices = jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single();
        if (invoices == 0) {
            System.err.println("benchmark credit-scores: the database holds no invoices; load some first (generate --invoices=1000000 ...)");
            exitCode = 2;
            return;
        }
        System.out.printf(Locale.ROOT, "benchmark credit-scores: %,d customers, %,d invoices, as of %s; %d runs; %d cores%n%n", customers, invoices,
                asOf, repeat, Runtime.getRuntime().availableProcessors());
        Map<Grade, Integer> grades = new EnumMap<>(Grade.class);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            grades.clear();
            long start = System.nanoTime();
            scores.everyone(asOf, s -> grades.merge(s.result().grade(), 1, Integer::sum));
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        System.out.println("| what | median | best | worst |");
        System.out.println("| --- | ---: | ---: | ---: |");
        System.out.printf(Locale.ROOT, "| score every customer | %.0f ms | %.0f ms | %.0f ms |%n", ms.get(ms.size() / 2), ms.getFirst(), ms.getLast());
        List<Double> pageMs = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            CurrentUser.asSystem(() -> scores.page(asOf, 500, 50));
            pageMs.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(pageMs);
        System.out.printf(Locale.ROOT, "| one page of 50 (page 500) with the total, as the API | %.0f ms | %.0f ms | %.0f ms |%n", pageMs.get(pageMs.size() / 2),
                pageMs.getFirst(), pageMs.getLast());
        if (args.containsOption("snapshot")) {
            long start = System.nanoTime();
            int n = scores.snapshot(asOf);
            System.out.printf(Locale.ROOT, "| score and store the snapshot (%,d rows) | %.0f ms | | |%n", n, (System.nanoTime() - start) / 1e6);
        }
        System.out.println();
        System.out.println("customers per grade: " + grades);
    }
}
