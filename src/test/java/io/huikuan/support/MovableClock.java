package io.huikuan.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock a test moves forward day by day (the application's "today" follows it). Import {@link Config} to use it. */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MovableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    /** Moves to {@code time} on {@code date} in the clock's zone. */
    public void set(LocalDate date, LocalTime time) {
        now.set(date.atTime(time).atZone(zone).toInstant());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(now.get(), other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Replaces the application's clock with a movable one starting at 2026-06-30 10:00 in Asia/Shanghai. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        MovableClock movableClock() {
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            return new MovableClock(LocalDate.of(2026, 6, 30).atTime(10, 0).atZone(zone).toInstant(), zone);
        }
    }
}
