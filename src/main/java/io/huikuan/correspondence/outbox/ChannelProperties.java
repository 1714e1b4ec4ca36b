package io.huikuan.correspondence.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code huikuan.channels.*}: the HTTP webhooks SMS and chat messages are posted to (an SMS gateway, a 企业微信/钉钉
 * robot behind a small adapter). A channel without {@code url} is not configured: its messages wait in the
 * queue. {@code secret} signs each body (HMAC-SHA256); {@code connectTimeout}/{@code requestTimeout} bound a call.
 */
@ConfigurationProperties("huikuan.channels")
public record ChannelProperties(Endpoint sms, Endpoint chat, @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout) {

    /** One webhook: where to post and the shared secret. */
    public record Endpoint(String url, String secret) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    public ChannelProperties {
        sms = sms == null ? new Endpoint(null, null) : sms;
        chat = chat == null ? new Endpoint(null, null) : chat;
    }
}
