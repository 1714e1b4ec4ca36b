package io.huikuan.strategy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the daily run ({@code huikuan.collection.*}): {@code schedule} (a cron in the
 * company's zone, default 01:30 every night; "-" switches the schedule off), {@code chunk-size}
 * (customers per committed chunk, default 5000) and {@code lock-at-most-for} (how long a node that
 * died keeps the run locked, default 30 minutes).
 */
@ConfigurationProperties("huikuan.collection")
public record CollectionProperties(String schedule, Integer chunkSize, Duration lockAtMostFor) {

    public CollectionProperties {
        schedule = schedule == null || schedule.isBlank() ? "0 30 1 * * *" : schedule;
        chunkSize = chunkSize == null || chunkSize < 1 ? 5000 : chunkSize;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(30) : lockAtMostFor;
    }
}
