package io.huikuan.portal.internal;

import io.huikuan.correspondence.OutboxChannel;
import io.huikuan.correspondence.OutgoingMessage;
import io.huikuan.correspondence.Outbox;
import io.huikuan.customer.Contact;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.portal.PortalVisitor;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mail verification code of links made with {@code verifyEmail}: before such a link shows anything, the browser
 * session asks for a 6-digit code sent to the link's contact's e-mail (through the outbox), types it, and from then on
 * that session may use the link until it ends. A code is stored only as the SHA-256 of the session's reference and the
 * code, is valid {@link #VALID} and allows {@link #MAX_ATTEMPTS} attempts; at most {@link #MAX_CODES_PER_HOUR} codes
 * are sent per link and hour.
 */
@Service
public class PortalVerifications {

    public static final Duration VALID = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 5;
    public static final int MAX_CODES_PER_HOUR = 5;
    static final String SESSION_REF = "io.huikuan.portal.verify.ref";
    static final String SESSION_VERIFIED = "io.huikuan.portal.verified";

    /** What a send or a check came to. */
    public enum Outcome { SENT, TOO_MANY_CODES, NO_ADDRESS, VERIFIED, WRONG, EXPIRED, LOCKED, NO_CODE }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final Outbox outbox;
    private final Clock clock;

    PortalVerifications(JdbcClient jdbc, CustomerService customers, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Does the link ask for the e-mail code? */
    public boolean required(long linkId) {
        return jdbc.sql("SELECT verify_email FROM portal_link WHERE id = ?").param(linkId).query(Boolean.class).optional().orElse(false);
    }

    /** Has this session verified the link? */
    public static boolean verified(HttpSession session, long linkId) {
        return session != null && Long.valueOf(linkId).equals(session.getAttribute(SESSION_VERIFIED));
    }

    /** The contact's e-mail the code goes to, masked for the page ({@code c***@example.com}), when there is one. */
    public Optional<String> maskedRecipient(PortalVisitor visitor) {
        return recipient(visitor).map(PortalVerifications::mask);
    }

    /** Sends a new code to the link's contact's e-mail for this session (the session's older codes no longer count). */
    @Transactional
    public Outcome send(PortalVisitor visitor, HttpSession session) {
        Instant now = clock.instant();
        long recent = jdbc.sql("SELECT COUNT(*) FROM portal_verification WHERE link_id = ? AND created_at > ?")
                .params(visitor.linkId(), Timestamp.from(now.minus(Duration.ofHours(1)))).query(Long.class).single();
        String to = recipient(visitor).orElse(null);
        if (to == null) {
            return Outcome.NO_ADDRESS;
        }
        if (recent >= MAX_CODES_PER_HOUR) {
            return Outcome.TOO_MANY_CODES;
        }
        String ref = (String) session.getAttribute(SESSION_REF);
        if (ref == null) {
            ref = PortalTokens.hash(PortalTokens.random());
            session.setAttribute(SESSION_REF, ref);
        }
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        jdbc.sql("""
                INSERT INTO portal_verification (link_id, session_ref, code_hash, recipient, created_at, expires_at, attempts)
                VALUES (?, ?, ?, ?, ?, ?, 0)""")
                .params(visitor.linkId(), ref, PortalTokens.hash(ref + ":" + code), to, Timestamp.from(now), Timestamp.from(now.plus(VALID)))
                .update();
        String text = """
                您的验证码：%s（10 分钟内有效）。如非本人操作，请忽略本邮件。
                Your verification code: %s (valid for 10 minutes). If you did not ask for it, ignore this e-mail.
                """.formatted(code, code);
        outbox.enqueue(new OutgoingMessage("portal-code-" + visitor.linkId() + "-" + ref.substring(0, 16) + "-" + now.toEpochMilli() + "-"
                + RANDOM.nextInt(1_000_000), OutboxChannel.EMAIL, visitor.customerId(), to, "验证码 Verification code " + code, text, null, null, null,
                "portal:" + visitor.linkId()));
        return Outcome.SENT;
    }

    /** Checks a typed code against the session's newest code; the right one marks the session verified for the link. */
    @Transactional
    public Outcome check(PortalVisitor visitor, HttpSession session, String typed) {
        String ref = (String) session.getAttribute(SESSION_REF);
        if (ref == null) {
            return Outcome.NO_CODE;
        }
        record Code(long id, String hash, Instant expires, int attempts, Instant verified) {
        }
        Optional<Code> latest = jdbc.sql("""
                SELECT id, code_hash, expires_at, attempts, verified_at FROM portal_verification WHERE link_id = ? AND session_ref = ?
                ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""").params(visitor.linkId(), ref)
                .query((rs, n) -> new Code(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
        if (latest.isEmpty() || latest.get().verified() != null) {
            return Outcome.NO_CODE;
        }
        Code c = latest.get();
        Instant now = clock.instant();
        if (c.attempts() >= MAX_ATTEMPTS) {
            return Outcome.LOCKED;
        }
        if (!now.isBefore(c.expires())) {
            return Outcome.EXPIRED;
        }
        String clean = typed == null ? "" : typed.strip();
        if (!PortalTokens.hash(ref + ":" + clean).equals(c.hash())) {
            jdbc.sql("UPDATE portal_verification SET attempts = attempts + 1 WHERE id = ?").param(c.id()).update();
            return c.attempts() + 1 >= MAX_ATTEMPTS ? Outcome.LOCKED : Outcome.WRONG;
        }
        jdbc.sql("UPDATE portal_verification SET verified_at = ?, attempts = attempts + 1 WHERE id = ?").params(Timestamp.from(now), c.id()).update();
        session.setAttribute(SESSION_VERIFIED, visitor.linkId());
        return Outcome.VERIFIED;
    }

    private Optional<String> recipient(PortalVisitor visitor) {
        if (visitor.contactId() == null) {
            return Optional.empty();
        }
        return CurrentUser.asSystem(() -> customers.contacts(visitor.customerId())).stream()
                .filter(c -> visitor.contactId().equals(c.id())).map(Contact::email)
                .filter(e -> e != null && !e.isBlank()).findFirst();
    }

    static String mask(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
