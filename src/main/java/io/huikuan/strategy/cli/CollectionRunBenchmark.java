package io.huikuan.strategy.cli;

import io.huikuan.common.Cli;
import io.huikuan.common.HttpLoad;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.strategy.CollectionRun;
import io.huikuan.strategy.CollectionRuns;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark collection-run [--as-of=YYYY-MM-DD] [--keep] [--url=http://host:port --password=P [--users=20]
 * [--warmup=10] [--requests=25] [--path=/worklist]]}: on the configured database as it is (load it first with
 * {@code generate}), times the first daily run (after clearing runs and tasks, unless {@code --keep}),
 * a second run for the same date (nothing changed: it must create nothing), and a forced full
 * re-evaluation of the same date (creates nothing either). With {@code --url} it logs the
 * {@code users} collectors with the most open tasks into a running server (creating them as
 * COLLECTOR users with password P when they do not exist) and has each fetch their worklist
 * {@code warmup} times untimed, then {@code requests} times at once, reporting latency percentiles.
 */
@Component
@Profile("cli")
class CollectionRunBenchmark implements ApplicationRunner, ExitCodeGenerator {

    private final JdbcClient jdbc;
    private final CollectionRuns runs;
    private final UserDirectory users;
    private final Clock clock;
    private int exitCode;

    CollectionRunBenchmark(JdbcClient jdbc, CollectionRuns runs, UserDirectory users, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!Cli.invokes(args, "benchmark", "collection-run")) {
            return;
        }
        LocalDate asOf = Cli.option(args, "as-of") == null ? LocalDate.now(clock) : LocalDate.parse(Cli.option(args, "as-of"));
        long open = jdbc.sql("SELECT count(*) FROM balance_period WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)")
                .params(Date.valueOf(asOf), Date.valueOf(asOf)).query(Long.class).single();
        long invoices = jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single();
        long customers = jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single();
        if (invoices == 0) {
            System.err.println("benchmark collection-run: the database holds no invoices; load some first (generate --invoices=1000000 ...)");
            exitCode = 2;
            return;
        }
        if (!args.containsOption("keep")) {
            jdbc.sql("UPDATE activity SET task_id = NULL WHERE task_id IS NOT NULL").update();
            jdbc.sql("DELETE FROM collection_task").update();
            jdbc.sql("DELETE FROM customer_segment").update();
            jdbc.sql("DELETE FROM collection_run").update();
        }
        System.out.printf(Locale.ROOT, "benchmark collection-run: %,d customers, %,d invoices (%,d open as of %s); %d cores%n%n", customers,
                invoices, open, asOf, Runtime.getRuntime().availableProcessors());
        System.out.println("| run | duration | tasks created | customers evaluated |");
        System.out.println("| --- | ---: | ---: | ---: |");
        CollectionRun first = runs.run(asOf, "BENCHMARK");
        print("first run for " + asOf, first);
        CollectionRun second = runs.run(asOf, "BENCHMARK");
        print("second run, same date, nothing changed", second);
        jdbc.sql("UPDATE collection_run SET inputs_key = 'benchmark: forced re-evaluation' WHERE as_of = ?").param(Date.valueOf(asOf)).update();
        CollectionRun forced = runs.run(asOf, "BENCHMARK");
        print("same date, full re-evaluation forced", forced);
        System.out.printf(Locale.ROOT, "%nsecond ÷ first: %.1f%%; forced re-evaluation ÷ first: %.0f%%%n", 100.0 * second.durationMs() / first.durationMs(),
                100.0 * forced.durationMs() / first.durationMs());
        first.tasksByStep().forEach((k, v) -> System.out.printf(Locale.ROOT, "  step %-18s %,9d%n", k, v));
        first.tasksBySegment().forEach((k, v) -> System.out.printf(Locale.ROOT, "  segment %-20s %,9d%n", k, v));

        String url = Cli.option(args, "url");
        if (url != null) {
            exitCode = http(url, Cli.option(args, "password"), Integer.parseInt(Cli.option(args, "users", "20")),
                    Integer.parseInt(Cli.option(args, "warmup", "10")), Integer.parseInt(Cli.option(args, "requests", "25")),
                    Cli.option(args, "path", "/worklist"), asOf);
        }
    }

    private int http(String base, String password, int count, int warmup, int requests, String path, LocalDate asOf) throws Exception {
        if (password == null) {
            System.err.println("benchmark collection-run: --url needs --password (of the collectors; missing ones are created with it)");
            return 2;
        }
        List<String> collectors = jdbc.sql("""
                SELECT assignee FROM collection_task WHERE status = 'OPEN' AND assignee IS NOT NULL AND due_date <= ?
                GROUP BY assignee ORDER BY count(*) DESC, assignee LIMIT ?""").params(Date.valueOf(asOf), count).query(String.class).list();
        List<String[]> credentials = new ArrayList<>();
        for (String c : collectors) {
            if (!users.exists(c)) {
                users.create(c, password, c, EnumSet.of(Role.COLLECTOR));
            } else if (!users.passwordMatches(c, password)) {
                System.err.println("benchmark collection-run: user " + c + " exists with another password");
                return 2;
            }
            credentials.add(new String[] {c, password});
        }
        long biggest = jdbc.sql("SELECT count(*) FROM collection_task WHERE status = 'OPEN' AND assignee = ? AND due_date <= ?")
                .params(collectors.getFirst(), Date.valueOf(asOf)).query(Long.class).single();
        try {
            HttpLoad.Result r = HttpLoad.run(base, path, HttpLoad.login(base, credentials), warmup, requests, body -> !body.isEmpty());
            System.out.printf(Locale.ROOT, "%n%d collectors (the largest with %,d open tasks due)%n", collectors.size(), biggest);
            System.out.println(r.describe(path));
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("benchmark collection-run: " + e.getMessage());
            return 1;
        }
    }

    private static void print(String what, CollectionRun r) {
        System.out.printf(Locale.ROOT, "| %s%s | %,d ms | %,d | %,d |%n", what, r.upToDate() ? " (up to date)" : "", r.durationMs(), r.tasksCreated(),
                r.customersEvaluated());
    }

}
