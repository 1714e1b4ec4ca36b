package io.huikuan.correspondence;

import io.huikuan.correspondence.outbox.ChannelProperties;
import io.huikuan.correspondence.outbox.WebhookChannel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Event webhooks other modules send to outside systems (the ERP's {@code supply.hold.changed}), signed exactly like the
 * message webhooks ({@link WebhookChannel}): {@code POST} of the JSON body with {@code X-Huikuan-Timestamp} (epoch
 * seconds), {@code X-Huikuan-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>} when a secret is
 * set, {@code Idempotency-Key} and {@code X-Huikuan-Event}. A 2xx answer is delivered; anything else, or no answer,
 * throws {@link WebhookFailed} so the caller (an event listener) stays incomplete in the event publication registry.
 */
@Service
public class SignedWebhooks {

    /** The webhook did not take the event. */
    public static class WebhookFailed extends RuntimeException {

        public WebhookFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient client;
    private final ChannelProperties settings;
    private final Clock clock;

    SignedWebhooks(ChannelProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Posts {@code body} (JSON) for {@code event} to {@code url}; returns the HTTP status (2xx). */
    public int post(String url, String secret, String event, String idempotencyKey, String body) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest.Builder req;
        try {
            req = HttpRequest.newBuilder(URI.create(url.trim())).timeout(settings.requestTimeout());
        } catch (IllegalArgumentException e) {
            throw new WebhookFailed("the " + event + " webhook URL is not valid: " + e.getMessage(), e);
        }
        req.header("Content-Type", "application/json").header("X-Huikuan-Timestamp", timestamp).header("X-Huikuan-Event", event)
                .header("Idempotency-Key", idempotencyKey);
        if (secret != null && !secret.isBlank()) {
            req.header("X-Huikuan-Signature", WebhookChannel.signature(secret, timestamp, body));
        }
        req.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> res;
        try {
            res = client.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WebhookFailed("cannot reach the " + event + " webhook " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookFailed("interrupted while calling the " + event + " webhook", e);
        }
        if (res.statusCode() < 200 || res.statusCode() >= 300) {
            throw new WebhookFailed("the " + event + " webhook answered HTTP " + res.statusCode(), null);
        }
        return res.statusCode();
    }
}
