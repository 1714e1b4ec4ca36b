package io.huikuan.worklist;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which node produces which step task's message or letter. A node claims a small batch of due tasks with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and commits the claim at once (a claimant name and a lease in database
 * time), so another node's claim query passes over those rows instead of waiting for them, and no row lock is held
 * while a letter is rendered or a message queued. The producer then completes each task in its own short transaction,
 * which succeeds only while its claim still holds; a claim whose node stopped is taken again once its lease has run
 * out.
 */
@Service
public class DispatchClaims {

    private static final String DUE = " t.status = 'OPEN' AND t.kind = 'STEP' AND t.dispatched_at IS NULL AND t.template IS NOT NULL"
            + " AND t.channel IN (" + Tasks.WRITTEN_IN + ") AND (t.template_approval = FALSE OR t.approved_at IS NOT NULL)";
    private static final String FREE = " (t.dispatch_claimed_until IS NULL OR t.dispatch_claimed_until < CURRENT_TIMESTAMP)";

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final Clock clock;

    DispatchClaims(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} open step tasks due by {@code asOf} whose message or letter is not produced yet, need
     * no approval (or have it) and are claimed by no node (or whose claim has run out), for {@code lease}; the claim is
     * committed before this returns. Rows another node is claiming at this moment are skipped, never waited for.
     */
    public List<StepTask> claim(LocalDate asOf, String claimant, int limit, Duration lease) {
        List<Long> ids = own.execute(s -> {
            List<Long> found = jdbc.sql("SELECT t.id FROM collection_task t WHERE" + DUE + " AND t.due_date <= ? AND" + FREE
                            + " ORDER BY t.id LIMIT ? FOR UPDATE SKIP LOCKED")
                    .params(Date.valueOf(asOf), limit).query(Long.class).list();
            if (!found.isEmpty()) {
                List<Object> params = new ArrayList<>(List.of(claimant, Math.max(1, lease.toSeconds())));
                params.addAll(found);
                jdbc.sql("UPDATE collection_task SET dispatch_claim = ?, dispatch_claimed_until = CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '1' SECOND"
                        + " WHERE id IN (" + found.stream().map(i -> "?").collect(Collectors.joining(",")) + ")").params(params).update();
            }
            return found;
        });
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + Tasks.STEP_COLUMNS + " FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE t.id IN ("
                        + ids.stream().map(i -> "?").collect(Collectors.joining(",")) + ") ORDER BY t.id")
                .params(new ArrayList<Object>(ids)).query(Tasks::mapStep).list();
    }

    /**
     * Claims one task (a manager's approval produces it at once), committed before this returns: false when it is not
     * open, already produced, or claimed by a node whose lease still runs.
     */
    public boolean claimOne(long taskId, String claimant, Duration lease) {
        return Boolean.TRUE.equals(own.execute(s -> jdbc.sql("UPDATE collection_task t SET dispatch_claim = ?,"
                        + " dispatch_claimed_until = CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '1' SECOND"
                        + " WHERE t.id = ? AND t.status = 'OPEN' AND t.dispatched_at IS NULL AND" + FREE)
                .params(claimant, Math.max(1, lease.toSeconds()), taskId).update() == 1));
    }

    /**
     * Marks the claimed task produced, with a note, in the caller's transaction (so the mark holds exactly when what
     * was produced is stored): false when the claim no longer holds (its lease ran out and another node took the task)
     * or the task was closed meanwhile; the caller then stores nothing.
     */
    public boolean complete(long taskId, String claimant, String note) {
        return jdbc.sql("UPDATE collection_task SET dispatched_at = ?, dispatch_note = ?, dispatch_claimed_until = NULL"
                        + " WHERE id = ? AND dispatch_claim = ? AND dispatched_at IS NULL AND status = 'OPEN'")
                .params(ConductRules.ts(clock.instant()), note, taskId, claimant).update() == 1;
    }

    /** Marks the claimed task failed, with the reason, in its own transaction (a collector sees why); false without the claim. */
    public boolean fail(long taskId, String claimant, String reason) {
        String note = "failed|" + String.valueOf(reason).replace('|', '/');
        return Boolean.TRUE.equals(own.execute(s -> complete(taskId, claimant, note.length() <= 300 ? note : note.substring(0, 300))));
    }

    /** Gives up a claim without producing anything (the task is offered again to the next pass on any node). */
    public void release(long taskId, String claimant) {
        own.executeWithoutResult(s -> jdbc.sql("UPDATE collection_task SET dispatch_claim = NULL, dispatch_claimed_until = NULL"
                + " WHERE id = ? AND dispatch_claim = ? AND dispatched_at IS NULL").params(taskId, claimant).update());
    }
}
