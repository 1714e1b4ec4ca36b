package io.huikuan.worklist;

import io.huikuan.ledger.TimelineEntry;
import io.huikuan.ledger.TimelineSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The worklist's part of the customer timeline: activities (with who contacted whom) and promises to pay (when made). */
@Component
class WorklistTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    WorklistTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("ACTIVITY", "PROMISE");
    }

    @Override
    public List<TimelineEntry> newest(long customerId, String customerCode, Set<String> kinds, int limit) {
        List<TimelineEntry> out = new ArrayList<>();
        if (kinds.contains("ACTIVITY")) {
            out.addAll(jdbc.sql("""
                    SELECT a.id, a.channel, a.outcome, a.direction, a.occurred_at, a.notes, a.recorded_by, k.name
                    FROM activity a LEFT JOIN contact k ON k.id = a.contact_id WHERE a.customer_id = ?
                    ORDER BY a.occurred_at DESC, a.id DESC LIMIT ?""").params(customerId, limit)
                    .query((rs, n) -> {
                        String direction = rs.getString(4) == null ? Direction.OUTBOUND.name() : rs.getString(4);
                        String contact = rs.getString(8);
                        return new TimelineEntry(rs.getTimestamp(5).toInstant(), false, "ACTIVITY", rs.getLong(1),
                                contact == null ? "timeline.activity" : "timeline.activity.contact", contact == null ? List.of() : List.of(contact),
                                List.of("activity.direction." + direction, "channel." + rs.getString(2), "outcome." + rs.getString(3)),
                                rs.getString(6), direction, rs.getString(7), null);
                    })
                    .list());
        }
        if (kinds.contains("PROMISE")) {
            out.addAll(jdbc.sql("""
                    SELECT id, amount, promised_date, status, created_at, created_by, notes FROM promise WHERE customer_id = ?
                    ORDER BY created_at DESC, id DESC LIMIT ?""").params(customerId, limit)
                    .query((rs, n) -> new TimelineEntry(rs.getTimestamp(5).toInstant(), false, "PROMISE", rs.getLong(1), "timeline.promise",
                            List.of(TimelineEntry.money(rs.getBigDecimal(2)), rs.getDate(3).toLocalDate().toString()),
                            List.of("promiseStatus." + rs.getString(4)), rs.getString(7), null, rs.getString(6), null))
                    .list());
        }
        return out;
    }
}
