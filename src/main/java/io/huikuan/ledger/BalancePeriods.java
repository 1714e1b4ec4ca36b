package io.huikuan.ledger;

import io.huikuan.common.SqlDates;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's read model of open balances over time, kept exact in the same transaction as every
 * change to invoices, allocations, credit notes and write-offs:
 * <ul>
 * <li>{@code balance_period}: each invoice's open balance as a run of periods
 * {@code [valid_from, valid_to)}; the balance as of D is the row with valid_from ≤ D &lt; valid_to
 * (valid_to null: still open). Reductions dated before the issue date count from the issue date,
 * as in the as-of rules (an invoice counts from its issue date, less every reduction dated by D).
 * Only positive balances are stored.</li>
 * <li>{@code invoice_settlement}: the day each invoice's balance reached zero, with days to pay
 * (from issue) and days late (from due, never negative).</li>
 * </ul>
 * After a committed change {@code ledger_version} is bumped so caches of derived figures refresh.
 */
@Component
public class BalancePeriods {

    private static final Logger log = LoggerFactory.getLogger(BalancePeriods.class);

    /** Ids per statement when refreshing a set of invoices. */
    private static final int CHUNK = 500;

    /**
     * Each invoice's balance after the reductions of each day, from its issue date on. {@code %1$s}
     * restricts invoices (alias i), {@code %2$s} credit notes and write-offs (column invoice_id),
     * {@code %3$s} allocations (alias a).
     */
    private static final String STEPS = """
            SELECT s.invoice_id, s.customer_id, s.issue_date, s.due_date, s.amount, s.d,
                   s.amount - sum(s.reduced) OVER (PARTITION BY s.invoice_id ORDER BY s.d ROWS UNBOUNDED PRECEDING) bal,
                   lead(s.d) OVER (PARTITION BY s.invoice_id ORDER BY s.d) next_d,
                   sum(s.paid) OVER (PARTITION BY s.invoice_id) paid,
                   max(s.paid_on) OVER (PARTITION BY s.invoice_id ORDER BY s.d ROWS UNBOUNDED PRECEDING) last_paid_on
            FROM (SELECT i.id invoice_id, i.customer_id, i.issue_date, i.due_date, i.amount,
                         CASE WHEN e.d < i.issue_date THEN i.issue_date ELSE e.d END d,
                         sum(e.amount) reduced, sum(e.paid) paid, max(e.paid_on) paid_on
                  FROM invoice i
                  JOIN (SELECT i.id invoice_id, i.issue_date d, 0 amount, 0 paid, CAST(NULL AS DATE) paid_on FROM invoice i WHERE %1$s
                        UNION ALL
                        SELECT a.invoice_id, p.payment_date, a.amount, a.amount, p.payment_date FROM allocation a JOIN payment p ON p.id = a.payment_id
                        WHERE %3$s
                        UNION ALL
                        SELECT invoice_id, note_date, amount, 0, CAST(NULL AS DATE) FROM credit_note WHERE %2$s
                        UNION ALL
                        SELECT invoice_id, write_off_date, amount, 0, CAST(NULL AS DATE) FROM write_off WHERE %2$s) e ON e.invoice_id = i.id
                  WHERE %1$s
                  GROUP BY i.id, i.customer_id, i.issue_date, i.due_date, i.amount,
                           CASE WHEN e.d < i.issue_date THEN i.issue_date ELSE e.d END) s""";

    private static final String INSERT_PERIODS = """
            INSERT INTO balance_period (invoice_id, customer_id, issue_date, due_date, valid_from, valid_to, open_amount,
                                        from_month, to_month, due_key, last_paid_on)
            SELECT t.invoice_id, t.customer_id, t.issue_date, t.due_date, t.d, t.next_d, t.bal, %s, %s, %s, t.last_paid_on
            FROM (%%s) t WHERE t.bal > 0""".formatted(SqlDates.monthIndex("t.d"), SqlDates.monthIndex("t.next_d"),
            SqlDates.firstMonthEndAfter("t.due_date"));

    /** Days between two dates as an integer on H2 and PostgreSQL alike (both give the epoch of a date at midnight). */
    private static String days(String from, String to) {
        return "CAST((EXTRACT(EPOCH FROM " + to + ") - EXTRACT(EPOCH FROM " + from + ")) / 86400 AS INTEGER)";
    }

