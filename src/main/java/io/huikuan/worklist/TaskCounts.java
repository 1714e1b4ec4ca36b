package io.huikuan.worklist;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The worklist's totals, cached: counting a collector's 70,000 open tasks costs tens of milliseconds, the page
 * itself one. A cached total is used while nothing that could change it happened: no task or activity was added
 * (their largest ids), no collection run started or finished, no task was reassigned, snoozed or completed on this
 * node ({@link #changed()}), and it is at most {@link #MAX_AGE_MS} old, which bounds the lag for the rest
 * (another node's reassignment or snooze). One request counts, others asking the same meanwhile wait for its
 * answer. The page's items are always read afresh.
 */
@Component
class TaskCounts {

    static final long MAX_AGE_MS = 10_000;
    private static final int MAX_ENTRIES = 10_000;

    private record Key(String sql, List<Object> params) {
    }

    private record Stamp(long maxTask, long maxActivity, long maxRun, long running, long local) {
    }

    private record Cached(long count, Stamp stamp, long at) {
    }

    private final JdbcClient jdbc;
    private final AtomicLong local = new AtomicLong();
    private final ConcurrentHashMap<Key, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Object> locks = new ConcurrentHashMap<>();

    TaskCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Tasks changed on this node: cached totals are no longer trusted, now and again once the transaction commits. */
    void changed() {
        local.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    local.incrementAndGet();
                }
            });
        }
    }

    /** The count of a statement with parameters, from the cache while valid. */
    long count(String sql, List<Object> params, LongSupplier counter) {
        Key key = new Key(sql, List.copyOf(params));
        Stamp stamp = stamp();
        long now = System.currentTimeMillis();
        Cached cached = cache.get(key);
        if (stamp.running() == 0 && cached != null && cached.stamp().equals(stamp) && now - cached.at() <= MAX_AGE_MS) {
            return cached.count();
        }
        if (stamp.running() != 0) {
            return counter.getAsLong();
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            cached = cache.get(key);
            if (cached != null && cached.stamp().equals(stamp) && System.currentTimeMillis() - cached.at() <= MAX_AGE_MS) {
                return cached.count();
            }
            long count = counter.getAsLong();
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
                locks.clear();
            }
            cache.put(key, new Cached(count, stamp, now));
            return count;
        }
    }

    private Stamp stamp() {
        long mine = local.get();
        return jdbc.sql("""
                SELECT (SELECT COALESCE(MAX(id), 0) FROM collection_task), (SELECT COALESCE(MAX(id), 0) FROM activity),
                       (SELECT COALESCE(MAX(id), 0) FROM collection_run), (SELECT COUNT(*) FROM collection_run WHERE status = 'RUNNING')""")
                .query((rs, n) -> new Stamp(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), mine)).single();
    }
}
