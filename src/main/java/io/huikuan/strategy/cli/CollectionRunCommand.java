package io.huikuan.strategy.cli;

import io.huikuan.common.Cli;
import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.strategy.CollectionRun;
import io.huikuan.strategy.CollectionRuns;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code collection-run [--as-of=YYYY-MM-DD]}: runs the daily collection run on the configured
 * database and prints its summary. Exit codes: 0 done, 2 bad arguments, 3 another run in progress.
 */
@Component
@Profile("cli")
class CollectionRunCommand implements ApplicationRunner, ExitCodeGenerator {

    private final CollectionRuns runs;
    private int exitCode;

    CollectionRunCommand(CollectionRuns runs) {
        this.runs = runs;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!Cli.invokes(args, "collection-run")) {
            return;
        }
        LocalDate asOf = null;
        List<String> given = args.getOptionValues("as-of");
        try {
            if (given != null && !given.isEmpty()) {
                asOf = LocalDate.parse(given.get(0));
            }
            CollectionRun r = runs.run(asOf, "CLI");
            System.out.printf("collection run %d as of %s: %s, %d tasks created, %d customers evaluated, %d promises kept, %d broken, %d ms%n",
                    r.runId(), r.asOf(), r.upToDate() ? "up to date" : r.status(), r.tasksCreated(), r.customersEvaluated(), r.promisesKept(),
                    r.promisesBroken(), r.durationMs());
            r.tasksByStep().forEach((k, v) -> System.out.printf("  step %-18s %,8d%n", k, v));
            r.tasksBySegment().forEach((k, v) -> System.out.printf("  segment %-20s %,8d%n", k, v));
        } catch (DateTimeParseException e) {
            System.err.println("collection-run: --as-of must be a date YYYY-MM-DD, not " + given.get(0));
            exitCode = 2;
        } catch (ValidationException e) {
            System.err.println("collection-run: " + e.getMessage());
            exitCode = 2;
        } catch (ConflictException e) {
            System.err.println("collection-run: " + e.getMessage());
            exitCode = 3;
        }
    }
}
