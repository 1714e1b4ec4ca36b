package io.huikuan.strategy;

import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dry run of a changed strategy: what today's run would create across the whole portfolio with
 * the candidate steps, beside what it would create with the current version, without saving
 * anything. Only tasks that do not exist yet count (as in the real run).
 */
@Service
public class DryRuns {

    /** What one version would create. */
    public record Counts(int tasks, int customers, Map<String, Integer> byStep) {
    }

    /** One task the candidate would create (the first {@value #SAMPLE} by priority). */
    public record Item(String customerCode, String segment, String step, LocalDate dueDate, BigDecimal overdue, int daysOverdue,
            String assignee, BigDecimal priority) {
    }

    /** The answer: customers whose segment uses the strategy, and the two versions' counts. */
    public record Result(LocalDate asOf, String strategyCode, int customersInStrategy, Counts current, Counts candidate, List<Item> sample) {
    }

    static final int SAMPLE = 100;

    private final JdbcClient jdbc;
    private final RunQueries queries;
    private final Segments segments;
    private final Strategies strategies;
    private final Clock clock;
    private final Experiments experiments;

    DryRuns(JdbcClient jdbc, RunQueries queries, Segments segments, Strategies strategies, Clock clock, Experiments experiments) {
        this.experiments = experiments;
        this.jdbc = jdbc;
        this.queries = queries;
        this.segments = segments;
        this.strategies = strategies;
        this.clock = clock;
    }

    /** The dry run of {@code steps} for strategy {@code code} as of today (managers); steps are checked as for saving. */
    @Transactional(readOnly = true)
    public Result dryRun(String code, List<Step> steps) {
        CurrentUser.require("dry-run strategies", Role.MANAGER);
        Strategy current = strategies.get(code);
        List<Step> checked = Strategies.check(steps);
        Strategy.Version candidate = new Strategy.Version(-1, current.currentVersion() + 1, "dry run", CurrentUser.get().username(),
                Instant.now(clock), checked);
        LocalDate asOf = LocalDate.now(clock);
        LocalDate windowFrom = Optional.ofNullable(queries.lastCompletedBefore(asOf)).orElse(asOf.minusDays(1));
        int lead = Math.max(0, -Math.min(checked.get(0).dayOffset(), current.steps().isEmpty() ? 0 : current.steps().get(0).dayOffset()));
        List<Segment> ordered = segments.list();
        Map<String, Experiment> trials = experiments.active();
        Set<String> existing = new HashSet<>(jdbc.sql("SELECT customer_id || '|' || task_key FROM collection_task WHERE kind = 'STEP'")
                .query(String.class).list());
        int inStrategy = 0;
        Tally cur = new Tally();
        Tally cand = new Tally();
        List<Item> sample = new ArrayList<>();
        for (CustomerFacts f : queries.facts(asOf, asOf.plusDays(lead), 0, Segment.signals(ordered))) {
            Segment seg = Segments.assign(ordered, f);
            Experiment trial = seg == null ? null : trials.get(seg.code());
            if (seg == null || !(trial == null ? seg.strategyCode() : trial.strategyFor(f.customerId())).equals(code)) {
                continue;
            }
            inStrategy++;
            cur.add(StepPlanner.plan(f, seg.code(), current.version(), windowFrom), existing, null);
            cand.add(StepPlanner.plan(f, seg.code(), candidate, windowFrom), existing, sample);
        }
        sample.sort((a, b) -> b.priority().compareTo(a.priority()));
        return new Result(asOf, code, inStrategy, cur.counts(), cand.counts(), List.copyOf(sample.subList(0, Math.min(SAMPLE, sample.size()))));
    }

    private static final class Tally {
        int tasks;
        Set<Long> customers = new HashSet<>();
        Map<String, Integer> byStep = new TreeMap<>();

        void add(List<StepPlanner.Planned> planned, Set<String> existing, List<Item> sample) {
            for (StepPlanner.Planned p : planned) {
                if (existing.contains(p.facts().customerId() + "|" + p.key())) {
                    continue;
                }
                tasks++;
                customers.add(p.facts().customerId());
                byStep.merge(p.step().label(), 1, Integer::sum);
                if (sample != null) {
                    sample.add(new Item(p.facts().code(), p.segment(), p.step().label(), p.dueDate(), p.facts().overdue(),
                            p.facts().daysOverdue(), p.assignee(), p.priority()));
                }
            }
        }

        Counts counts() {
            return new Counts(tasks, customers.size(), byStep);
        }
    }
}
