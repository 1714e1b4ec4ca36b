package io.huikuan.portal.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed one-minute windows of requests per key (an IP, a link) on this node: {@link #hit} counts a request and answers
 * how many the key made in the current minute; beyond the limit it is refused. Old windows are dropped as the map grows.
 */
final class PortalRateLimiter {

    private record Window(long minute, AtomicInteger count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    PortalRateLimiter(Clock clock) {
        this.clock = clock;
    }

    int hit(String key) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window w = windows.compute(key, (k, old) -> old == null || old.minute() != minute ? new Window(minute, new AtomicInteger()) : old);
        return w.count().incrementAndGet();
    }
}
