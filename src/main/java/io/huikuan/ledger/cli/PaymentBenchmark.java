package io.huikuan.ledger.cli;

import io.huikuan.common.Cli;
import io.huikuan.common.HttpLoad;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.ApiTokens;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark payments --url=http://host:port --user=U [--password=P] [--count=100] [--rounds=3] [--warmup=1]}:
 * against a running server on the same database, creates {@code count × (warmup + rounds)} customers with one invoice
 * of 1,000.00 each, then in each round (the first {@code warmup} untimed, so that the server's code is compiled as
 * in production) posts {@code count} payments ({@code POST /api/payments}, one per customer, auto-allocated) all
 * at the same moment, timing each request. With {@code --password} the requests log in with HTTP Basic (the
 * password hash is checked on every request); without it they carry an API token issued to the user (as an ERP
 * integration would). Prints every status seen, p50/p95/p99/max per round and over all rounds, and checks that
 * every invoice's open balance is exactly 1,000.00 less its payment. It adds real customers, invoices and
 * payments to the database (codes {@code PB<time>-<n>}).
 */
@Component
@Profile("cli")
class PaymentBenchmark implements ApplicationRunner, ExitCodeGenerator {

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final ApiTokens tokens;
    private final Clock clock;
    private int exitCode;

    PaymentBenchmark(JdbcClient jdbc, CustomerService customers, InvoiceService invoices, ApiTokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.invoices = invoices;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!Cli.invokes(args, "benchmark", "payments")) {
            return;
        }
        String url = Cli.option(args, "url");
        String user = Cli.option(args, "user");
        if (url == null || user == null) {
            System.err.println("benchmark payments: needs --url=http://host:port and --user=U (a finance user) [--password=P]");
            exitCode = 2;
            return;
        }
        int count = Integer.parseInt(Cli.option(args, "count", "100"));
        int rounds = Integer.parseInt(Cli.option(args, "rounds", "3"));
        int warmup = Integer.parseInt(Cli.option(args, "warmup", "1"));
        String password = Cli.option(args, "password");
        String auth = password != null
                ? "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))
                : "Bearer " + tokens.issue(user, "benchmark payments");

        String prefix = "PB" + Long.toString(clock.millis(), 36).toUpperCase(Locale.ROOT);
        LocalDate today = LocalDate.now(clock);
        int total = count * (warmup + rounds);
        for (int i = 0; i < total; i++) {
            String code = prefix + "-" + i;
            customers.create(new Customer(code, "压测客户 " + code, null, null, null, null, null, null, null, null, List.of()), null);
            invoices.create(new Invoice(code + "-1", code, null, today.minusDays(60), today.minusDays(30), new BigDecimal("1000.00"),
                    null, null, null, null), null);
        }
        System.out.printf(Locale.ROOT, "benchmark payments: %d warm-up and %d timed rounds of %d payments posted at once to %s/api/payments (%s), "
                + "%d cores here%n%n", warmup, rounds, count, url, password != null ? "HTTP Basic" : "API token", Runtime.getRuntime().availableProcessors());
        System.out.println("| round | statuses | p50 | p95 | p99 | max | wall |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: |");

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        List<Double> all = new ArrayList<>();
        Map<Integer, Integer> allStatuses = new TreeMap<>();
        for (int round = 0; round < warmup + rounds; round++) {
            Round r = round(http, url, auth, prefix, round * count, count, today);
            r.statuses().forEach((s, n) -> allStatuses.merge(s, n, Integer::sum));
            if (round >= warmup) {
                all.addAll(r.latencies());
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.2f s |%n",
                    round < warmup ? "warm-up " + (round + 1) : String.valueOf(round - warmup + 1), r.statuses(),
                    HttpLoad.percentile(r.latencies(), 50), HttpLoad.percentile(r.latencies(), 95), HttpLoad.percentile(r.latencies(), 99),
                    r.latencies().getLast(), r.seconds());
        }
        Collections.sort(all);
        System.out.printf(Locale.ROOT, "| all timed | %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | |%n", allStatuses, HttpLoad.percentile(all, 50),
                HttpLoad.percentile(all, 95), HttpLoad.percentile(all, 99), all.getLast());

        int wrong = 0;
        for (int i = 0; i < total; i++) {
            BigDecimal expected = new BigDecimal("1000.00").subtract(amount(i));
            BigDecimal open = jdbc.sql("SELECT open_amount FROM balance_period WHERE invoice_id = (SELECT id FROM invoice WHERE invoice_no = ?) "
                    + "AND valid_to IS NULL").param(prefix + "-" + i + "-1").query(BigDecimal.class).optional().orElse(null);
            if (open == null || open.compareTo(expected) != 0) {
                wrong++;
            }
        }
        boolean allCreated = allStatuses.size() == 1 && allStatuses.containsKey(201);
        System.out.printf(Locale.ROOT, "%nbalances: %d of %d invoices exactly 1,000.00 less their payment%n", total - wrong, total);
        exitCode = allCreated && wrong == 0 ? 0 : 1;
    }

    private record Round(List<Double> latencies, Map<Integer, Integer> statuses, double seconds) {
    }

    private static Round round(HttpClient http, String url, String auth, String prefix, int first, int count, LocalDate today) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<long[]>> answers = new ArrayList<>();
        long began;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = first; i < first + count; i++) {
                String body = """
                        {"paymentRef":"%s-%d-P","customerCode":"%s-%d","paymentDate":"%s","amount":"%s","method":"BANK_TRANSFER","autoAllocate":true}"""
                        .formatted(prefix, i, prefix, i, today, amount(i).toPlainString());
                HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/payments")).header("Authorization", auth)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        long t = System.nanoTime();
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        return new long[] {status, System.nanoTime() - t};
                    } catch (Exception e) {
                        return new long[] {-1, 0};
                    }
                }, clients));
            }
            began = System.nanoTime();
            start.countDown();
            List<Double> latencies = new ArrayList<>();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (CompletableFuture<long[]> a : answers) {
                long[] r = a.get(180, TimeUnit.SECONDS);
                statuses.merge((int) r[0], 1, Integer::sum);
                latencies.add(r[1] / 1e6);
            }
            Collections.sort(latencies);
            return new Round(latencies, statuses, (System.nanoTime() - began) / 1e9);
        }
    }

    /** The payment of the i-th customer: different for each, so a payment posted to the wrong invoice shows. */
    private static BigDecimal amount(int i) {
        return new BigDecimal(100 + i % 500).add(new BigDecimal("0.25"));
    }
}
