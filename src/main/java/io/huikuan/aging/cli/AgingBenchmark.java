package io.huikuan.aging.cli;

import io.huikuan.aging.AgingGrouping;
import io.huikuan.aging.AgingQueries;
import io.huikuan.aging.DashboardFigures;
import io.huikuan.aging.MeasureService;
import io.huikuan.aging.ProvisionBand;
import io.huikuan.aging.ProvisionService;
import io.huikuan.common.Cli;
import io.huikuan.ledger.BalancePeriods;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark aging [--as-of=YYYY-MM-DD] [--repeat=5] [--url=http://host:port --user=U --password=P
 * [--users=20] [--requests=25]]}: times, on the configured database as it is (load it first with
 * {@code generate}), a plain {@code SELECT sum(amount)} scan of the invoice table, the as-of aging
 * of a past date by customer, owner and in total, the measures for one date, CEI over three
 * months, the 24-month trend, the provisions and the dashboard's figures computed cold; each
 * {@code repeat} times (median, best, worst). With {@code --url} it also logs {@code users}
 * browsers into a running server and has each fetch {@code /dashboard} {@code requests} times at
 * once, reporting the latency percentiles. Prints a Markdown table.
 */
@Component
@Profile("cli")
class AgingBenchmark implements ApplicationRunner, ExitCodeGenerator {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

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
        List<String> words = Cli.words(args.getSourceArgs());
        if (words.size() < 2 || !"benchmark".equals(words.get(0)) || !"aging".equals(words.get(1))) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = option(args, "as-of") == null ? today.minusDays(97) : LocalDate.parse(option(args, "as-of"));
        int repeat = Integer.parseInt(option(args, "repeat", "5"));
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

        String url = option(args, "url");
        if (url != null) {
            exitCode = http(url, option(args, "user"), option(args, "password"), Integer.parseInt(option(args, "users", "20")),
                    Integer.parseInt(option(args, "requests", "25")));
        }
    }

    private int http(String base, String user, String password, int users, int requests) throws Exception {
        if (user == null || password == null) {
            System.err.println("benchmark aging: --url needs --user and --password");
            return 2;
        }
        List<HttpClient> browsers = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(login);
            if (!m.find()) {
                System.err.println("benchmark aging: no CSRF token on " + base + "/login");
                return 1;
            }
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
                System.err.println("benchmark aging: login as " + user + " failed (" + r.statusCode() + ")");
                return 1;
            }
            browsers.add(client);
        }
        long first = System.nanoTime();
        fetch(browsers.getFirst(), base);
        double firstMs = (System.nanoTime() - first) / 1e6;
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(users);
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (HttpClient client : browsers) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < requests; i++) {
                    long t = System.nanoTime();
                    fetch(client, base);
                    latencies.add((System.nanoTime() - t) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%n/dashboard over HTTP: first request %.0f ms; then %d users × %d requests at once: "
                        + "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms, %.0f pages/s%n",
                firstMs, users, requests, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.getLast(), sorted.size() / seconds);
        return 0;
    }

    private static void fetch(HttpClient client, String base) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/dashboard")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("dash-total")) {
            throw new IllegalStateException("/dashboard answered " + r.statusCode());
        }
    }

    private static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.clamp(i, 0, sorted.size() - 1));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
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

    private static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String option(ApplicationArguments args, String name, String fallback) {
        String v = option(args, name);
        return v == null ? fallback : v;
    }
}
