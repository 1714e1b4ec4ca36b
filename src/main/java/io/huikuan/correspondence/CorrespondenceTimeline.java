package io.huikuan.correspondence;

import io.huikuan.ledger.TimelineEntry;
import io.huikuan.ledger.TimelineSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Correspondence's part of the customer timeline: messages of the outbox (with their state) and issued documents. */
@Component
class CorrespondenceTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    CorrespondenceTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("MESSAGE", "DOCUMENT");
    }

    @Override
    public List<TimelineEntry> newest(long customerId, String customerCode, Set<String> kinds, int limit) {
        List<TimelineEntry> out = new ArrayList<>();
        if (kinds.contains("MESSAGE")) {
            out.addAll(jdbc.sql("""
                    SELECT id, channel, recipient, subject, status, created_at, created_by FROM outbox_message WHERE customer_id = ?
                    ORDER BY created_at DESC, id DESC LIMIT ?""").params(customerId, limit)
                    .query((rs, n) -> new TimelineEntry(rs.getTimestamp(6).toInstant(), false, "MESSAGE", rs.getLong(1), "timeline.message",
                            List.of(rs.getString(3)), List.of("channel." + rs.getString(2), "timeline.messageStatus." + rs.getString(5)),
                            rs.getString(4), null, rs.getString(7), null))
                    .list());
        }
        if (kinds.contains("DOCUMENT")) {
            out.addAll(jdbc.sql("""
                    SELECT id, doc_no, kind, title, created_at, created_by FROM document WHERE customer_id = ?
                    ORDER BY created_at DESC, id DESC LIMIT ?""").params(customerId, limit)
                    .query((rs, n) -> new TimelineEntry(rs.getTimestamp(5).toInstant(), false, "DOCUMENT", rs.getLong(1), "timeline.document",
                            List.of(rs.getString(2) == null ? "" : rs.getString(2)), List.of("document.kind." + rs.getString(3)), rs.getString(4),
                            null, rs.getString(6), "/documents/" + rs.getLong(1)))
                    .list());
        }
        return out;
    }
}
