package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.huikuan.correspondence.outbox.ChannelProperties;
import io.huikuan.correspondence.outbox.WebhookChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Event webhooks (supply.hold.changed) are signed like the message webhooks and a receiver that does not take one makes
 * the call fail, so the event stays to be sent again.
 */
class SignedWebhooksTests {

    HttpServer server;
    final AtomicInteger answer = new AtomicInteger(200);
    final List<String[]> received = new ArrayList<>();
    final Clock clock = Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneOffset.UTC);
    SignedWebhooks hooks;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {x.getRequestHeaders().getFirst("X-Huikuan-Timestamp"), x.getRequestHeaders().getFirst("X-Huikuan-Signature"),
                    x.getRequestHeaders().getFirst("X-Huikuan-Event"), x.getRequestHeaders().getFirst("Idempotency-Key"), body});
            x.sendResponseHeaders(answer.get(), -1);
            x.close();
        });
        server.start();
        hooks = new SignedWebhooks(new ChannelProperties(null, null, Duration.ofSeconds(2), Duration.ofSeconds(2)), clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Test
    void postsTheBodySignedWithTheSharedSecret() {
        assertThat(hooks.post(url(), "s3cret", "supply.hold.changed", "7-HOLD", "{\"hold\":true}")).isEqualTo(200);
        String[] r = received.getFirst();
        assertThat(r[0]).isEqualTo(String.valueOf(clock.instant().getEpochSecond()));
        assertThat(r[1]).isEqualTo(WebhookChannel.signature("s3cret", r[0], "{\"hold\":true}")).startsWith("sha256=");
        assertThat(r[2]).isEqualTo("supply.hold.changed");
        assertThat(r[3]).isEqualTo("7-HOLD");
        assertThat(r[4]).isEqualTo("{\"hold\":true}");
    }

    @Test
    void aReceiverThatDoesNotTakeItOrCannotBeReachedFailsTheCall() {
        answer.set(500);
        assertThatThrownBy(() -> hooks.post(url(), "s", "supply.hold.changed", "k", "{}")).isInstanceOf(SignedWebhooks.WebhookFailed.class)
                .hasMessageContaining("HTTP 500");
        server.stop(0);
        assertThatThrownBy(() -> hooks.post(url(), "s", "supply.hold.changed", "k", "{}")).isInstanceOf(SignedWebhooks.WebhookFailed.class)
                .hasMessageContaining("cannot reach");
        assertThatThrownBy(() -> hooks.post("not a url", "s", "supply.hold.changed", "k", "{}")).isInstanceOf(SignedWebhooks.WebhookFailed.class)
                .hasMessageContaining("not valid");
    }
}
