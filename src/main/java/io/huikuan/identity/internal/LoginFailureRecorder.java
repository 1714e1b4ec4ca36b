package io.huikuan.identity.internal;

import io.huikuan.identity.LoginFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;

/**
 * Records each wrong password of a form or Basic login (an unknown username counts too, as Spring
 * Security does not tell the two apart). A login that failed because the database was busy is not a
 * failure of the caller and is not recorded.
 */
@Component
class LoginFailureRecorder {

    private static final Logger log = LoggerFactory.getLogger(LoginFailureRecorder.class);

    private final LoginFailures failures;

    LoginFailureRecorder(LoginFailures failures) {
        this.failures = failures;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getDetails() instanceof LoginDetails details) {
            try {
                failures.record(details.kind(), event.getAuthentication().getName(), details.getRemoteAddress());
            } catch (DataAccessException e) {
                log.warn("could not record a failed login of '{}' from {}: {}", event.getAuthentication().getName(),
                        details.getRemoteAddress(), e.getMessage());
            }
        }
    }
}
