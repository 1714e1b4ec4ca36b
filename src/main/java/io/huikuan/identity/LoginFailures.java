package io.huikuan.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Failed logins (table {@code login_failure}) and the throttle built on them: an account with
 * {@code huikuan.login.max-failures} failures within {@code huikuan.login.window}, or a client address
 * with {@code huikuan.login.max-address-failures}, is locked out until enough of those failures have
 * left the window. The count lives in the database, so every node applies the same lockout. Each query takes one pooled connection and gives it back
 * before the next: nothing here holds two at once.
 */
@Service
@EnableConfigurationProperties(LoginProperties.class)
public class LoginFailures {

    private static final Logger log = LoggerFactory.getLogger(LoginFailures.class);

    /** How the failed login came in. */
    public enum Kind {
        FORM, BASIC, TOKEN, PASSWORD_CHANGE
    }

    /** One failed login, as administrators see it. */
    public record LoginFailure(long id, Instant failedAt, String username, String address, Kind kind) {
    }

    /** A lockout: which of the two (account or address) is locked and for how long still. */
    public record Lockout(String reason, Duration retryAfter) {

        /** Whole seconds, at least one, for a {@code Retry-After} header. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoginProperties props;

    LoginFailures(JdbcClient jdbc, Clock clock, LoginProperties props) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.props = props;
    }

    /** Records one failed login; the username may be null (a wrong API token names nobody). */
    public void record(Kind kind, String username, String address) {
        String user = username == null || username.isBlank() ? null : cut(username, 64);
        String addr = address == null || address.isBlank() ? "unknown" : cut(address, 64);
        jdbc.sql("INSERT INTO login_failure (failed_at, username, address, kind) VALUES (?,?,?,?)")
                .params(Timestamp.from(Instant.now(clock)), user, addr, kind.name()).update();
        log.warn("failed login: kind={} username={} address={}", kind, user, addr);
    }

    /**
     * The lockout in force for this account or this address, if any (the username may be null). A
     * correct password does not lift it: that is the point.
     */
    public Optional<Lockout> lockout(String username, String address) {
        Instant now = Instant.now(clock);
        Optional<Lockout> byUser = username == null || username.isBlank() ? Optional.empty()
                : lockedUntil("username", cut(username, 64), props.maxFailures(), now).map(until -> new Lockout("username", Duration.between(now, until)));
        if (byUser.isPresent()) {
            return byUser;
        }
        return address == null ? Optional.empty()
                : lockedUntil("address", cut(address, 64), props.maxAddressFailures(), now).map(until -> new Lockout("address", Duration.between(now, until)));
    }

    /**
     * When the lockout by this column ends: the max-failures-th newest failure inside the window
     * leaves it at its time plus the window; empty when fewer failures are in the window.
     */
    private Optional<Instant> lockedUntil(String column, String value, int max, Instant now) {
        return jdbc.sql("SELECT failed_at FROM login_failure WHERE " + column + " = ? AND failed_at > ? "
                        + "ORDER BY failed_at DESC LIMIT 1 OFFSET " + (max - 1))
                .params(value, Timestamp.from(now.minus(props.window())))
                .query(Timestamp.class).optional()
                .map(t -> t.toInstant().plus(props.window()))
                .filter(until -> until.isAfter(now));
    }

    /** The newest failures, optionally of one username or one address (administrators). */
    public List<LoginFailure> recent(String username, String address, int limit) {
        CurrentUser.require("see failed logins", Role.ADMIN);
        int n = Math.max(1, Math.min(limit, 1000));
        return jdbc.sql("""
                        SELECT id, failed_at, username, address, kind FROM login_failure
                        WHERE (CAST(:username AS VARCHAR(64)) IS NULL OR username = :username)
                          AND (CAST(:address AS VARCHAR(64)) IS NULL OR address = :address)
                        ORDER BY failed_at DESC, id DESC LIMIT :limit""")
                .param("username", blankToNull(username)).param("address", blankToNull(address)).param("limit", n)
                .query((rs, i) -> new LoginFailure(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        Kind.valueOf(rs.getString(5))))
                .list();
    }

    /** Deletes failures older than {@code huikuan.login.retention}; returns how many. Harmless on several nodes at once. */
    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    public int purge() {
        int n = jdbc.sql("DELETE FROM login_failure WHERE failed_at < ?")
                .param(Timestamp.from(Instant.now(clock).minus(props.retention()))).update();
        if (n > 0) {
            log.info("purged {} failed logins older than {}", n, props.retention());
        }
        return n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
