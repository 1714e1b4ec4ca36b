package io.huikuan.identity;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing passwords: a user changes their own (knowing the current one); an administrator resets
 * someone's, who must then set their own at the next login. Both follow the {@link PasswordPolicy}
 * and end the user's other sessions (the security version is bumped).
 */
@Service
public class UserPasswords {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final LoginFailures failures;

    UserPasswords(JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy, LoginFailures failures) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = policy;
        this.failures = failures;
    }

    /**
     * The logged-in user changes their own password; the current one must be given and right
     * ({@code currentPassword}), the new one must follow the policy and differ from it ({@code newPassword}).
     * A wrong current password counts as a failed login of the account from {@code address} (so a
     * left-open session cannot be used to guess it), and while the account is locked out it is not checked.
     * Not one transaction: the failure is recorded even though the change is refused.
     */
    public void changeOwn(String currentPassword, String newPassword, String address) {
        CurrentUser me = CurrentUser.get();
        if (me.roles().isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("log in to change your password");
        }
        failures.lockout(me.username(), null).ifPresent(lockout -> {
            long minutes = Math.max(1, (lockout.retryAfterSeconds() + 59) / 60);
            throw ValidationException.coded("currentPassword", null, "password.locked",
                    "too many failed attempts: try again in " + minutes + " minute(s)", minutes);
        });
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(me.username())
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("user", me.username()));
        if (currentPassword == null || currentPassword.isEmpty() || !encoder.matches(currentPassword, hash)) {
            failures.record(LoginFailures.Kind.PASSWORD_CHANGE, me.username(), address);
            throw ValidationException.coded("currentPassword", null, "password.current", "not your current password");
        }
        policy.check("newPassword", me.username(), newPassword);
        if (newPassword.equals(currentPassword)) {
            throw ValidationException.coded("newPassword", null, "password.same", "must differ from the current password");
        }
        jdbc.sql("""
                UPDATE app_user SET password_hash = ?, password_change_required = FALSE, security_version = security_version + 1
                WHERE username = ?""").params(encoder.encode(newPassword), me.username()).update();
    }

    /**
     * An administrator gives a user a new password, which the user must change at their next login;
     * the user's sessions end at once.
     */
    @Transactional
    public void reset(String username, String newPassword) {
        CurrentUser me = CurrentUser.require("reset users' passwords", Role.ADMIN);
        if (me.username().equals(username)) {
            throw new ValidationException("username", username, "change your own password with your current one, not by a reset");
        }
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?").param(username).query(Long.class).single() == 0) {
            throw new NotFoundException("user", username);
        }
        policy.check("password", username, newPassword);
        jdbc.sql("""
                UPDATE app_user SET password_hash = ?, password_change_required = TRUE, security_version = security_version + 1
                WHERE username = ?""").params(encoder.encode(newPassword), username).update();
    }

    /** True when the user must set a new password before doing anything else (after an administrator's reset). */
    public boolean changeRequired(String username) {
        return jdbc.sql("SELECT password_change_required FROM app_user WHERE username = ?").param(username)
                .query(Boolean.class).optional().orElse(false);
    }
}
