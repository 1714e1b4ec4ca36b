package io.huikuan.common;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load for the benchmark commands: browsers that log into a running server with the login form
 * (session cookie, CSRF token) and then fetch one page many times at once, timed per request.
 */
public final class HttpLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** Latencies in ms, sorted, of every request after the first; {@code firstMs} is the very first (cold) request. */
    public record Result(double firstMs, List<Double> sorted, double seconds, int users, int requests) {

        public double percentile(int p) {
            return HttpLoad.percentile(sorted, p);
        }

        /** One line: first request, then p50/p95/p99/max and throughput. */
        public String describe(String path) {
            return String.format(Locale.ROOT, "%s over HTTP: first request %.0f ms; after the warm-up, %d users × %d requests at once: "
                    + "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms, %.0f pages/s", path, firstMs, users, requests, percentile(50),
                    percentile(95), percentile(99), sorted.getLast(), sorted.size() / seconds);
        }
    }

    private HttpLoad() {
    }

    /** The p-th percentile (nearest rank) of latencies sorted ascending. */
    public static double percentile(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.clamp(i, 0, sorted.size() - 1));
    }

    /** Logs in as each {username, password} pair, one browser each; fails with the reason when a login does not succeed. */
    public static List<HttpClient> login(String base, List<String[]> credentials) throws Exception {
        List<HttpClient> browsers = new ArrayList<>();
        for (String[] user : credentials) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on " + base + "/login");
            }
            String form = "username=" + enc(user[0]) + "&password=" + enc(user[1]) + "&_csrf=" + enc(m.group(1));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login as " + user[0] + " failed (" + r.statusCode() + ")");
            }
            browsers.add(client);
        }
        return browsers;
    }

    /**
     * Fetches {@code path} once from the first browser (cold), then {@code warmup} times from every
     * browser at once without timing (the server's code gets compiled as in production), then
     * {@code requests} times from every browser at once, timed; a response that is not 200 or fails
     * {@code ok} stops the run with an error.
     */
    public static Result run(String base, String path, List<HttpClient> browsers, int warmup, int requests, Predicate<String> ok)
            throws Exception {
        long first = System.nanoTime();
        fetch(browsers.getFirst(), base + path, ok);
        double firstMs = (System.nanoTime() - first) / 1e6;
        if (warmup > 0) {
            load(base + path, browsers, warmup, ok, new ArrayList<>());
        }
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        load(base + path, browsers, requests, ok, latencies);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(firstMs, sorted, seconds, browsers.size(), requests);
    }

    private static void load(String url, List<HttpClient> browsers, int requests, Predicate<String> ok, List<Double> latencies)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(browsers.size());
        List<Future<?>> futures = new ArrayList<>();
        for (HttpClient client : browsers) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < requests; i++) {
                    long t = System.nanoTime();
                    fetch(client, url, ok);
                    latencies.add((System.nanoTime() - t) / 1e6);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void fetch(HttpClient client, String url, Predicate<String> ok) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !ok.test(r.body())) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
