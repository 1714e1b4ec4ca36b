package io.huikuan.worklist;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Promises to pay: {@code huikuan.promises.grace-days} (default 3) are the days after the promised date in
 * which a payment still keeps the promise; only after them is a promise broken.
 */
@ConfigurationProperties("huikuan.promises")
public record PromiseProperties(Integer graceDays) {

    public static final int DEFAULT_GRACE_DAYS = 3;

    public PromiseProperties {
        graceDays = graceDays == null || graceDays < 0 ? DEFAULT_GRACE_DAYS : graceDays;
    }
}
