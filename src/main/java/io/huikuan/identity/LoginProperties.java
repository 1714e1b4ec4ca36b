package io.huikuan.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling ({@code huikuan.login.*}): once an account has {@code maxFailures} failed logins
 * within {@code window}, or a client address has {@code maxAddressFailures} (default: the same
 * number; raise it when many users share one address, e.g. an office behind NAT), further logins
 * for it are refused (429 with Retry-After) until enough of those failures are older than the
 * window; failures are kept for {@code retention} and then purged.
 */
@ConfigurationProperties("huikuan.login")
public record LoginProperties(Integer maxFailures, Integer maxAddressFailures, Duration window, Duration retention) {

    public LoginProperties {
        maxFailures = maxFailures == null ? 10 : maxFailures;
        maxAddressFailures = maxAddressFailures == null ? maxFailures : maxAddressFailures;
        window = window == null ? Duration.ofMinutes(5) : window;
        retention = retention == null ? Duration.ofDays(30) : retention;
        if (maxFailures < 1 || maxAddressFailures < 1) {
            throw new IllegalArgumentException("huikuan.login.max-failures and max-address-failures must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("huikuan.login.window must be positive");
        }
    }
}
