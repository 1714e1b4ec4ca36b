package io.huikuan.portal.internal;

import io.huikuan.portal.PortalAccess;
import io.huikuan.portal.PortalLink;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of {@code portal_link} and {@code portal_access}. */
@Repository
public class PortalLinkRows {

    /** What resolving a token needs. */
    public record Resolved(long id, long customerId, String customerCode, Long contactId, Instant expiresAt, Instant revokedAt) {
    }

    private static final String LINKS = """
            SELECT l.id, c.code, l.contact_id, ct.name, l.purpose, l.created_at, l.created_by, l.expires_at, l.revoked_at, l.revoked_by, l.verify_email,
                   (SELECT COUNT(*) FROM portal_access a WHERE a.link_id = l.id AND a.outcome = 'OK') AS opened,
                   (SELECT MAX(a.at) FROM portal_access a WHERE a.link_id = l.id AND a.outcome = 'OK') AS last_at
            FROM portal_link l JOIN customer c ON c.id = l.customer_id LEFT JOIN contact ct ON ct.id = l.contact_id
            """;

    private final JdbcClient jdbc;

    PortalLinkRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long customerId, Long contactId, String tokenHash, String purpose, String by, Instant at, Instant expires) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO portal_link (customer_id, contact_id, token_hash, purpose, created_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(customerId, contactId, tokenHash, purpose, by, Timestamp.from(at), Timestamp.from(expires))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Makes the link ask for its contact's e-mail verification code. */
    public void requireEmailCode(long id) {
        jdbc.sql("UPDATE portal_link SET verify_email = TRUE WHERE id = ?").param(id).update();
    }

    /** Sets the token hash of a link made before its token could be derived (message links: the token depends on the id). */
    public void setHash(long id, String tokenHash) {
        jdbc.sql("UPDATE portal_link SET token_hash = ? WHERE id = ?").params(tokenHash, id).update();
    }

    public Optional<PortalLink> find(long id, Instant now) {
        return jdbc.sql(LINKS + " WHERE l.id = :id").param("id", id).query((rs, n) -> link(rs, now)).optional();
    }

    public List<PortalLink> forCustomer(long customerId, Instant now) {
        return jdbc.sql(LINKS + " WHERE l.customer_id = :c ORDER BY l.id DESC").param("c", customerId).query((rs, n) -> link(rs, now)).list();
    }

    public void revoke(long id, String by, Instant at) {
        jdbc.sql("UPDATE portal_link SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(at), by, id).update();
    }

    public Optional<Resolved> byHash(String hash) {
        return jdbc.sql("""
                SELECT l.id, l.customer_id, c.code, l.contact_id, l.expires_at, l.revoked_at
                FROM portal_link l JOIN customer c ON c.id = l.customer_id WHERE l.token_hash = ?""").param(hash)
                .query((rs, n) -> new Resolved(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
                        instant(rs, 5), instant(rs, 6)))
                .optional();
    }

    /** The newest unrevoked message link of the customer valid until at least {@code validUntil}. */
    public Optional<Long> messageLink(long customerId, Instant validUntil) {
        return jdbc.sql("""
                SELECT id FROM portal_link WHERE customer_id = ? AND purpose = 'MESSAGE' AND revoked_at IS NULL AND expires_at > ?
                ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""").params(customerId, Timestamp.from(validUntil)).query(Long.class).optional();
    }

    public void logAccess(Long linkId, Instant at, String ip, String userAgent, String path, String outcome) {
        jdbc.sql("INSERT INTO portal_access (link_id, at, ip, user_agent, path, outcome) VALUES (?, ?, ?, ?, ?, ?)")
                .params(linkId, Timestamp.from(at), cut(ip, 64), cut(userAgent, 500), cut(path, 300), outcome).update();
    }

    public List<PortalAccess> accesses(long customerId, int limit) {
        return jdbc.sql("""
                SELECT a.id, a.link_id, a.at, a.ip, a.user_agent, a.path, a.outcome
                FROM portal_access a JOIN portal_link l ON l.id = a.link_id WHERE l.customer_id = ?
                ORDER BY a.at DESC, a.id DESC FETCH FIRST %d ROWS ONLY""".formatted(limit)).param(customerId)
                .query((rs, n) -> new PortalAccess(rs.getLong(1), rs.getLong(2), instant(rs, 3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    /** The installation's key for message links' tokens, when it has been made. */
    public Optional<String> storedKey() {
        return jdbc.sql("SELECT secret FROM portal_key WHERE id = 1").query(String.class).optional();
    }

    /**
     * The installation's key for message links' tokens, made on first use in the caller's transaction (two nodes racing
     * keep the first one stored: the loser's insert waits for the winner's commit and then does nothing).
     */
    public String key(java.util.function.Supplier<String> fresh) {
        Optional<String> stored = storedKey();
        if (stored.isPresent()) {
            return stored.get();
        }
        jdbc.sql("INSERT INTO portal_key (id, secret) VALUES (1, ?) ON CONFLICT DO NOTHING").param(fresh.get()).update();
        return storedKey().orElseThrow();
    }

    private static PortalLink link(ResultSet rs, Instant now) throws SQLException {
        Instant expires = instant(rs, 8);
        Instant revoked = instant(rs, 9);
        String status = revoked != null ? "REVOKED" : now.isBefore(expires) ? "ACTIVE" : "EXPIRED";
        return new PortalLink(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), instant(rs, 6),
                rs.getString(7), expires, revoked, rs.getString(10), status, rs.getLong(12), instant(rs, 13),
                rs.getBoolean(11));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
