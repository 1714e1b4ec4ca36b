package io.huikuan.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** The ledger's part of the customer timeline: payments (on their payment date), disputes (opened, resolved) and the history. */
@Component
class LedgerTimeline implements TimelineSource {

    private final JdbcClient jdbc;
    private final Clock clock;

    LedgerTimeline(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("PAYMENT", "DISPUTE", "HISTORY");
    }

    @Override
    public List<TimelineEntry> newest(long customerId, String customerCode, Set<String> kinds, int limit) {
        List<TimelineEntry> out = new ArrayList<>();
        if (kinds.contains("PAYMENT")) {
            out.addAll(jdbc.sql("""
                    SELECT id, payment_ref, payment_date, amount, method, note FROM payment WHERE customer_id = ?
                    ORDER BY payment_date DESC, id DESC LIMIT ?""").params(customerId, limit)
                    .query((rs, n) -> new TimelineEntry(start(rs.getDate(3).toLocalDate()), true, "PAYMENT", rs.getLong(1),
                            "timeline.payment", List.of(TimelineEntry.money(rs.getBigDecimal(4)), rs.getString(2)),
                            List.of("method." + rs.getString(5)), rs.getString(6), null, null,
                            "/payments/" + UriUtils.encodePathSegment(rs.getString(2), java.nio.charset.StandardCharsets.UTF_8)))
                    .list());
        }
        if (kinds.contains("DISPUTE")) {
            out.addAll(jdbc.sql("""
                    SELECT d.id, i.invoice_no, d.opened_on, d.reason, d.opened_by, d.resolved_on, d.resolution
                    FROM invoice_dispute d JOIN invoice i ON i.id = d.invoice_id WHERE i.customer_id = ?
                    ORDER BY coalesce(d.resolved_on, d.opened_on) DESC, d.id DESC LIMIT ?""").params(customerId, limit)
                    .query((rs, n) -> {
                        java.sql.Date resolved = rs.getDate(6);
                        LocalDate on = resolved != null ? resolved.toLocalDate() : rs.getDate(3).toLocalDate();
                        return new TimelineEntry(start(on), true, "DISPUTE", rs.getLong(1),
                                resolved != null ? "timeline.dispute.resolved" : "timeline.dispute.opened", List.of(rs.getString(2)), List.of(),
                                resolved != null ? rs.getString(7) : rs.getString(4), null, rs.getString(5),
                                "/invoices/" + UriUtils.encodePathSegment(rs.getString(2), java.nio.charset.StandardCharsets.UTF_8));
                    })
                    .list());
        }
        if (kinds.contains("HISTORY")) {
            out.addAll(jdbc.sql("""
                    SELECT id, entity_type, entity_key, action, actor, occurred_at, reason FROM history WHERE customer_code = ?
                    ORDER BY occurred_at DESC, id DESC LIMIT ?""").params(customerCode, limit)
                    .query((rs, n) -> new TimelineEntry(rs.getTimestamp(6).toInstant(), false, "HISTORY", rs.getLong(1), "timeline.history",
                            List.of(rs.getString(3)), List.of("entity." + rs.getString(2), "action." + rs.getString(4)), rs.getString(7), null,
                            rs.getString(5), null))
                    .list());
        }
        return out;
    }

    private java.time.Instant start(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }
}
