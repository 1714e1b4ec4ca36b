package io.huikuan.strategy;

import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.ledger.BalancePeriods;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.Priority;
import io.huikuan.worklist.Promises;
import io.huikuan.worklist.TaskKind;
import io.huikuan.worklist.Tone;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily collection run for an explicit as-of date: settle promises, read every customer's
 * facts in one statement, assign segments and strategies, plan the due steps
 * ({@link StepPlanner}) and write the tasks.
 * <ul>
 * <li>Deterministic and idempotent: one task per (customer, step, escalation cycle) by its key;
 * a second run for the same date creates nothing, and when nothing it reads has changed
 * ({@link RunQueries#inputsKey}) it returns at once.</li>
 * <li>Catch-up: steps due since the last completed run are all created.</li>
 * <li>Cluster-safe: a ShedLock lock in the database; a second node asking meanwhile is refused
 * (409) and a scheduled run on it is skipped. The lock is a short lease extended while the run goes on
 * ({@link RunLease}): a node that died holds it for minutes, not for the whole night.</li>
 * <li>Resumable: customers are written in chunks, each committed with the run's progress; a run
 * that stopped midway is completed by the next run for the same date.</li>
 * </ul>
 */
@Service
public class CollectionRuns {

    private static final Logger log = LoggerFactory.getLogger(CollectionRuns.class);
    static final String LOCK = "collection-run";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final RunQueries queries;
    private final TaskWriter writer;
    private final Segments segments;
    private final Strategies strategies;
    private final Promises promises;
    private final BalancePeriods periods;
    private final RunLocks locks;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CollectionProperties settings;
    private final String node;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Experiments experiments;
    /** Test hook: called after each committed chunk with its number (a test throws here to stop a run midway). */
    IntConsumer afterChunk = n -> {
    };

    CollectionRuns(JdbcClient jdbc, RunQueries queries, TaskWriter writer, Segments segments, Strategies strategies, Promises promises,
            BalancePeriods periods, RunLocks locks, TransactionTemplate tx, Clock clock, CollectionProperties settings,
            org.springframework.context.ApplicationEventPublisher events, Experiments experiments) {
        this.events = events;
        this.experiments = experiments;
        this.jdbc = jdbc;
        this.queries = queries;
        this.writer = writer;
        this.segments = segments;
        this.strategies = strategies;
        this.promises = promises;
        this.periods = periods;
        this.locks = locks;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.node = nodeName();
    }

    static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs for {@code asOf} (today when null) as the current user (managers; CLI and schedule run as the system). */
    public CollectionRun run(LocalDate asOf, String trigger) {
        CurrentUser user = CurrentUser.require("start the collection run", Role.MANAGER);
        LocalDate today = LocalDate.now(clock);
        LocalDate date = asOf == null ? today : asOf;
        if (date.isAfter(today)) {
            throw ValidationException.coded("asOf", date, "run.future", "must not be after today (" + today + ")", today);
        }
        Optional<RunLease> lease = locks.acquire(LOCK);
        if (lease.isEmpty()) {
            throw new ConflictException("asOf", "a collection run is already in progress (on " + locks.holder(LOCK) + "); try again when it has finished");
        }
        try (RunLease held = lease.get()) {
            return execute(date, trigger, user.username(), held);
        } catch (RunLease.Lost e) {
            throw new ConflictException("asOf", e.getMessage());
        }
    }

    private CollectionRun execute(LocalDate asOf, String trigger, String by, RunLease lease) {
        long started = System.nanoTime();
        Instant startedAt = Instant.now(clock);
        Promises.Evaluation settled = tx.execute(s -> promises.evaluate(asOf));
        String inputs = queries.inputsKey(periods.version(), Segment.signals(segments.list()));
        Long unfinished = jdbc.sql("SELECT max(id) FROM collection_run WHERE as_of = ? AND status = 'RUNNING'").param(Date.valueOf(asOf))
                .query(Long.class).optional().orElse(null);
        if (unfinished == null) {
            boolean same = jdbc.sql("SELECT count(*) FROM collection_run WHERE as_of = ? AND status = 'DONE' AND inputs_key = ?")
                    .params(Date.valueOf(asOf), inputs).query(Integer.class).single() > 0;
            if (same) {
                long id = insertRun(asOf, trigger, by, startedAt, inputs, null);
                finish(id, started, settled, null, true, false);
                return get(id);
            }
        }
        // a run of another date that stopped midway cannot be resumed by this one
        jdbc.sql("UPDATE collection_run SET status = 'FAILED', error = 'stopped midway; not resumed' WHERE status = 'RUNNING' AND as_of <> ?")
                .param(Date.valueOf(asOf)).update();
        LocalDate windowFrom = Optional.ofNullable(queries.lastCompletedBefore(asOf)).orElse(asOf.minusDays(1));
        long runId = unfinished != null ? unfinished : insertRun(asOf, trigger, by, startedAt, inputs, windowFrom);
        boolean resumed = unfinished != null;
        if (resumed) {
            jdbc.sql("UPDATE collection_run SET node = ?, inputs_key = ? WHERE id = ?").params(node, inputs, runId).update();
            windowFrom = jdbc.sql("SELECT window_from FROM collection_run WHERE id = ?").param(runId).query(LocalDate.class).single();
        }
        try {
            Summary summary = resumed ? Summary.read(jdbc.sql("SELECT summary FROM collection_run WHERE id = ?").param(runId)
                    .query(String.class).optional().orElse(null)) : new Summary();
            long after = jdbc.sql("SELECT last_customer_id FROM collection_run WHERE id = ?").param(runId).query(Long.class).single();
            process(runId, asOf, windowFrom, after, summary, lease);
            lease.checkpoint();
            finish(runId, started, settled, summary, false, resumed);
            // in a transaction, so the listeners of other modules (@ApplicationModuleListener: after commit, kept in
            // the event publication registry) hear it too, not only plain @EventListeners
            tx.executeWithoutResult(s -> events.publishEvent(new CollectionRunCompleted(runId, asOf)));
        } catch (RuntimeException e) {
            if (e instanceof StoppedMidway || e instanceof RunLease.Lost) {
                throw e;
            }
            jdbc.sql("UPDATE collection_run SET status = 'FAILED', error = ?, finished_at = ? WHERE id = ?")
                    .params(String.valueOf(e.getMessage()).substring(0, Math.min(2000, String.valueOf(e.getMessage()).length())),
                            Timestamp.from(Instant.now(clock)), runId)
                    .update();
            throw e;
        }
        return get(runId);
    }

    /** Thrown by the test hook to leave a run as a killed node would: RUNNING, with its progress committed. */
    static final class StoppedMidway extends RuntimeException {
        StoppedMidway() {
            super("stopped midway (test)");
        }
    }

    private void process(long runId, LocalDate asOf, LocalDate windowFrom, long after, Summary summary, RunLease lease) {
        List<Segment> ordered = segments.list();
        Map<String, Strategy.Version> byStrategy = strategies.current();
        Map<String, Experiment> trials = experiments.active();
        Map<String, Strategy.Version> pinned = experiments.versions(trials.values());
        int lead = java.util.stream.Stream.concat(byStrategy.values().stream(), pinned.values().stream()).flatMap(v -> v.steps().stream())
                .mapToInt(s -> -s.dayOffset()).max().orElse(0);
        List<CustomerFacts> all = queries.facts(asOf, asOf.plusDays(Math.max(0, lead)), after, Segment.signals(ordered));
        java.util.Set<String> placed = new java.util.HashSet<>(trials.isEmpty() ? List.of()
                : jdbc.sql("SELECT a.experiment_id || ':' || a.customer_id FROM segment_experiment_arm a JOIN segment_experiment e ON e.id = a.experiment_id "
                        + "WHERE e.ended_on IS NULL").query(String.class).list());
        Timestamp now = Timestamp.from(Instant.now(clock));
        int chunkSize = settings.chunkSize();
        int chunk = 0;
        long from = after;
        for (int start = 0; start < all.size(); start += chunkSize) {
            List<CustomerFacts> part = all.subList(start, Math.min(all.size(), start + chunkSize));
            long to = part.get(part.size() - 1).customerId();
            List<TaskWriter.Row> rows = new ArrayList<>();
            List<Object[]> assigned = new ArrayList<>();
            List<Object[]> arms = new ArrayList<>();
            for (CustomerFacts f : part) {
                Segment seg = Segments.assign(ordered, f);
                if (seg == null) {
                    continue;
                }
                assigned.add(new Object[] {f.customerId(), seg.code()});
                summary.customersBySegment.merge(seg.code(), 1, Integer::sum);
                // the arm is recorded the first time the customer is placed in the experiment's segment, paused or not
                Experiment trial = trials.get(seg.code());
                if (trial != null && placed.add(trial.id() + ":" + f.customerId())) {
                    arms.add(new Object[] {trial.id(), f.customerId(), trial.arm(f.customerId())});
                }
                if (f.promiseInForce() || f.anchorDue() == null) {
                    summary.paused++;
                    continue;
                }
                Strategy.Version v = trial == null ? byStrategy.get(seg.strategyCode()) : pinned.get(trial.label(trial.arm(f.customerId())));
                for (StepPlanner.Planned p : StepPlanner.plan(f, seg.code(), v, windowFrom)) {
                    Step s = p.step();
                    rows.add(new TaskWriter.Row(f.customerId(), p.key(), TaskKind.STEP, runId, seg.code(), v.id(), s.dayOffset(), s.channel(),
                            s.tone(), s.ownerRole().name(), s.template(), p.assignee(), p.dueDate(), p.cycleStart(), f.overdue(),
                            f.daysOverdue(), p.risk(), p.priority(), p.reason(), s.approval()));
                }
            }
            long fromId = from;
            int number = ++chunk;
            int customers = part.size();
            // a node that lost its lease stops before writing more: the node that took over resumes from here
            lease.checkpoint();
            tx.executeWithoutResult(s -> {
                for (TaskWriter.Row r : writer.insert(rows, now)) {
                    summary.count(r);
                }
                writer.storeSegments(fromId, to, assigned, asOf, runId);
                experiments.record(arms, asOf);
                summary.customersEvaluated += customers;
                jdbc.sql("UPDATE collection_run SET last_customer_id = ?, customers_evaluated = ?, tasks_created = ?, summary = ? WHERE id = ?")
                        .params(to, summary.customersEvaluated, summary.created, summary.json(), runId).update();
            });
            from = to;
            afterChunk.accept(number);
        }
        long lastId = from;
        lease.checkpoint();
        tx.executeWithoutResult(s -> {
            writer.storeSegments(lastId, Long.MAX_VALUE, List.of(), asOf, runId);
            for (TaskWriter.Row r : writer.insert(promisesDue(runId, asOf, windowFrom), now)) {
                summary.count(r);
            }
            summary.cancelled += writer.cancelEndedCycles(asOf);
        });
    }

    /** A task on the day a promise falls due (since the last completed run), to check it is kept. */
    private List<TaskWriter.Row> promisesDue(long runId, LocalDate asOf, LocalDate windowFrom) {
        return jdbc.sql("""
                SELECT p.id, p.customer_id, p.channel, p.promised_date, p.amount, c.owner, c.grade, c.flags
                FROM promise p JOIN customer c ON c.id = p.customer_id
                WHERE p.status = 'OPEN' AND p.made_on <= :asOf AND p.promised_date > :from AND p.promised_date <= :asOf""")
                .param("asOf", Date.valueOf(asOf)).param("from", Date.valueOf(windowFrom))
                .query((rs, n) -> {
                    BigDecimal amount = rs.getBigDecimal("amount");
                    String flags = rs.getString("flags");
                    BigDecimal risk = Priority.riskFactor(rs.getString("grade"), flags != null && flags.contains("MALICIOUS_DEFAULTER"));
                    Channel channel = rs.getString("channel") == null ? Channel.PHONE : Channel.valueOf(rs.getString("channel"));
                    BigDecimal priority = Priority.score(amount, risk, 0, Priority.boost(TaskKind.PROMISE_DUE, channel, false));
                    String reason = Priority.reason(amount, risk, 0, TaskKind.PROMISE_DUE, channel, false);
                    return new TaskWriter.Row(rs.getLong("customer_id"), "D:" + rs.getLong("id"), TaskKind.PROMISE_DUE, runId, null, null, null,
                            channel, Tone.GENTLE, Role.COLLECTOR.name(), null, rs.getString("owner"), rs.getDate("promised_date").toLocalDate(),
                            null, amount, 0, risk, priority, reason, false);
                })
                .list();
    }

    private long insertRun(LocalDate asOf, String trigger, String by, Instant startedAt, String inputs, LocalDate windowFrom) {
        jdbc.sql("""
                INSERT INTO collection_run (as_of, status, run_trigger, started_by, node, started_at, inputs_key, window_from)
                VALUES (?, 'RUNNING', ?, ?, ?, ?, ?, ?)""")
                .params(Date.valueOf(asOf), trigger, by, node, Timestamp.from(startedAt), inputs, windowFrom == null ? null : Date.valueOf(windowFrom))
                .update();
        return jdbc.sql("SELECT max(id) FROM collection_run WHERE node = ?").param(node).query(Long.class).single();
    }

    private void finish(long runId, long startedNanos, Promises.Evaluation settled, Summary summary, boolean upToDate, boolean resumed) {
        Summary s = summary == null ? new Summary() : summary;
        s.upToDate = upToDate;
        s.resumed = resumed;
        long ms = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        jdbc.sql("""
                UPDATE collection_run SET status = 'DONE', finished_at = ?, duration_ms = ?, tasks_created = ?, customers_evaluated = ?,
                    promises_kept = ?, promises_broken = ?, summary = ?, node = ? WHERE id = ?""")
                .params(Timestamp.from(Instant.now(clock)), ms, s.created, s.customersEvaluated, settled.kept(),
                        settled.partlyKept() + settled.broken(), s.json(), node, runId)
                .update();
        log.info("collection run {}: {} tasks created, {} customers evaluated, {} ms", runId, s.created, s.customersEvaluated, ms);
    }

    /** Runs, newest first. */
    public List<CollectionRun> list(int limit) {
        return jdbc.sql("SELECT id FROM collection_run ORDER BY id DESC").query(Long.class).list().stream().limit(limit).map(this::get).toList();
    }

    /** One run (404 when unknown). */
    public CollectionRun get(long id) {
        return jdbc.sql("""
                SELECT id, as_of, status, run_trigger, started_by, node, started_at, finished_at, duration_ms, window_from, customers_evaluated,
                       tasks_created, promises_kept, promises_broken, summary, error FROM collection_run WHERE id = ?""").param(id)
                .query((rs, n) -> {
                    Summary s = Summary.read(rs.getString("summary"));
                    Timestamp fin = rs.getTimestamp("finished_at");
                    Date wf = rs.getDate("window_from");
                    return new CollectionRun(rs.getLong("id"), rs.getDate("as_of").toLocalDate(), rs.getString("status"), rs.getString("run_trigger"),
                            rs.getString("started_by"), rs.getString("node"), rs.getTimestamp("started_at").toInstant(),
                            fin == null ? null : fin.toInstant(), (Long) rs.getObject("duration_ms", Long.class), wf == null ? null : wf.toLocalDate(),
                            rs.getInt("customers_evaluated"), rs.getInt("tasks_created"), rs.getInt("promises_kept"), rs.getInt("promises_broken"),
                            s.upToDate, s.resumed, s.customersBySegment, s.tasksBySegment, byStepOrder(s.tasksByStep), s.tasksByKind, s.cancelled, s.paused,
                            rs.getString("error"));
                })
                .optional().orElseThrow(() -> new NotFoundException("collection run", String.valueOf(id)));
    }

    /** The counts by step in the strategy's order (by day offset as a number, not as text: -3, +1, +3, +15). */
    private static Map<String, Integer> byStepOrder(Map<String, Integer> byStep) {
        Map<String, Integer> ordered = new TreeMap<>(Step.LABEL_ORDER);
        ordered.putAll(byStep);
        return ordered;
    }

    /** The counts a run keeps as it goes (stored as JSON in the run's row, so a resumed run continues them). */
    static final class Summary {
        public Map<String, Integer> customersBySegment = new TreeMap<>();
        public Map<String, Integer> tasksBySegment = new TreeMap<>();
        public Map<String, Integer> tasksByStep = new TreeMap<>(Step.LABEL_ORDER);
        public Map<String, Integer> tasksByKind = new TreeMap<>();
        public int created;
        public int customersEvaluated;
        public int cancelled;
        public int paused;
        public boolean upToDate;
        public boolean resumed;

        void count(TaskWriter.Row r) {
            created++;
            tasksByKind.merge(r.kind().name(), 1, Integer::sum);
            if (r.kind() == TaskKind.STEP) {
                tasksBySegment.merge(r.segment(), 1, Integer::sum);
                tasksByStep.merge(Step.label(r.offset(), r.channel()), 1, Integer::sum);
            }
        }

        String json() {
            return JSON.writeValueAsString(this);
        }

        static Summary read(String json) {
            if (json == null || json.isBlank()) {
                return new Summary();
            }
            return JSON.readValue(json, Summary.class);
        }
    }

    static Map<String, Integer> copy(Map<String, Integer> m) {
        return new HashMap<>(m);
    }
}
