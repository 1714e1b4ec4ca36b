package io.huikuan.portal.internal;

import io.huikuan.ledger.TimelineEntry;
import io.huikuan.ledger.TimelineSource;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The debtor's balance confirmations on the customer timeline, as inbound activities. */
@Component
class ConfirmationTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    ConfirmationTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("ACTIVITY");
    }

    @Override
    public List<TimelineEntry> newest(long customerId, String customerCode, Set<String> kinds, int limit) {
        return jdbc.sql("""
                SELECT id, confirmed_at, answer, amount, acknowledged_amount, name, title, differences, link_id FROM portal_confirmation
                WHERE customer_id = ? ORDER BY confirmed_at DESC, id DESC LIMIT ?""")
                .params(customerId, limit)
                .query((rs, n) -> {
                    String answer = rs.getString("answer");
                    String who = rs.getString("name") + (rs.getString("title") == null ? "" : " (" + rs.getString("title") + ")");
                    List<String> args = "AGREE".equals(answer) ? List.of(who, TimelineEntry.money(rs.getBigDecimal("amount")))
                            : List.of(who, TimelineEntry.money(rs.getBigDecimal("acknowledged_amount")), TimelineEntry.money(rs.getBigDecimal("amount")));
                    return new TimelineEntry(rs.getTimestamp("confirmed_at").toInstant(), false, "ACTIVITY", rs.getLong("id"),
                            "portal.timeline.confirmed." + answer, args, List.of("activity.direction.INBOUND", "portal.timeline.tag"),
                            rs.getString("differences"), "INBOUND", "portal:" + rs.getLong("link_id"), null);
                })
                .list();
    }
}
