package io.huikuan.correspondence.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code huikuan.outbox.*}: the sender. {@code enabled}: poll on this node; {@code pollInterval}: pause between
 * polls; {@code batchSize}: messages claimed at once; {@code threads}: parallel senders (each keeps one SMTP
 * connection open for its share of a batch); {@code maxAttempts}: transient failures before FAILED;
 * {@code backoffBase}/{@code backoffCap}: wait after the n-th failure = base × 2^(n−1), at most cap;
 * {@code lease}: a message SENDING longer than this is UNCONFIRMED (its sender stopped); {@code longQueued}: a
 * message queued longer than this shows in the failures list.
 */
@ConfigurationProperties("huikuan.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("200") int batchSize, @DefaultValue("4") int threads, @DefaultValue("6") int maxAttempts,
        @DefaultValue("1m") Duration backoffBase, @DefaultValue("1h") Duration backoffCap, @DefaultValue("5m") Duration lease,
        @DefaultValue("1h") Duration longQueued) {

    public OutboxProperties {
        batchSize = Math.max(1, batchSize);
        threads = Math.max(1, threads);
        maxAttempts = Math.max(1, maxAttempts);
    }

    /** The wait after the {@code attempts}-th transient failure (1 → base, 2 → 2 × base, …, at most cap). */
    public Duration backoff(int attempts) {
        Duration d = backoffBase;
        for (int i = 1; i < attempts && d.compareTo(backoffCap) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(backoffCap) > 0 ? backoffCap : d;
    }
}
