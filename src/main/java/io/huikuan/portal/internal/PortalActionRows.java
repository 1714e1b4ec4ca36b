package io.huikuan.portal.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code portal_action} rows: what debtors did on the portal, newest first for the collector's panel. */
@Repository
public class PortalActionRows {

    /** One action as the collector's panel lists it. {@code kind}: DISPUTE, PROMISE, RECEIPT, MESSAGE. */
    public record PortalAction(long id, long linkId, String kind, String ref, BigDecimal amount, LocalDate actionDate, String detail, Instant at,
            String ip) {
    }

    private final JdbcClient jdbc;

    PortalActionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long linkId, long customerId, String kind, String ref, BigDecimal amount, LocalDate date, String detail, Instant at, String ip) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO portal_action (link_id, customer_id, kind, ref, amount, action_date, detail, at, ip)
                VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(linkId, customerId, kind, ref, amount, date == null ? null : Date.valueOf(date),
                        detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail, Timestamp.from(at), ip)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The customer's latest actions, newest first. */
    public List<PortalAction> recent(long customerId, int limit) {
        return jdbc.sql("""
                SELECT id, link_id, kind, ref, amount, action_date, detail, at, ip FROM portal_action
                WHERE customer_id = ? ORDER BY id DESC LIMIT ?""")
                .params(customerId, limit)
                .query((rs, n) -> new PortalAction(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9)))
                .list();
    }
}
