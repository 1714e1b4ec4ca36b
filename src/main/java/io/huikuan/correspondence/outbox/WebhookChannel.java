package io.huikuan.correspondence.outbox;

import io.huikuan.correspondence.OutboxChannel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS or chat through a generic HTTP webhook: {@code POST} JSON
 * {@code {"id","idempotencyKey","channel","to","subject","text","customerCode","createdAt"}} with
 * {@code X-Huikuan-Timestamp} (epoch seconds), {@code X-Huikuan-Signature: sha256=<hex HMAC-SHA256(secret,
 * timestamp + "." + body)>} (when a secret is set) and {@code Idempotency-Key}. 2xx: sent (the receiver's
 * {@code X-Message-Id} header is kept); 429 and 5xx, timeouts and refused connections: transient; any other
 * answer (4xx): permanent.
 */
public class WebhookChannel implements MessageChannel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboxChannel kind;
    private final ChannelProperties.Endpoint endpoint;
    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    WebhookChannel(OutboxChannel kind, ChannelProperties.Endpoint endpoint, HttpClient client, Duration timeout, Clock clock) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public OutboxChannel kind() {
        return kind;
    }

    @Override
    public boolean configured() {
        return endpoint.configured();
    }

    @Override
    public String notConfiguredReason() {
        return configured() ? null
                : kind.name() + " is not configured (huikuan.channels." + kind.name().toLowerCase() + ".url is not set): messages wait in the queue";
    }

    @Override
    public Connection open() {
        return new Connection() {
            @Override
            public String send(Envelope message) throws DeliveryException {
                return post(message);
            }

            @Override
            public void close() {
                // the HTTP client keeps its connections
            }
        };
    }

    /** The JSON body posted for a message. */
    static String body(Envelope e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("idempotencyKey", e.idempotencyKey());
        m.put("channel", e.channel().name());
        m.put("to", e.recipient());
        m.put("subject", e.subject());
        m.put("text", e.text());
        m.put("customerCode", e.customerCode());
        m.put("createdAt", e.createdAt().toString());
        return JSON.writeValueAsString(m);
    }

    /** {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
    public static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private String post(Envelope e) throws DeliveryException {
        String body = body(e);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest.Builder req;
        try {
            req = HttpRequest.newBuilder(URI.create(endpoint.url().trim())).timeout(timeout);
        } catch (IllegalArgumentException ex) {
            throw new DeliveryException(false, "the " + kind + " webhook URL is not valid: " + ex.getMessage(), ex);
        }
        req.header("Content-Type", "application/json").header("X-Huikuan-Timestamp", timestamp).header("Idempotency-Key", e.idempotencyKey());
        if (endpoint.secret() != null && !endpoint.secret().isBlank()) {
            req.header("X-Huikuan-Signature", signature(endpoint.secret(), timestamp, body));
        }
        req.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> res;
        try {
            res = client.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new DeliveryException(false, "cannot reach the " + kind + " webhook " + endpoint.url() + ": "
                    + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(false, "interrupted while calling the " + kind + " webhook", ex);
        }
        int status = res.statusCode();
        if (status >= 200 && status < 300) {
            return res.headers().firstValue("X-Message-Id").orElse(null);
        }
        String answer = res.body() == null ? "" : res.body().strip();
        answer = answer.length() > 300 ? answer.substring(0, 300) + "…" : answer;
        boolean transientFailure = status == 429 || status >= 500;
        throw new DeliveryException(!transientFailure, "the " + kind + " webhook answered HTTP " + status
                + (transientFailure ? " (will try again)" : " (refused)") + (answer.isEmpty() ? "" : ": " + answer), null);
    }
}