    private static final String INSERT_SETTLEMENTS = """
            INSERT INTO invoice_settlement (invoice_id, customer_id, amount, paid, settled_on, days_to_pay, days_late)
            SELECT u.invoice_id, u.customer_id, u.amount, u.paid, u.settled_on, %s,
                   CASE WHEN u.settled_on > u.due_date THEN %s ELSE 0 END
            FROM (SELECT t.invoice_id, t.customer_id, t.amount, t.paid, t.issue_date, t.due_date, min(t.d) settled_on
                  FROM (%%s) t WHERE t.bal <= 0
                  GROUP BY t.invoice_id, t.customer_id, t.amount, t.paid, t.issue_date, t.due_date) u"""
            .formatted(days("u.issue_date", "u.settled_on"), days("u.due_date", "u.settled_on"));

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate separately;

    BalancePeriods(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Re-derives the periods and settlement of these invoices (deleted ones simply lose theirs). */
    public void refresh(Collection<Long> invoiceIds) {
        Set<Long> ids = new TreeSet<>(invoiceIds);
        if (ids.isEmpty()) {
            return;
        }
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String in = "(" + String.join(",", chunk.stream().map(String::valueOf).toList()) + ")";
            clear("invoice_id IN " + in);
            insert("i.id IN " + in, "invoice_id IN " + in, "a.invoice_id IN " + in);
        }
        changed();
    }

    private volatile Boolean postgres;

    private boolean postgres() {
        if (postgres == null) {
            postgres = "PostgreSQL".equalsIgnoreCase(jdbc.sql("SELECT 1").query(rs -> {
                return rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
            }));
        }
        return postgres;
    }

    /** Refreshes the invoices with these numbers (unknown numbers are ignored). */
    public void refreshNumbers(Collection<String> invoiceNos) {
        if (invoiceNos.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        List<String> all = new ArrayList<>(new TreeSet<>(invoiceNos));
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            ids.addAll(jdbc.sql("SELECT id FROM invoice WHERE invoice_no IN (" + "?,".repeat(chunk.size() - 1) + "?)")
                    .params(new ArrayList<Object>(chunk)).query(Long.class).list());
        }
        refresh(ids);
    }

    /** The invoices a payment is allocated to (to refresh them after deleting the payment or changing its date). */
    public List<Long> invoicesOfPayment(String paymentRef) {
        return jdbc.sql("SELECT a.invoice_id FROM allocation a JOIN payment p ON p.id = a.payment_id WHERE p.payment_ref = ?")
                .param(paymentRef).query(Long.class).list();
    }

    /**
     * Derives the periods of invoices with an id above {@code watermark} that have none yet
     * (invoices just bulk-inserted), in one statement per table.
     */
    public void addInvoicesAfter(long watermark) {
        String w = String.valueOf(watermark);
        clear("invoice_id > " + w);
        boolean reductions = jdbc.sql("SELECT count(*) FROM (SELECT 1 x FROM allocation WHERE invoice_id > " + w
                        + " FETCH FIRST 1 ROWS ONLY) a").query(Long.class).single() > 0
                || jdbc.sql("SELECT count(*) FROM credit_note WHERE invoice_id > " + w).query(Long.class).single() > 0
                || jdbc.sql("SELECT count(*) FROM write_off WHERE invoice_id > " + w).query(Long.class).single() > 0;
        if (reductions) {
            // a generated portfolio: payments and credit notes came with the invoices
            insert("i.id > " + w, "invoice_id > " + w, "a.invoice_id > " + w);
        } else {
            // an imported invoice file: every new invoice is open for its whole amount from its issue date
            jdbc.sql("""
                    INSERT INTO balance_period (invoice_id, customer_id, issue_date, due_date, valid_from, valid_to, open_amount,
                                                from_month, to_month, due_key)
                    SELECT i.id, i.customer_id, i.issue_date, i.due_date, i.issue_date, NULL, i.amount, %s, NULL, %s
                    FROM invoice i WHERE i.id > %s""".formatted(SqlDates.monthIndex("i.issue_date"),
                    SqlDates.firstMonthEndAfter("i.due_date"), w)).update();
        }
        changed();
    }

