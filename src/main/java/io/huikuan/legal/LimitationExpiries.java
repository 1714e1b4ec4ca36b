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
 * rules art. 14), ends on the same calendar day {@code years} later (art. 201–202), moved past a statutory rest day
 * of a loaded year (art. 203). A page's invoices are looked up with indexed correlated sub-queries (a few hundred
 * rows, never the whole ledger); the list filters use the whole clock as a derived table.
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

    @Override
    public String matching(Filter filter, LocalDate asOf) {
        String literal = "DATE '" + asOf + "'";
        String clock = LimitationSql.withStatus(settings.years(), settings.partPayments(), "")
                .replace(":asOf", literal).replace(":windowEnd", "DATE '" + asOf.plusDays(settings.expiringDays()) + "'");
        return "SELECT lm.invoice_id, lm.customer_id FROM (" + clock + ") lm WHERE lm.status = '" + filter.name() + "'";
    }

    private Expiry expiry(Row r, LocalDate asOf) {
        LimitationStatus s = LimitationRules.status(r.expiresOn, asOf, settings.expiringDays(), r.inProceedings);
        return new Expiry(r.expiresOn, ChronoUnit.DAYS.between(asOf, r.expiresOn), State.valueOf(s.name()));
    }

    private record Row(String invoiceNo, String customerCode, LocalDate expiresOn, boolean inProceedings) {
    }

    /** The open invoices matching {@code condition} (on invoice {@code i}, parameter {@code :keys}) with their last day. */
    private List<Row> rows(String condition, List<String> keys, LocalDate asOf) {
        String paid = settings.partPayments()
                ? "(SELECT max(p.payment_date) FROM allocation a JOIN payment p ON p.id = a.payment_id WHERE a.invoice_id = i.id AND p.payment_date <= :asOf)"
                : "CAST(NULL AS DATE)";
        String sql = """
                SELECT x.invoice_no, x.customer_code, x.in_proc, COALESCE(r.next_working_day, x.expires_raw) expires_on
                FROM (SELECT y.*, CAST(y.runs_from + INTERVAL '%d' YEAR AS DATE) expires_raw
                      FROM (SELECT z.invoice_no, z.customer_code,
                                   CASE WHEN z.last_filed IS NOT NULL AND (z.last_ended IS NULL OR z.last_ended < z.last_filed) THEN 1 ELSE 0 END in_proc,
                                   GREATEST(z.due_date, COALESCE(z.last_counting, z.due_date), COALESCE(z.last_paid, z.due_date)) runs_from
                            FROM (SELECT i.invoice_no, c.code customer_code, b.due_date,
                                         (SELECT max(e.event_date) FROM limitation_event_invoice e
                                           WHERE e.invoice_id = i.id AND e.counts = TRUE AND e.event_date <= :asOf) last_counting,
                                         (SELECT max(e.event_date) FROM limitation_event_invoice e WHERE e.invoice_id = i.id AND e.counts = TRUE
                                           AND e.kind = 'PROCEEDINGS_FILED' AND e.event_date <= :asOf) last_filed,
                                         (SELECT max(e.event_date) FROM limitation_event_invoice e WHERE e.invoice_id = i.id AND e.counts = TRUE
                                           AND e.kind = 'PROCEEDINGS_ENDED' AND e.event_date <= :asOf) last_ended,
                                         %s last_paid
                                  FROM invoice i JOIN customer c ON c.id = i.customer_id
                                  JOIN balance_period b ON b.invoice_id = i.id AND b.valid_from <= :asOf
                                       AND (b.valid_to IS NULL OR b.valid_to > :asOf) AND b.open_amount > 0
                                  WHERE %s) z) y) x
                LEFT JOIN legal_rest_day r ON r.rest_date = x.expires_raw""".formatted(settings.years(), paid, condition);
        return jdbc.sql(sql).param("asOf", Date.valueOf(asOf)).param("keys", keys)
                .query((rs, n) -> new Row(rs.getString("invoice_no"), rs.getString("customer_code"), rs.getDate("expires_on").toLocalDate(),
                        rs.getInt("in_proc") == 1))
                .list();
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
