package io.huikuan.strategy;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import io.huikuan.ledger.Currencies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The daily run's read side: every customer's facts as of a date in one set-based statement, and run bookkeeping. */
@Component
class RunQueries {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunQueries.class);

    /**
     * Customers with an open item as of :asOf whose oldest undisputed open item is due by :horizon,
     * after customer :after, by id. Balances come from the ledger's balance periods; the disputed part of an item (the
     * amounts of the disputes open at :asOf, capped at its open amount) is left out of the overdue amount, and an item
     * wholly disputed, or paused at :asOf by an open legal case ({@link CollectionPauses}), out of the anchor and
     * the overdue amount: the undisputed rest of a partly disputed item is still collected. First invoice and last
     * payment are looked up per returned customer through the customer indexes. The promise-keeping rate
     * counts a kept promise 1, a partly kept one its paid share, a broken one 0. The overdue amount is in the base
     * currency (segment thresholds and priorities are): when other currencies are in use (%1$s, %2$s filled by
     * {@link #facts}) items in them still anchor the cycle but add nothing to it (docs/currencies.md).
     */
    private static final String FACTS = """
            SELECT c.id, c.code, c.owner, c.grade, c.flags, o.anchor_due, o.overdue, o.disputed,
                   (SELECT min(i.issue_date) FROM invoice i WHERE i.customer_id = o.customer_id) first_invoice,
                   (SELECT max(p.payment_date) FROM payment p WHERE p.customer_id = o.customer_id AND p.payment_date <= :asOf) last_payment,
                   pk.rate, pf.customer_id in_force
            FROM (SELECT b.customer_id,
                         min(CASE WHEN (dsp.amount IS NULL OR dsp.amount < b.open_amount) AND lgl.invoice_id IS NULL THEN b.due_date END) anchor_due,
                         sum(CASE WHEN lgl.invoice_id IS NULL AND b.due_date < :asOf%1$s
                                  THEN b.open_amount - CASE WHEN dsp.amount IS NULL THEN 0 WHEN dsp.amount > b.open_amount THEN b.open_amount
                                                            ELSE dsp.amount END
                                  ELSE 0 END) overdue,
                         sum(CASE WHEN dsp.amount IS NULL THEN 0 WHEN dsp.amount > b.open_amount THEN b.open_amount ELSE dsp.amount END) disputed
                  FROM balance_period b
                  LEFT JOIN (SELECT invoice_id, sum(amount) amount FROM invoice_dispute
                             WHERE opened_on <= :asOf AND (resolved_on IS NULL OR resolved_on > :asOf) GROUP BY invoice_id) dsp ON dsp.invoice_id = b.invoice_id
                  LEFT JOIN (SELECT DISTINCT invoice_id FROM strategy_paused_invoice
                             WHERE paused_from <= :asOf AND (paused_to IS NULL OR paused_to > :asOf)) lgl ON lgl.invoice_id = b.invoice_id%2$s
                  WHERE b.valid_from <= :asOf AND (b.valid_to IS NULL OR b.valid_to > :asOf) AND b.customer_id > :after
                  GROUP BY b.customer_id) o
            JOIN customer c ON c.id = o.customer_id
            LEFT JOIN (SELECT customer_id,
                              100 * sum(CASE WHEN status = 'KEPT' THEN 1 WHEN status = 'PARTLY_KEPT' THEN paid_amount / amount ELSE 0 END)
                                  / count(*) rate
                       FROM promise WHERE status <> 'OPEN' AND settled_on <= :asOf GROUP BY customer_id) pk ON pk.customer_id = o.customer_id
            LEFT JOIN (SELECT DISTINCT customer_id FROM promise WHERE status = 'OPEN' AND made_on <= :asOf) pf
                   ON pf.customer_id = o.customer_id
            WHERE (o.anchor_due IS NULL OR o.anchor_due <= :horizon)
            ORDER BY c.id""";

    private final JdbcClient jdbc;
    private final Currencies currencies;
    private final List<SegmentSignals> signals;

    RunQueries(JdbcClient jdbc, Currencies currencies, List<SegmentSignals> signals) {
        this.jdbc = jdbc;
        this.currencies = currencies;
        this.signals = signals;
    }

    /**
     * Every customer's facts (see {@link #FACTS}) with the {@code wanted} signals of other modules, read in bulk once
     * ({@link SegmentSignals}); nothing is asked when no active segment tests a signal.
     */
    List<CustomerFacts> facts(LocalDate asOf, LocalDate horizon, long afterCustomerId, Set<SegmentSignals.Signal> wanted) {
        Map<Long, CustomerSignals> known = new HashMap<>();
        if (!wanted.isEmpty()) {
            long started = System.nanoTime();
            for (SegmentSignals source : signals) {
                source.asOf(asOf, wanted).forEach((id, s) -> known.merge(id, s, CustomerSignals::merge));
            }
            log.info("segment signals {} as of {}: {} customers in {} ms", wanted, asOf, known.size(), (System.nanoTime() - started) / 1_000_000);
        }
        boolean foreign = currencies.foreignInUse();
        String sql = FACTS.formatted(foreign ? " AND fx.id IS NULL" : "", foreign
                ? "\n                  LEFT JOIN (SELECT id FROM invoice WHERE currency <> '" + Currencies.BASE + "') fx ON fx.id = b.invoice_id" : "");
        return jdbc.sql(sql).param("asOf", Date.valueOf(asOf)).param("horizon", Date.valueOf(horizon)).param("after", afterCustomerId)
                .query((rs, n) -> {
                    Date anchor = rs.getDate("anchor_due");
                    Date first = rs.getDate("first_invoice");
                    Date last = rs.getDate("last_payment");
                    BigDecimal rate = rs.getBigDecimal("rate");
                    return new CustomerFacts(rs.getLong("id"), rs.getString("code"), rs.getString("owner"), rs.getString("grade"),
                            flags(rs.getString("flags"), rs.getBigDecimal("disputed")), asOf, anchor == null ? null : anchor.toLocalDate(),
                            rs.getBigDecimal("overdue"), rs.getBigDecimal("disputed"), first == null ? null : first.toLocalDate(),
                            last == null ? null : last.toLocalDate(), rate == null ? null : rate.setScale(2, java.math.RoundingMode.HALF_UP),
                            rs.getObject("in_force") != null, known.getOrDefault(rs.getLong("id"), CustomerSignals.NONE));
                })
                .list();
    }

    /** The customer's manual flags plus IN_DISPUTE when part of its balance is disputed. */
    static Set<String> flags(String stored, BigDecimal disputed) {
        Set<String> out = stored == null ? new java.util.HashSet<>()
                : Arrays.stream(stored.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (disputed != null && disputed.signum() > 0) {
            out.add("IN_DISPUTE");
        }
        return Set.copyOf(out);
    }

    /** The as-of date of the latest completed run before {@code asOf}, if any. */
    LocalDate lastCompletedBefore(LocalDate asOf) {
        return jdbc.sql("SELECT max(as_of) FROM collection_run WHERE status = 'DONE' AND as_of < ?").param(Date.valueOf(asOf))
                .query(LocalDate.class).optional().orElse(null);
    }

    /**
     * A fingerprint of everything a run reads besides the date: the ledger version (every posting,
     * import and dispute bumps it), segments, strategies, promises, customers (owner, grade, flags) and legal-case pauses.
     * A second run for a date with the same fingerprint has nothing to create.
     */
    String inputsKey(long ledgerVersion, java.util.Set<SegmentSignals.Signal> wanted) {
        String seg = jdbc.sql("SELECT count(*) || '/' || COALESCE(CAST(max(updated_at) AS VARCHAR(40)), '-') FROM segment")
                .query(String.class).single();
        String str = jdbc.sql("SELECT count(*) || '/' || COALESCE(sum(current_version), 0) FROM strategy").query(String.class).single();
        String prom = jdbc.sql("""
                SELECT count(*) || '/' || COALESCE(max(id), 0) || '/' || COALESCE(sum(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END), 0) FROM promise""")
                .query(String.class).single();
        String cust = jdbc.sql("SELECT count(*) || '/' || COALESCE(CAST(max(updated_at) AS VARCHAR(40)), '-') FROM customer")
                .query(String.class).single();
        String paused = jdbc.sql("SELECT count(*) || '/' || COALESCE(sum(CASE WHEN paused_to IS NULL THEN 0 ELSE 1 END), 0) FROM strategy_paused_invoice")
                .query(String.class).single();
        String trials = jdbc.sql("SELECT count(*) || '/' || COALESCE(max(id), 0) || '/' || COALESCE(sum(CASE WHEN ended_on IS NULL THEN 0 ELSE 1 END), 0) "
                + "FROM segment_experiment").query(String.class).single();
        StringBuilder others = new StringBuilder();
        signals.forEach(s -> others.append("|G").append(s.inputsKey(wanted)));
        return "L" + ledgerVersion + "|S" + seg + "|P" + str + "|R" + prom + "|C" + cust + "|X" + paused + "|E" + trials + others;
    }
}
