package io.huikuan.correspondence.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.huikuan.common.Cli;
import io.huikuan.correspondence.DispatchProperties;
import io.huikuan.correspondence.StepDispatcher;
import io.huikuan.identity.CurrentUser;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark dispatch [--as-of=YYYY-MM-DD] [--start-at=HH:MM:SS|INSTANT] [--reset]}: on the configured database as it
 * is (load it with {@code generate}, then {@code collection-run --as-of=...}), produces every due strategy step's message or
 * letter as {@code StepDispatcher} does after a run, and times it. Start the same command in several processes with
 * the same {@code --start-at} (UTC) to measure nodes side by side; each prints its own line. {@code --reset} (once, before
 * the nodes start; a benchmark database only) deletes every outbox message and every letter issued for a task, and
 * opens the tasks again. While it runs it samples, every 250 ms, the database's sessions in {@code pg_stat_activity}
 * (active, and waiting for a lock) and this node's connection pool.
 */
@Component
@Profile("cli")
class DispatchBenchmark implements ApplicationRunner, ExitCodeGenerator {

    private final JdbcClient jdbc;
    private final StepDispatcher dispatcher;
    private final DataSource dataSource;
    private final Clock clock;
    private int exitCode;

    DispatchBenchmark(JdbcClient jdbc, StepDispatcher dispatcher, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!Cli.invokes(args, "benchmark", "dispatch")) {
            return;
        }
        LocalDate asOf = Cli.option(args, "as-of") == null ? LocalDate.now(clock) : LocalDate.parse(Cli.option(args, "as-of"));
        if (args.containsOption("reset")) {
            reset();
        }
        long due = due(asOf);
        if (due == 0) {
            System.err.println("benchmark dispatch: no step message or letter is due as of " + asOf
                    + "; load a portfolio (generate ...) and run the daily run first (collection-run --as-of=" + asOf + ")");
            exitCode = 2;
            return;
        }
        String startAt = Cli.option(args, "start-at");
        if (startAt != null) {
            Instant at = startAt.contains("T") ? Instant.parse(startAt) : LocalDate.now(ZoneOffset.UTC).atTime(LocalTime.parse(startAt)).toInstant(ZoneOffset.UTC);
            long wait = at.toEpochMilli() - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
        boolean postgres = isPostgres();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger maxActive = new AtomicInteger();
        AtomicInteger maxLockWaits = new AtomicInteger();
        AtomicInteger maxPending = new AtomicInteger();
        AtomicInteger maxPoolActive = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                sample(postgres, maxActive, maxLockWaits, maxPending, maxPoolActive);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "dispatch-benchmark-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        StepDispatcher.Result r = CurrentUser.asSystem(() -> dispatcher.dispatchDue(asOf));
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        sampler.interrupt();
        int done = r.produced() + r.leftToCollector() + r.failed();
        System.out.printf(Locale.ROOT, "benchmark dispatch as of %s: %,d due when this node started; %d cores, %d workers, pool %d%n", asOf, due,
                Runtime.getRuntime().availableProcessors(), dispatcher.workers(), DispatchProperties.poolSize(dataSource));
        System.out.println("| node | started (UTC) | finished (UTC) | produced | left to collector | failed | seconds | tasks/s |"
                + " max active sessions (db) | max waiting for a lock (db) | max pool in use / waiting (node) |");
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %,d | %,d | %,d | %.1f | %.0f | %s | %s | %d / %d |%n", ProcessHandle.current().pid(),
                startedAt, Instant.now(), r.produced(), r.leftToCollector(), r.failed(), seconds, done / seconds,
                postgres ? maxActive.get() : "-", postgres ? maxLockWaits.get() : "-", maxPoolActive.get(), maxPending.get());
        System.out.printf(Locale.ROOT, "still due after this node: %,d%n", due(asOf));
        exitCode = r.failed() > 0 ? 1 : 0;
    }

    private long due(LocalDate asOf) {
        return jdbc.sql("""
                SELECT count(*) FROM collection_task WHERE status = 'OPEN' AND kind = 'STEP' AND dispatched_at IS NULL AND template IS NOT NULL
                AND channel IN ('EMAIL', 'SMS', 'MESSAGE', 'LETTER', 'DEMAND_LETTER', 'LAWYER_LETTER')
                AND (template_approval = FALSE OR approved_at IS NOT NULL) AND due_date <= ?""").param(Date.valueOf(asOf)).query(Long.class).single();
    }

    private boolean isPostgres() {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private void sample(boolean postgres, AtomicInteger maxActive, AtomicInteger maxLockWaits, AtomicInteger maxPending, AtomicInteger maxPoolActive) {
        try {
            if (postgres) {
                Object[] row = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE state = 'active'), count(*) FILTER (WHERE wait_event_type = 'Lock')
                        FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()""")
                        .query((rs, n) -> new Object[] {rs.getInt(1), rs.getInt(2)}).single();
                maxActive.accumulateAndGet((Integer) row[0], Math::max);
                maxLockWaits.accumulateAndGet((Integer) row[1], Math::max);
            }
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
                if (pool != null) {
                    maxPoolActive.accumulateAndGet(pool.getActiveConnections(), Math::max);
                    maxPending.accumulateAndGet(pool.getThreadsAwaitingConnection(), Math::max);
                }
            }
        } catch (Exception e) {
            // a sample missed: the next one counts
        }
    }

    /** Every outbox message and task letter deleted, the produced tasks open again (a benchmark database only). */
    private void reset() {
        int messages = jdbc.sql("SELECT count(*) FROM outbox_message").query(Integer.class).single();
        jdbc.sql("DELETE FROM outbox_requeue").update();
        jdbc.sql("DELETE FROM outbox_attachment").update();
        jdbc.sql("DELETE FROM outbox_message").update();
        int letters = jdbc.sql("DELETE FROM document WHERE task_id IS NOT NULL").update();
        int tasks = jdbc.sql("""
                UPDATE collection_task SET status = 'OPEN', outcome = NULL, completed_by = NULL, completed_at = NULL, activity_id = NULL,
                    dispatched_at = NULL, dispatch_note = NULL, dispatch_claim = NULL, dispatch_claimed_until = NULL
                WHERE dispatched_at IS NOT NULL OR dispatch_claim IS NOT NULL""").update();
        System.out.printf(Locale.ROOT, "benchmark dispatch --reset: %,d outbox messages and %,d task letters deleted, %,d tasks open again%n", messages,
                letters, tasks);
    }
}
