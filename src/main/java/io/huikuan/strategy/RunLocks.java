package io.huikuan.strategy;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.javacrumbs.shedlock.core.LockProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Hands out the daily run's lease ({@link RunLease}) and renews it on one background thread of its own. */
@Component
class RunLocks implements DisposableBean {

    private final LockProvider provider;
    private final JdbcClient jdbc;
    private final CollectionProperties settings;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "collection-run-lease");
        t.setDaemon(true);
        return t;
    });

    RunLocks(LockProvider provider, JdbcClient jdbc, CollectionProperties settings) {
        this.provider = provider;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The lease on {@code name}, or empty while another node holds it. */
    Optional<RunLease> acquire(String name) {
        return RunLease.acquire(provider, name, settings.lockAtMostFor(), settings.lockRenewEvery(), renewer);
    }

    /** Which node holds the lock {@code name} (as ShedLock recorded it). */
    String holder(String name) {
        return jdbc.sql("SELECT locked_by FROM shedlock WHERE name = ?").param(name).query(String.class).optional().orElse("?");
    }

    @Override
    public void destroy() {
        renewer.shutdownNow();
    }
}