    /**
     * Re-derives the invoices that payments with an id above {@code watermark} are allocated to:
     * set-based on PostgreSQL; on H2, whose plans for IN (subquery) in these statements do not
     * scale, by lists of ids.
     */
    public void refreshPaymentsAfter(long watermark) {
        if (!postgres()) {
            refresh(jdbc.sql("SELECT DISTINCT invoice_id FROM allocation WHERE payment_id > ?").param(watermark).query(Long.class).list());
            return;
        }
        String in = "IN (SELECT pa.invoice_id FROM allocation pa WHERE pa.payment_id > " + watermark + ")";
        clear("invoice_id " + in);
        insert("i.id " + in, "invoice_id " + in, "a.invoice_id " + in);
        changed();
    }

    /** Re-derives everything (after a bulk load, or when the read model is missing). */
    public void rebuild() {
        long started = System.nanoTime();
        clear("1 = 1");
        insert("1 = 1", "1 = 1", "1 = 1");
        changed();
        log.info("balance periods rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Derives the read model at start-up for a database that has invoices from before it existed. */
    @EventListener(ApplicationStartedEvent.class)
    void deriveIfMissing() {
        if (missing()) {
            log.info("deriving the balance periods of the stored invoices (first start after the upgrade)");
            separately.executeWithoutResult(status -> rebuild());
        }
    }

    /** True when invoices exist but the read model has never been derived, or was derived before it had month numbers. */
    public boolean missing() {
        boolean invoices = jdbc.sql("SELECT count(*) FROM (SELECT 1 x FROM invoice FETCH FIRST 1 ROWS ONLY) i").query(Long.class).single() > 0;
        boolean none = jdbc.sql("SELECT count(*) FROM (SELECT 1 x FROM balance_period FETCH FIRST 1 ROWS ONLY) b").query(Long.class).single() == 0
                && jdbc.sql("SELECT count(*) FROM (SELECT 1 x FROM invoice_settlement FETCH FIRST 1 ROWS ONLY) s").query(Long.class).single() == 0;
        boolean old = jdbc.sql("SELECT count(*) FROM (SELECT 1 x FROM balance_period WHERE from_month IS NULL FETCH FIRST 1 ROWS ONLY) b")
                .query(Long.class).single() > 0;
        return invoices && none || old;
    }

    /** The version of the ledger's derived figures: it grows after every committed change. */
    public long version() {
        return jdbc.sql("SELECT version FROM ledger_version WHERE id = 1").query(Long.class).single();
    }

    /** Removes the derived rows of the invoices matching {@code condition} (on invoice_id) from both tables. */
    private void clear(String condition) {
        jdbc.sql("DELETE FROM balance_period WHERE " + condition).update();
        jdbc.sql("DELETE FROM invoice_settlement WHERE " + condition).update();
    }

    private void insert(String invoices, String reductions, String allocations) {
        String steps = STEPS.formatted(invoices, reductions, allocations);
        jdbc.sql(INSERT_PERIODS.formatted(steps)).update();
        jdbc.sql(INSERT_SETTLEMENTS.formatted(steps)).update();
    }

    /**
     * Tells caches of derived figures that something they depend on besides balances (such as a
     * dispute) changed: bumps the version once the surrounding transaction has committed.
     */
    public void markChanged() {
        changed();
    }

    /**
     * Bumps the version once the surrounding transaction has committed (at once without one), once
     * per transaction however many changes it made.
     */
    private void changed() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.sql(BUMP).update();
            return;
        }
        if (TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(VersionBump.class::isInstance)) {
            TransactionSynchronizationManager.registerSynchronization(new VersionBump());
        }
    }

    private static final String BUMP = "UPDATE ledger_version SET version = version + 1 WHERE id = 1";

    /**
     * Bumps the version after the commit on the transaction's own connection, which is still held
     * at that point, in a short transaction of its own. Never through a second connection: a
     * request that waited for another connection while holding its first made concurrent writers
     * wait on each other until the pool timed out.
     */
    private final class VersionBump implements TransactionSynchronization {

        @Override
        public void afterCommit() {
            try {
                if (TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder && holder.getConnectionHandle() != null) {
                    Connection connection = holder.getConnection();
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate(BUMP);
                    }
                    if (!connection.getAutoCommit()) {
                        connection.commit();
                    }
                } else {
                    separately.executeWithoutResult(status -> jdbc.sql(BUMP).update());
                }
            } catch (SQLException | RuntimeException e) {
                log.warn("could not bump the ledger version; cached figures may lag until the next change", e);
            }
        }
    }
}
