package io.huikuan.legal.cli;

import io.huikuan.common.Cli;
import io.huikuan.common.Page;
import io.huikuan.legal.LimitationClock;
import io.huikuan.legal.LimitationItem;
import io.huikuan.legal.LimitationStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark limitation [--as-of=YYYY-MM-DD] [--repeat=5]}: times, on the configured database as it is (load it
 * first with {@code generate}), the limitation report: the first page of the clock list with its total (every
 * invoice open at the date, by last day), the same filtered to EXPIRING, the report by month of expiry, and the
 * dashboard's "expiring within 180 days"; each {@code repeat} times (median, best, worst). Prints a Markdown table.
 */
@Component
@Profile("cli")
class LimitationBenchmark implements ApplicationRunner, ExitCodeGenerator {

    private final JdbcClient jdbc;
    private final LimitationClock limitation;
    private final Clock clock;
    private int exitCode;

    LimitationBenchmark(JdbcClient jdbc, LimitationClock limitation, Clock clock) {
        this.jdbc = jdbc;
        this.limitation = limitation;
        this.clock = clock;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!Cli.invokes(args, "benchmark", "limitation")) {
            return;
        }
        LocalDate asOf = Cli.option(args, "as-of") == null ? LocalDate.now(clock) : LocalDate.parse(Cli.option(args, "as-of"));
        int repeat = Integer.parseInt(Cli.option(args, "repeat", "5"));
        long invoices = jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single();
        if (invoices == 0) {
            System.err.println("benchmark limitation: the database holds no invoices; load some first (generate --invoices=1000000 ...)");
            exitCode = 2;
            return;
        }
        long allocations = jdbc.sql("SELECT count(*) FROM allocation").query(Long.class).single();
        long events = jdbc.sql("SELECT count(*) FROM limitation_event_invoice").query(Long.class).single();
        Page<LimitationItem> first = limitation.items(asOf, null, null, 0, 50);
        System.out.printf(Locale.ROOT, "benchmark limitation: %,d invoices (%,d open as of %s), %,d allocations, %,d event rows; %d runs each; %d cores%n%n",
                invoices, first.total(), asOf, allocations, events, repeat, Runtime.getRuntime().availableProcessors());
        System.out.println("| what | median | best | worst |");
        System.out.println("| --- | ---: | ---: | ---: |");
        print("clock list, first page of 50 + total", time(repeat, () -> limitation.items(asOf, null, null, 0, 50)));
        print("clock list, EXPIRING only, first page + total (" + limitation.items(asOf, null, LimitationStatus.EXPIRING, 0, 1).total() + ")",
                time(repeat, () -> limitation.items(asOf, null, LimitationStatus.EXPIRING, 0, 50)));
        print("report by month of expiry (24 months)", time(repeat, () -> limitation.byExpiryMonth(asOf, null, 24)));
        print("expiring within 180 days (per currency)", time(repeat, () -> limitation.expiringWithin(asOf, 180)));
    }

    private record Timing(double median, double best, double worst) {
    }

    private static Timing time(int repeat, Supplier<Object> work) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            work.get();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        return new Timing(ms.get(ms.size() / 2), ms.getFirst(), ms.getLast());
    }

    private static void print(String what, Timing t) {
        System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f ms |%n", what, t.median(), t.best(), t.worst());
    }
}
