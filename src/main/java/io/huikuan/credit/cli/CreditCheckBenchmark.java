package io.huikuan.credit.cli;

import io.huikuan.common.Cli;
import io.huikuan.common.HttpLoad;
import io.huikuan.credit.CreditCheck;
import io.huikuan.credit.CreditChecks;
import io.huikuan.identity.CurrentUser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark credit-checks [--threads=50] [--count=5000] [--warmup=200] [--pause-ms=0]}: in process, {@code threads}
 * callers at once each run credit checks, one after another ({@code pause-ms} 0: a closed loop, the worst case) or
 * waiting {@code pause-ms} between their checks (an ERP's order desks, each placing an order now and then) (as {@code POST /api/credit-checks} does: the customer's score, exposure, hold and the
 * policy, and the check recorded) for customers with invoices picked at random from the database as it is, and prints
 * the latency percentiles of one check and the decisions. Every check is recorded in {@code credit_check}.
 */
@Component
@Profile("cli")
class CreditCheckBenchmark implements ApplicationRunner, ExitCodeGenerator {

    private final JdbcClient jdbc;
    private final CreditChecks checks;
    private int exitCode;
    private int pauseMs;

    CreditCheckBenchmark(JdbcClient jdbc, CreditChecks checks) {
        this.jdbc = jdbc;
        this.checks = checks;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (!Cli.invokes(args, "benchmark", "credit-checks")) {
            return;
        }
        int threads = Integer.parseInt(Cli.option(args, "threads", "50"));
        int count = Integer.parseInt(Cli.option(args, "count", "5000"));
        int warmup = Integer.parseInt(Cli.option(args, "warmup", "200"));
        pauseMs = Integer.parseInt(Cli.option(args, "pause-ms", "0"));
        List<String> codes = jdbc.sql("SELECT c.code FROM customer c WHERE EXISTS (SELECT 1 FROM invoice i WHERE i.customer_id = c.id) "
                + "ORDER BY c.id LIMIT 20000").query(String.class).list();
        if (codes.isEmpty()) {
            System.err.println("benchmark credit-checks: no customer with invoices; load some first (generate ...)");
            exitCode = 2;
            return;
        }
        long customers = jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single();
        long invoices = jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single();
        System.out.printf(Locale.ROOT, "benchmark credit-checks: %,d customers, %,d invoices; %d callers, %s, %,d checks (+%d warm-up) over %,d customers; "
                + "%d cores%n%n", customers, invoices, threads, pauseMs == 0 ? "no pause (closed loop)" : pauseMs + " ms between a caller's checks",
                count, warmup, codes.size(), Runtime.getRuntime().availableProcessors());
        runChecks(codes, Math.min(threads, 8), warmup, new CopyOnWriteArrayList<>(), new ConcurrentHashMap<>());
        List<Double> ms = new CopyOnWriteArrayList<>();
        Map<String, Integer> decisions = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        runChecks(codes, threads, count, ms, decisions);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.println("| callers | checks | p50 | p95 | p99 | max | checks/s |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        System.out.printf(Locale.ROOT, "| %d | %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.0f |%n", threads, sorted.size(),
                HttpLoad.percentile(sorted, 50), HttpLoad.percentile(sorted, 95), HttpLoad.percentile(sorted, 99), sorted.getLast(),
                sorted.size() / seconds);
        System.out.println();
        System.out.println("decisions: " + new TreeMap<>(decisions));
    }

    private void runChecks(List<String> codes, int threads, int count, List<Double> ms, Map<String, Integer> decisions) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            pool.submit(CurrentUser.systemTask(() -> {
                java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
                int n;
                while ((n = next.getAndIncrement()) < count) {
                    String code = codes.get(random.nextInt(codes.size()));
                    String amount = (1 + random.nextInt(200_000)) + ".00";
                    long s = System.nanoTime();
                    try {
                        CreditCheck c = checks.check(new CreditCheck.Request(code, amount, "BENCH-" + n));
                        ms.add((System.nanoTime() - s) / 1e6);
                        decisions.merge(c.decision(), 1, Integer::sum);
                    } catch (RuntimeException e) {
                        decisions.merge("error: " + e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                    if (pauseMs > 0) {
                        try {
                            Thread.sleep(pauseMs);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }));
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }
}
