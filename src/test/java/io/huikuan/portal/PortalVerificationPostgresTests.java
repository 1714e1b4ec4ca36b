package io.huikuan.portal;

import io.huikuan.support.PostgresSupport;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The portal's e-mail verification code on a real PostgreSQL. */
class PortalVerificationPostgresTests extends PortalVerificationBehaviour {

    @BeforeAll
    static void pg() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        PostgresSupport.register(r);
    }
}
