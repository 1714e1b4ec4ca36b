package io.huikuan.strategy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily run's cluster lock (ShedLock, database time), held for a short lease and extended while the run goes on:
 * every {@code renewEvery} from a background thread and at each committed chunk. A node that dies stops extending, so
 * another node takes the run over once the lease has run out (about {@code lease}, not half an hour). When an
 * extension fails (the lease ran out, e.g. after a long pause, and another node may hold the lock now) the lease is
 * lost: the run stops at its next checkpoint with {@link Lost}, leaving its committed progress for the node that
 * took over.
 */
final class RunLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunLease.class);

    /** The lease was lost while the run went on: the run stops where it is (its committed chunks stay). */
    static final class Lost extends RuntimeException {
        Lost(String name) {
            super("the lock '" + name + "' was lost (its lease ran out and another node may have taken the run over); this node stopped");
        }
    }

    private final String name;
    private final Duration lease;
    private SimpleLock lock;
    private volatile boolean lost;
    private ScheduledFuture<?> renewal;

    private RunLease(String name, SimpleLock lock, Duration lease) {
        this.name = name;
        this.lock = lock;
        this.lease = lease;
    }

    /** The lock for {@code lease}, renewed every {@code renewEvery} on {@code renewer}; empty when another node holds it. */
    static Optional<RunLease> acquire(LockProvider provider, String name, Duration lease, Duration renewEvery, ScheduledExecutorService renewer) {
        Optional<SimpleLock> lock = provider.lock(new LockConfiguration(Instant.now(), name, lease, Duration.ZERO));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        RunLease l = new RunLease(name, lock.get(), lease);
        long every = Math.max(1, renewEvery.toMillis());
        l.renewal = renewer.scheduleWithFixedDelay(l::renewQuietly, every, every, TimeUnit.MILLISECONDS);
        return Optional.of(l);
    }

    /** A progress checkpoint: extends the lease now; throws {@link Lost} when it is no longer this node's. */
    void checkpoint() {
        if (!renew()) {
            throw new Lost(name);
        }
    }

    /** False once the lease is lost. */
    boolean held() {
        return !lost;
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (RuntimeException e) {
            // a database hiccup: the next renewal (or checkpoint) tries again while the lease still runs
            log.warn("could not extend the lock '{}': {}", name, e.toString());
        }
    }

    private synchronized boolean renew() {
        if (lost) {
            return false;
        }
        Optional<SimpleLock> next = lock.extend(lease, Duration.ZERO);
        if (next.isEmpty()) {
            lost = true;
            log.warn("the lock '{}' could not be extended: its lease ran out and another node may hold it; this node's run stops", name);
            return false;
        }
        lock = next.get();
        return true;
    }

    /** Stops renewing and releases the lock (unless it was lost: then it is another node's). */
    @Override
    public synchronized void close() {
        if (renewal != null) {
            renewal.cancel(false);
        }
        if (!lost) {
            lock.unlock();
        }
    }
}
