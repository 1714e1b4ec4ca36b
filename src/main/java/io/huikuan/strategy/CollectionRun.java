package io.huikuan.strategy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A daily run's summary: as-of date, counts by segment, by step and by kind, duration.
 * {@code status}: RUNNING, DONE, FAILED (an error, or abandoned by a node that stopped and resumed
 * by none). {@code upToDate}: nothing had changed since a completed run for the same date, so
 * nothing was evaluated. {@code resumed}: this run completed one that had stopped midway.
 */
public record CollectionRun(long runId, LocalDate asOf, String status, String trigger, String startedBy, String node, Instant startedAt,
        Instant finishedAt, Long durationMs, LocalDate windowFrom, int customersEvaluated, int tasksCreated, int promisesKept,
        int promisesBroken, boolean upToDate, boolean resumed, Map<String, Integer> customersBySegment, Map<String, Integer> tasksBySegment,
        Map<String, Integer> tasksByStep, Map<String, Integer> tasksByKind, int cancelled, int paused, String error) {
}
