package io.huikuan.legal;

import io.huikuan.ledger.InvoiceExpiries;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's and the worklist's view of the limitation clock ({@link InvoiceExpiries}), with the rules of
 * {@link LimitationSql}: the period runs from the latest of the due date, the last counting interruption and (when
 * part payments count) the last payment dated on or before the as-of date (Civil Code art. 188, 195; SPC limitation
 * rules art. 14; read from the balance period open at the date, see BalancePeriods), ends on the same calendar day {@code years} later (art. 201–202), moved past a statutory rest day
 * of a loaded year (art. 203). The last interruption of each invoice is an indexed correlated sub-query:
 * a page looks up its own invoices only, a list filter only the invoices due early enough to have reached the window.
 */
@Component
class LimitationExpiries implements InvoiceExpiries {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final LimitationProperties settings;

    LimitationExpiries(JdbcClient jdbc, LimitationProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public int windowDays() {
        return settings.expiringDays();
    }

    @Override
    public Map<String, Expiry> ofInvoices(Collection<String> invoiceNos, LocalDate asOf) {
        Map<String, Expiry> found = new HashMap<>();
        for (List<String> chunk : chunks(invoiceNos)) {
            rows("i.invoice_no IN (:keys)", chunk, asOf).forEach(r -> found.put(r.invoiceNo, expiry(r, asOf)));
        }
        return found;
    }

    @Override
    public Map<String, Expiry> earliestOfCustomers(Collection<String> customerCodes, LocalDate asOf) {
        Map<String, Row> first = new HashMap<>();
        Map<String, Row> proceedings = new HashMap<>();
        for (List<String> chunk : chunks(customerCodes)) {
            for (Row r : rows("i.customer_id IN (SELECT k.id FROM customer k WHERE k.code IN (:keys))", chunk, asOf)) {
                if (r.inProceedings) {
                    proceedings.putIfAbsent(r.customerCode, r);
                } else {
                    first.merge(r.customerCode, r, (a, b) -> b.expiresOn.isBefore(a.expiresOn) ? b : a);
                }
            }
        }
        Map<String, Expiry> result = new HashMap<>();
        proceedings.forEach((code, r) -> result.put(code, expiry(r, asOf)));
        first.forEach((code, r) -> result.put(code, expiry(r, asOf)));
        return result;
    }

    /**
     * The filter as a derived table. Only invoices due early enough can have reached the window (the period runs at
     * least from the due date, so it cannot end before the due date plus the years, less a day for Feb 29), so the
     * clock is computed for those alone.
     */
    @Override
    public String matching(Filter filter, LocalDate asOf) {
        LocalDate latestDue = (filter == Filter.EXPIRED ? asOf : asOf.plusDays(settings.expiringDays())).minusYears(settings.years()).plusDays(2);
        String sql = clockSql("b.due_date <= :latestDue", false)
                .replace(":asOf", literal(asOf)).replace(":latestDue", literal(latestDue));
        String state = filter == Filter.EXPIRED ? "lm.expires_on < " + literal(asOf)
                : "lm.expires_on >= " + literal(asOf) + " AND lm.expires_on <= " + literal(asOf.plusDays(settings.expiringDays()));
        return "SELECT lm.invoice_id, lm.customer_id FROM (" + sql + ") lm WHERE lm.in_proc = 0 AND " + state;
    }

    private static String literal(LocalDate d) {
        return "DATE '" + d + "'";
    }

    private Expiry expiry(Row r, LocalDate asOf) {
        LimitationStatus s = LimitationRules.status(r.expiresOn, asOf, settings.expiringDays(), r.inProceedings);
        return new Expiry(r.expiresOn, ChronoUnit.DAYS.between(asOf, r.expiresOn), State.valueOf(s.name()));
    }

    private record Row(String invoiceNo, String customerCode, LocalDate expiresOn, boolean inProceedings) {
    }

    /** The open invoices matching {@code condition} (on invoice {@code i}, parameter {@code :keys}) with their last day. */
    private List<Row> rows(String condition, List<String> keys, LocalDate asOf) {
        return jdbc.sql(clockSql(condition, true)).param("asOf", Date.valueOf(asOf)).param("keys", keys)
                .query((rs, n) -> new Row(rs.getString("invoice_no"), rs.getString("customer_code"), rs.getDate("expires_on").toLocalDate(),
                        rs.getInt("in_proc") == 1))
                .list();
    }

    /**
     * The clock of the invoices open at {@code :asOf} that match {@code condition} (on invoice {@code i} and balance
     * period {@code b}): columns invoice_id, customer_id, in_proc (1/0), expires_on, and with {@code named} invoice_no
     * and customer_code. The last interruptions are indexed correlated sub-queries per invoice.
     */
    private String clockSql(String condition, boolean named) {
        String paid = settings.partPayments()
                ? "b.last_paid_on"
                : "CAST(NULL AS DATE)";
        return """
                SELECT x.*, COALESCE(r.next_working_day, x.expires_raw) expires_on
                FROM (SELECT y.*, CAST(y.runs_from + INTERVAL '%d' YEAR AS DATE) expires_raw
                      FROM (SELECT z.invoice_id, z.customer_id%s,
                                   CASE WHEN z.last_filed IS NOT NULL AND (z.last_ended IS NULL OR z.last_ended < z.last_filed) THEN 1 ELSE 0 END in_proc,
                                   GREATEST(z.due_date, COALESCE(z.last_counting, z.due_date), COALESCE(z.last_paid, z.due_date)) runs_from
                            FROM (SELECT i.id invoice_id, i.customer_id, b.due_date%s,
                                         (SELECT max(e.event_date) FROM limitation_event_invoice e
                                           WHERE e.invoice_id = i.id AND e.counts = TRUE AND e.event_date <= :asOf) last_counting,
                                         (SELECT max(e.event_date) FROM limitation_event_invoice e WHERE e.invoice_id = i.id AND e.counts = TRUE
                                           AND e.kind = 'PROCEEDINGS_FILED' AND e.event_date <= :asOf) last_filed,
                                         (SELECT max(e.event_date) FROM limitation_event_invoice e WHERE e.invoice_id = i.id AND e.counts = TRUE
                                           AND e.kind = 'PROCEEDINGS_ENDED' AND e.event_date <= :asOf) last_ended,
                                         %s last_paid
                                  FROM invoice i%s
                                  JOIN balance_period b ON b.invoice_id = i.id AND b.valid_from <= :asOf
                                       AND (b.valid_to IS NULL OR b.valid_to > :asOf) AND b.open_amount > 0
                                  WHERE %s) z) y) x
                LEFT JOIN legal_rest_day r ON r.rest_date = x.expires_raw""".formatted(settings.years(),
                named ? ", z.invoice_no, z.customer_code" : "", named ? ", i.invoice_no, c.code customer_code" : "", paid,
                named ? " JOIN customer c ON c.id = i.customer_id" : "", condition);
    }

    private static List<List<String>> chunks(Collection<String> keys) {
        List<String> all = keys.stream().filter(k -> k != null && !k.isBlank()).distinct().toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
