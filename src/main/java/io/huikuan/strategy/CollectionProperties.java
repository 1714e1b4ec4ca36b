package io.huikuan.strategy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the daily run ({@code huikuan.collection.*}): {@code schedule} (a cron in the
 * company's zone, default 01:30 every night; "-" switches the schedule off), {@code chunk-size}
 * (customers per committed chunk, default 5000), {@code lock-at-most-for} (the run lock's lease, default 2
 * minutes: how long a node that died keeps the run locked before another node may take it over) and
 * {@code lock-renew-every} (how often a running node extends the lease, default 40 seconds; at most a third of
 * the lease).
 */
@ConfigurationProperties("huikuan.collection")
public record CollectionProperties(String schedule, Integer chunkSize, Duration lockAtMostFor, Duration lockRenewEvery) {

    public CollectionProperties {
        schedule = schedule == null || schedule.isBlank() ? "0 30 1 * * *" : schedule;
        chunkSize = chunkSize == null || chunkSize < 1 ? 5000 : chunkSize;
        lockAtMostFor = lockAtMostFor == null || lockAtMostFor.toMillis() < 1000 ? Duration.ofMinutes(2) : lockAtMostFor;
        Duration third = lockAtMostFor.dividedBy(3);
        lockRenewEvery = lockRenewEvery == null || lockRenewEvery.isZero() || lockRenewEvery.isNegative() || lockRenewEvery.compareTo(third) > 0
                ? (third.compareTo(Duration.ofSeconds(40)) < 0 ? third : Duration.ofSeconds(40)) : lockRenewEvery;
    }
}
