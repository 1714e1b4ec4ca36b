package io.huikuan.strategy;

import io.huikuan.legal.LegalCaseClosed;
import io.huikuan.legal.LegalCaseOpened;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * While a legal case is open its invoices leave the collectors' strategy: the daily run leaves them out of the anchor and
 * the overdue amount as disputed items are ({@link RunQueries}), as of the days the case was open ({@code paused_from},
 * {@code paused_to}). Kept in strategy's own table from the legal module's events, heard in the transaction that opens or
 * closes the case (so a case is never open with its invoices still in the strategy). When a case leaves a customer nothing
 * else to collect, the customer's open strategy-step tasks are cancelled at once rather than at the next run.
 */
@Component
class LegalCasePauses {

    static final String REASON = "LEGAL_CASE";

    private final JdbcClient jdbc;
    private final Clock clock;

    LegalCasePauses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void opened(LegalCaseOpened e) {
        for (long invoiceId : e.invoiceIds()) {
            jdbc.sql("INSERT INTO strategy_paused_invoice (invoice_id, customer_id, reason, source_ref, paused_from) VALUES (?, ?, ?, ?, ?)")
                    .params(invoiceId, e.customerId(), REASON, String.valueOf(e.caseId()), Date.valueOf(e.openedOn())).update();
        }
        Date d = Date.valueOf(e.openedOn());
        long stillCollected = jdbc.sql("""
                SELECT count(*) FROM balance_period b
                WHERE b.customer_id = ? AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?)
                  AND NOT EXISTS (SELECT 1 FROM strategy_paused_invoice p WHERE p.invoice_id = b.invoice_id
                                  AND p.paused_from <= ? AND (p.paused_to IS NULL OR p.paused_to > ?))
                  AND NOT EXISTS (SELECT 1 FROM invoice_dispute x WHERE x.invoice_id = b.invoice_id
                                  AND x.opened_on <= ? AND (x.resolved_on IS NULL OR x.resolved_on > ?))""")
                .params(e.customerId(), d, d, d, d, d, d).query(Long.class).single();
        if (stillCollected == 0) {
            jdbc.sql("""
                    UPDATE collection_task SET status = 'CANCELLED', completed_at = ?, dispatch_note = ?
                    WHERE customer_id = ? AND kind IN ('STEP', 'PROMISE_BROKEN', 'PROMISE_DUE') AND status = 'OPEN' AND dispatched_at IS NULL""")
                    .params(java.sql.Timestamp.from(Instant.now(clock)), "legal-case|" + e.caseId(), e.customerId()).update();
        }
    }

    @EventListener
    void closed(LegalCaseClosed e) {
        jdbc.sql("UPDATE strategy_paused_invoice SET paused_to = ? WHERE reason = ? AND source_ref = ? AND paused_to IS NULL")
                .params(Date.valueOf(e.closedOn()), REASON, String.valueOf(e.caseId())).update();
    }
}
