package io.huikuan.negotiation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huikuan.negotiation.*}: {@code supply-webhook.url} where {@code supply.hold.changed} is posted (unset: not
 * sent) and {@code supply-webhook.secret} that signs it (HMAC-SHA256, as the message webhooks).
 */
@ConfigurationProperties("huikuan.negotiation")
public record NegotiationProperties(Webhook supplyWebhook) {

    /** One webhook endpoint. */
    public record Webhook(String url, String secret) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    public NegotiationProperties {
        supplyWebhook = supplyWebhook == null ? new Webhook(null, null) : supplyWebhook;
    }
}
