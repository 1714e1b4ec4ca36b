package io.huikuan.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ERP's end of a webhook in tests: a JDK HTTP server on the loopback that answers 204 on {@code path} and keeps
 * every request it received (headers and body), so a test can recompute the signature as the ERP would.
 */
public final class WebhookReceiver {

    /** One request as received. */
    public record Received(Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final String path;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(String path) {
        this.path = path;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** A receiver listening on {@code path} of a free loopback port. */
    public static WebhookReceiver start(String path) {
        return new WebhookReceiver(path);
    }

    /** The URL to configure as the webhook's. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Everything received so far (a live, thread-safe list). */
    public List<Received> received() {
        return received;
    }
}
