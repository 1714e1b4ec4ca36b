package io.huikuan.identity;

import io.huikuan.common.ValidationException;
import io.huikuan.common.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for {@code /api/**} ({@code Authorization: Bearer hk_...}). Only a SHA-256 of the
 * token is stored; the token itself is shown once, when issued.
 */
@Service
public class ApiTokens {

    private static final java.time.Duration LAST_USED_RESOLUTION = java.time.Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a new token for the user and returns it in clear (the only time it is visible). */
    @Transactional
    public String issue(String username, String name) {
        if (name != null && name.length() > 100) {
            throw ValidationException.coded("name", name.length() + " characters", "text.tooLong", "at most 100 characters", 100);
        }
        Long userId = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("user", username));
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = "hk_" + HexFormat.of().formatHex(bytes);
        jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, created_at, revoked) VALUES (?,?,?,?,FALSE)")
                .params(userId, name == null || name.isBlank() ? "token" : name, hash(token), java.sql.Timestamp.from(Instant.now(clock))).update();
        return token;
    }

    /**
     * The username a valid, unrevoked token belongs to. The token's "last used" time is written at most once a
     * minute: an integration sending many requests at once with one token must not queue them all on that row.
     */
    @Transactional
    public Optional<String> authenticate(String token) {
        if (token == null || !token.startsWith("hk_")) {
            return Optional.empty();
        }
        String h = hash(token);
        Optional<String> user = jdbc.sql("""
                SELECT u.username FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE t.token_hash = ? AND t.revoked = FALSE AND u.enabled = TRUE""").param(h).query(String.class).optional();
        Instant now = Instant.now(clock);
        user.ifPresent(u -> jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(java.sql.Timestamp.from(now), h, java.sql.Timestamp.from(now.minus(LAST_USED_RESOLUTION))).update());
        return user;
    }

    /** A token as its owner sees it (never the token itself). */
    public record TokenInfo(long id, String name, Instant createdAt, Instant lastUsedAt, boolean revoked) {
    }

    public java.util.List<TokenInfo> list(String username) {
        return jdbc.sql("""
                SELECT t.id, t.name, t.created_at, t.last_used_at, t.revoked FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE u.username = ? ORDER BY t.id DESC""").param(username)
                .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
                .list();
    }

    /** Revokes one of the user's own tokens; 404 for a token of someone else. */
    @Transactional
    public void revoke(String username, long tokenId) {
        int n = jdbc.sql("UPDATE api_token SET revoked = TRUE WHERE id = ? AND user_id = (SELECT id FROM app_user WHERE username = ?)")
                .params(tokenId, username).update();
        if (n == 0) {
            throw new NotFoundException("token", String.valueOf(tokenId));
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
