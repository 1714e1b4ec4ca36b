package io.huikuan.negotiation;

import io.huikuan.common.ConflictException;
import io.huikuan.customer.CustomerRef;
import io.huikuan.identity.Role;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.SystemTasks;
import io.huikuan.worklist.TaskKind;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes supply hold rows and puts each proposal on the managers' worklist (a SUPPLY_HOLD task leading to /holds),
 * once per proposal.
 */
@Component
class HoldProposals {

    private final JdbcClient jdbc;
    private final SupplyHoldQueries queries;
    private final SystemTasks tasks;
    private final Clock clock;

    HoldProposals(JdbcClient jdbc, SupplyHoldQueries queries, SystemTasks tasks, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.tasks = tasks;
        this.clock = clock;
    }

    long insert(long customerId, HoldStatus status, HoldSource source, String reason, LocalDate on, String by) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO supply_hold (customer_id, status, source, reason, proposed_on, proposed_by, proposed_at, live_key)
                VALUES (?,?,?,?,?,?,?,?)""")
                .params(customerId, status.name(), source.name(), reason, Date.valueOf(on), by, Timestamp.from(clock.instant()),
                        status == HoldStatus.PROPOSED ? "P:" + customerId + ":" + source.name() : null)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** A proposal waiting for a manager, with its worklist task; 409 when the customer has one from this source already. */
    SupplyHold propose(CustomerRef ref, HoldSource source, String reason, LocalDate on, String by) {
        long id;
        try {
            id = insert(ref.id(), HoldStatus.PROPOSED, source, reason, on, by);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("customerCode", "customer " + ref.code() + " already has an open " + source + " hold proposal");
        }
        var overdue = queries.overdueBeyond(on, 0, ref.id()).stream().findFirst();
        return task(ref, id, source, reason, on, overdue.map(SupplyHoldQueries.Overdue::amount).orElse(BigDecimal.ZERO),
                overdue.map(SupplyHoldQueries.Overdue::days).orElse(0));
    }

    /**
     * A proposal whose proposer already knows the customer's overdue amount and days (for the managers' task), so the
     * customer's balances are not read again (the early-warning rules propose many at once).
     */
    SupplyHold propose(CustomerRef ref, HoldSource source, String reason, LocalDate on, String by, BigDecimal overdue, int days) {
        long id;
        try {
            id = insert(ref.id(), HoldStatus.PROPOSED, source, reason, on, by);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("customerCode", "customer " + ref.code() + " already has an open " + source + " hold proposal");
        }
        return task(ref, id, source, reason, on, overdue, days);
    }

    private SupplyHold task(CustomerRef ref, long id, HoldSource source, String reason, LocalDate on, BigDecimal overdue, int days) {
        String note = "supply-hold|" + source.name() + "|" + (reason.length() > 300 ? reason.substring(0, 300) + "…" : reason.replace('|', '/'));
        tasks.open(new SystemTasks.NewTask(ref.id(), "SH:" + id, TaskKind.SUPPLY_HOLD, Channel.MANAGER_CALL, Role.MANAGER, null, on, overdue, days,
                note, "/holds"));
        return queries.find(id).orElseThrow();
    }

    /** Closes an open proposal as REJECTED (refused, withdrawn or superseded), and its task. */
    void close(long id, String by, String note) {
        jdbc.sql("""
                UPDATE supply_hold SET status = 'REJECTED', decided_by = ?, decided_at = ?, decision_note = ?, live_key = NULL
                WHERE id = ? AND status = 'PROPOSED'""").params(by, Timestamp.from(clock.instant()), note, id).update();
        taskDone(id, by);
    }

    /** The managers' task of a decided proposal is done. */
    void taskDone(long id, String by) {
        Long customerId = jdbc.sql("SELECT customer_id FROM supply_hold WHERE id = ?").param(id).query(Long.class).optional().orElse(null);
        if (customerId != null) {
            tasks.done(customerId, "SH:" + id, by);
        }
    }
}
