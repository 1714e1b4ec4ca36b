package io.huikuan.identity;

import io.huikuan.support.PostgresSupport;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same behaviour on PostgreSQL ({@link LoginThrottleIntegrationTests}). */
class LoginThrottlePostgresTests extends LoginThrottleIntegrationTests {

    @BeforeAll
    static void postgres() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        PostgresSupport.register(r);
    }
}
