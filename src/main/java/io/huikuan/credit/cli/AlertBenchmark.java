package io.huikuan.credit.cli;

import io.huikuan.common.Cli;
import io.huikuan.credit.AlertEvaluator;
import io.huikuan.credit.AlertRule;
import io.huikuan.credit.AlertRules;
import io.huikuan.identity.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark alerts [--as-of=YYYY-MM-DD] [--repeat=3] [--dry-only]}: times, on the configured database as it is
 * (load it first with {@code generate}), each active early-warning rule's condition over every customer (the dry run:
 * nothing stored), then the whole evaluation as the daily run does it, {@code repeat} times: the first run raises the
 * alerts (and proposes the supply holds of HOLD_SUPPLY rules), the next ones find the same episodes and store nothing new.
 * {@code --dry-only} skips the evaluation (leaves the database as it is). Prints a Markdown table.
 */
@Component
@Profile("cli")
class AlertBenchmark implements ApplicationRunner, ExitCodeGenerator {

    private final JdbcClient jdbc;
    private final AlertRules rules;
    private final AlertEvaluator evaluator;
    private final Clock clock;
    private int exitCode;

    AlertBenchmark(JdbcClient jdbc, AlertRules rules, AlertEvaluator evaluator, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!Cli.invokes(args, "benchmark", "alerts")) {
            return;
        }
        LocalDate asOf = Cli.option(args, "as-of") == null ? LocalDate.now(clock) : LocalDate.parse(Cli.option(args, "as-of"));
        int repeat = Integer.parseInt(Cli.option(args, "repeat", "3"));
        long customers = jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single();
        long invoices = jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single();
        if (invoices == 0) {
            System.err.println("benchmark alerts: the database holds no invoices; load some first (generate --invoices=1000000 ...)");
            exitCode = 2;
            return;
        }
        System.out.printf(Locale.ROOT, "benchmark alerts: %,d customers, %,d invoices, as of %s; %d cores%n%n", customers, invoices, asOf,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| what | alerts | new | time |");
        System.out.println("| --- | ---: | ---: | ---: |");
        CurrentUser.runAsSystem(() -> {
            long all = System.nanoTime();
            for (AlertRule r : rules.all()) {
                if (!r.active()) {
                    continue;
                }
                long start = System.nanoTime();
                AlertEvaluator.DryRun d = evaluator.dryRun(r.id(), asOf);
                System.out.printf(Locale.ROOT, "| dry run %s (rule %d) | %,d | %,d | %.0f ms |%n", r.kind(), r.id(), d.alerts(), d.newAlerts(),
                        (System.nanoTime() - start) / 1e6);
            }
            System.out.printf(Locale.ROOT, "| every rule's dry run, one after the other | | | %.0f ms |%n", (System.nanoTime() - all) / 1e6);
            if (args.containsOption("dry-only")) {
                return;
            }
            for (int i = 0; i < repeat; i++) {
                long start = System.nanoTime();
                AlertEvaluator.Result r = evaluator.evaluate(asOf);
                System.out.printf(Locale.ROOT, "| evaluate every rule, run %d (%d cleared, %d holds proposed) | | %,d | %.0f ms |%n", i + 1, r.cleared(),
                        r.holdsProposed(), r.raised(), (System.nanoTime() - start) / 1e6);
            }
        });
    }
}
