package io.huikuan.strategy;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices taken out of the collectors' strategy for a while, e.g. while a legal case is open: the daily run leaves them
 * out of the anchor and the overdue amount as disputed items are ({@link RunQueries}), as of the days they were paused
 * ({@code paused_from}, {@code paused_to}). The legal module calls this in the transaction that opens or closes a case
 * (so a case is never open with its invoices still in the strategy; a call, not an event, because legal depends on
 * correspondence, which depends on strategy). When a pause leaves a customer nothing else to collect, the customer's
 * open strategy-step tasks are cancelled at once rather than at the next run.
 */
@Service
public class CollectionPauses {

    /** The reason of the pauses for a legal case; {@code sourceRef} is the case id. */
    public static final String LEGAL_CASE = "LEGAL_CASE";

    private final JdbcClient jdbc;
    private final Clock clock;

    CollectionPauses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Pauses the customer's {@code invoiceIds} from {@code from} for {@code reason} ({@code sourceRef}: e.g. the case id). */
    @Transactional
    public void pause(String reason, String sourceRef, long customerId, List<Long> invoiceIds, LocalDate from) {
        for (long invoiceId : invoiceIds) {
            jdbc.sql("INSERT INTO strategy_paused_invoice (invoice_id, customer_id, reason, source_ref, paused_from) VALUES (?, ?, ?, ?, ?)")
                    .params(invoiceId, customerId, reason, sourceRef, Date.valueOf(from)).update();
        }
        Date d = Date.valueOf(from);
        long stillCollected = jdbc.sql("""
                SELECT count(*) FROM balance_period b
                WHERE b.customer_id = ? AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?)
                  AND NOT EXISTS (SELECT 1 FROM strategy_paused_invoice p WHERE p.invoice_id = b.invoice_id
                                  AND p.paused_from <= ? AND (p.paused_to IS NULL OR p.paused_to > ?))
                  AND b.open_amount > (SELECT coalesce(sum(x.amount), 0) FROM invoice_dispute x WHERE x.invoice_id = b.invoice_id
                                  AND x.opened_on <= ? AND (x.resolved_on IS NULL OR x.resolved_on > ?))""")
                .params(customerId, d, d, d, d, d, d).query(Long.class).single();
        if (stillCollected == 0) {
            jdbc.sql("""
                    UPDATE collection_task SET status = 'CANCELLED', completed_at = ?, dispatch_note = ?
                    WHERE customer_id = ? AND kind IN ('STEP', 'PROMISE_BROKEN', 'PROMISE_DUE') AND status = 'OPEN' AND dispatched_at IS NULL""")
                    .params(java.sql.Timestamp.from(Instant.now(clock)), reason.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "|" + sourceRef, customerId)
                    .update();
        }
    }

    /** Ends the pauses of {@code reason}/{@code sourceRef}: the invoices return to the strategy from {@code to}. */
    @Transactional
    public void resume(String reason, String sourceRef, LocalDate to) {
        jdbc.sql("UPDATE strategy_paused_invoice SET paused_to = ? WHERE reason = ? AND source_ref = ? AND paused_to IS NULL")
                .params(Date.valueOf(to), reason, sourceRef).update();
    }
}
