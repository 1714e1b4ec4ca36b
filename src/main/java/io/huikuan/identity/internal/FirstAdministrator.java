package io.huikuan.identity.internal;

import io.huikuan.common.ValidationException;
import io.huikuan.identity.IdentityProperties;
import io.huikuan.identity.PasswordPolicy;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A database without users gets its first administrator from configuration
 * ({@code huikuan.admin.username}, {@code huikuan.admin.password}); never a default password.
 */
@Component
@Order(10)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserDirectory users;
    private final IdentityProperties props;
    private final PasswordPolicy policy;

    FirstAdministrator(UserDirectory users, IdentityProperties props, PasswordPolicy policy) {
        this.users = users;
        this.props = props;
        this.policy = policy;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (props.username() == null || props.username().isBlank()) {
            if (users.count() == 0) {
                log.warn("the database has no users, so nobody can log in: start once with huikuan.admin.username and "
                        + "huikuan.admin.password (or HUIKUAN_ADMIN_USERNAME / HUIKUAN_ADMIN_PASSWORD) to create the first administrator");
            }
            return;
        }
        if (users.exists(props.username())) {
            return;
        }
        if (users.count() > 0) {
            log.info("users exist; huikuan.admin.username '{}' not created", props.username());
            return;
        }
        try {
            policy.check("huikuan.admin.password", props.username(), props.password());
        } catch (ValidationException e) {
            throw new IllegalStateException("huikuan.admin.password must be set to a password that follows the password policy "
                    + "to create the first administrator: " + e.getMessage());
        }
        users.create(props.username(), props.password(), "Administrator", EnumSet.of(Role.ADMIN));
        log.info("created the first administrator '{}'", props.username());
    }
}
