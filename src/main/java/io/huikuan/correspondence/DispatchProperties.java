package io.huikuan.correspondence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the strategy steps' messages and letters are produced ({@code huikuan.correspondence.*}):
 * {@code dispatch-threads} (workers rendering and storing, default the number of cores), never more than
 * {@code dispatch-pool-share} of the connection pool (default 0.33: a pool of 10 gives at most 3 workers, so
 * interactive requests always find a connection), {@code dispatch-batch} (tasks claimed at once, default 20) and
 * {@code dispatch-lease} (how long a claim holds before another node may take the task again, default 5 minutes).
 */
@ConfigurationProperties("huikuan.correspondence")
public record DispatchProperties(Integer dispatchThreads, Double dispatchPoolShare, Integer dispatchBatch, Duration dispatchLease) {

    public DispatchProperties {
        dispatchThreads = dispatchThreads == null || dispatchThreads < 1 ? Runtime.getRuntime().availableProcessors() : dispatchThreads;
        dispatchPoolShare = dispatchPoolShare == null || dispatchPoolShare <= 0 || dispatchPoolShare > 1 ? 0.33 : dispatchPoolShare;
        dispatchBatch = dispatchBatch == null || dispatchBatch < 1 ? 20 : dispatchBatch;
        dispatchLease = dispatchLease == null || dispatchLease.toSeconds() < 1 ? Duration.ofMinutes(5) : dispatchLease;
    }

    /** The connection pool's size (0 when it is not a Hikari pool). */
    public static int poolSize(DataSource ds) {
        try {
            return ds.isWrapperFor(HikariDataSource.class) ? ds.unwrap(HikariDataSource.class).getMaximumPoolSize() : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    /** The workers for a connection pool of {@code poolSize} (unknown: 0): the configured number, capped by the pool share, at least one. */
    public int workers(int poolSize) {
        if (poolSize <= 0) {
            return dispatchThreads;
        }
        return Math.max(1, Math.min(dispatchThreads, (int) Math.floor(poolSize * dispatchPoolShare)));
    }
}
