package io.huikuan.aging.cli;

import io.huikuan.aging.AgingGrouping;
import io.huikuan.aging.AgingQueries;
import io.huikuan.aging.DashboardFigures;
import io.huikuan.aging.MeasureService;
import io.huikuan.aging.ProvisionBand;
import io.huikuan.aging.ProvisionService;
import io.huikuan.common.Cli;
import io.huikuan.common.HttpLoad;
import io.huikuan.ledger.BalancePeriods;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
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
 * {@code benchmark aging [--as-of=YYYY-MM-DD] [--repeat=5] [--url=http://host:port --user=U --password=P
 * [--users=20] [--warmup=10] [--requests=25]]}: times, on the configured database as it is (load it first with
 * {@code generate}), a plain {@code SELECT sum(amount)} scan of the invoice table, the as-of aging
 * of a past date by customer, owner and in total, the measures for one date, CEI over three
 * months, the 24-month trend, the provisions and the dashboard's figures computed cold; each
 * {@code repeat} times (median, best, worst). With {@code --url} it also logs {@code users}
 * browsers into a running server and has each fetch {@code /dashboard} {@code warmup} times untimed, then {@code requests} times at
 * once, reporting the latency percentiles. Prints a Markdown table.
 */
@Component
@Profile("cli")
class AgingBenchmark implements ApplicationRunner, ExitCodeGenerator {

    private final JdbcClient jdbc;
    private final AgingQueries aging;
    private final MeasureService measures;
    private final ProvisionService provisions;
    private final DashboardFigures dashboard;
    private final BalancePeriods periods;
    private final Clock clock;
    private int exitCode;

    AgingBenchmark(JdbcClient jdbc, AgingQueries aging, MeasureService measures, ProvisionService provisions, DashboardFigures dashboard,
            BalancePeriods periods, Clock clock) {
        this.jdbc = jdbc;
        this.aging = aging;
        this.measures = measures;
        this.provisions = provisions;
        this.dashboard = dashboard;
        this.periods = periods;
        this.clock = clock;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!Cli.invokes(args, "benchmark", "aging")) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = Cli.option(args, "as-of") == null ? today.minusDays(97) : LocalDate.parse(Cli.option(args, "as-of"));
        int repeat = Integer.parseInt(Cli.option(args, "repeat", "5"));
        long invoices = jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single();
        long allocations = jdbc.sql("SELECT count(*) FROM allocation").query(Long.class).single();
        long customers = jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single();
        if (invoices == 0) {
            System.err.println("benchmark aging: the database holds no invoices; load some first (generate --invoices=1000000 ...)");
            exitCode = 2;
            return;
        }
        System.out.printf(Locale.ROOT, "benchmark aging: %,d invoices, %,d allocations, %,d customers; as of %s (today %s); %d runs each; %d cores%n%n",
                invoices, allocations, customers, asOf, today, repeat, Runtime.getRuntime().availableProcessors());
        System.out.println("| what | median | best | worst |");
        System.out.println("| --- | ---: | ---: | ---: |");
        Timing scan = time(repeat, () -> jdbc.sql("SELECT sum(amount) FROM invoice").query(BigDecimal.class).single());
        print("plain `SELECT sum(amount) FROM invoice`", scan);
        Timing byCustomer = time(repeat, () -> aging.aging(asOf, AgingGrouping.CUSTOMER).rows().size());
        print("aging as of " + asOf + " by customer (" + aging.aging(asOf, AgingGrouping.CUSTOMER).rows().size() + " rows)", byCustomer);
        print("aging as of " + asOf + " by owner", time(repeat, () -> aging.aging(asOf, AgingGrouping.OWNER)));
        print("aging as of " + asOf + ", one row", time(repeat, () -> aging.aging(asOf, AgingGrouping.NONE)));
        print("measures as of " + asOf + " (90 days)", time(repeat, () -> measures.at(asOf, 90)));
        YearMonth to = YearMonth.from(asOf).minusMonths(1);
        print("CEI " + to.minusMonths(2) + ".." + to, time(repeat, () -> measures.cei(to.minusMonths(2), to)));
        print("trend of 24 month ends to " + to, time(repeat, () -> measures.trendLive(to, 24, 90, null)));
        List<BigDecimal> rates = ProvisionBand.DEFAULT_RATES;
        print("provisions as of " + asOf, time(Math.min(repeat, 3), () -> provisions.at(asOf, rates)));
        print("dashboard figures computed cold (as of today)", time(Math.min(repeat, 3), () -> dashboard.compute(today, periods.version())));
        System.out.printf(Locale.ROOT, "%naging by customer ÷ plain scan: %.1f× (median ÷ median)%n", byCustomer.median() / scan.median());

        String url = Cli.option(args, "url");
        if (url != null) {
            exitCode = http(url, Cli.option(args, "user"), Cli.option(args, "password"), Integer.parseInt(Cli.option(args, "users", "20")),
                    Integer.parseInt(Cli.option(args, "warmup", "10")), Integer.parseInt(Cli.option(args, "requests", "25")));
        }
    }

    private int http(String base, String user, String password, int users, int warmup, int requests) throws Exception {
        if (user == null || password == null) {
            System.err.println("benchmark aging: --url needs --user and --password");
            return 2;
        }
        List<String[]> credentials = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            credentials.add(new String[] {user, password});
        }
        try {
            HttpLoad.Result r = HttpLoad.run(base, "/dashboard", HttpLoad.login(base, credentials), warmup, requests, body -> body.contains("dash-total"));
            System.out.println();
            System.out.println(r.describe("/dashboard"));
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("benchmark aging: " + e.getMessage());
            return 1;
        }
    }

    private record Timing(double median, double best, double worst) {
    }

    private static Timing time(int repeat, Supplier<Object> work) {
        work.get(); // warm-up: plans, caches, JIT
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            long t = System.nanoTime();
            work.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        return new Timing(ms.get(ms.size() / 2), ms.getFirst(), ms.getLast());
    }

    private static void print(String what, Timing t) {
        System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f ms |%n", what, t.median(), t.best(), t.worst());
    }

}
