package io.huikuan.legal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The latest counting interruption of each listed invoice on or before a date: a recorded event, or (when part
 * payments count) the latest payment allocated to it, shown as ACKNOWLEDGED "part payment P-1 of 2026-03-01".
 * Read for one page of invoices at a time.
 */
final class LastEvents {

    private final JdbcClient jdbc;
    private final LimitationProperties settings;

    LastEvents(JdbcClient jdbc, LimitationProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    List<LimitationItem> attach(List<LimitationItem> items, LocalDate asOf) {
        if (items.isEmpty()) {
            return items;
        }
        List<Long> ids = items.stream().map(LimitationItem::invoiceId).toList();
        Map<Long, LimitationItem.LastEvent> latest = new HashMap<>();
        jdbc.sql("""
                SELECT ei.invoice_id, ei.event_date, ei.kind, e.evidence FROM limitation_event_invoice ei
                JOIN limitation_event e ON e.id = ei.event_id
                WHERE ei.invoice_id IN (:ids) AND ei.counts = TRUE AND ei.event_date <= :asOf ORDER BY ei.event_date, ei.event_id""")
                .param("ids", ids).param("asOf", Date.valueOf(asOf))
                .query((rs, n) -> latest.put(rs.getLong(1), new LimitationItem.LastEvent(rs.getDate(2).toLocalDate(),
                        LimitationEventKind.valueOf(rs.getString(3)), rs.getString(4))))
                .list();
        if (settings.partPayments()) {
            jdbc.sql("""
                    SELECT a.invoice_id, p.payment_date, p.payment_ref FROM allocation a JOIN payment p ON p.id = a.payment_id
                    WHERE a.invoice_id IN (:ids) AND p.payment_date <= :asOf ORDER BY p.payment_date, p.id""")
                    .param("ids", ids).param("asOf", Date.valueOf(asOf))
                    .query((rs, n) -> {
                        LocalDate paid = rs.getDate(2).toLocalDate();
                        LimitationItem.LastEvent current = latest.get(rs.getLong(1));
                        if (current == null || paid.isAfter(current.date())) {
                            latest.put(rs.getLong(1), new LimitationItem.LastEvent(paid, LimitationEventKind.ACKNOWLEDGED,
                                    "part payment " + rs.getString(3) + " of " + paid));
                        }
                        return null;
                    }).list();
        }
        List<LimitationItem> out = new ArrayList<>(items.size());
        for (LimitationItem i : items) {
            out.add(new LimitationItem(i.invoiceNo(), i.customerCode(), i.openAmount(), i.currency(), i.runsFrom(), i.expiresOn(), i.daysLeft(),
                    i.status(), latest.get(i.invoiceId()), i.dueDate(), i.invoiceId()));
        }
        return out;
    }
}
