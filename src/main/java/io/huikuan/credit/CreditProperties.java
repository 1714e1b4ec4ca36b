package io.huikuan.credit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huikuan.credit.check-webhook.url} where {@code credit.check.decided} is posted (unset: not sent) and
 * {@code huikuan.credit.check-webhook.secret} that signs it (HMAC-SHA256, as {@code supply.hold.changed}).
 */
@ConfigurationProperties("huikuan.credit")
public record CreditProperties(Webhook checkWebhook) {

    /** One webhook endpoint. */
    public record Webhook(String url, String secret) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    public CreditProperties {
        checkWebhook = checkWebhook == null ? new Webhook(null, null) : checkWebhook;
    }
}
