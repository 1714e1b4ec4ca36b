package io.huikuan.ledger;

import io.huikuan.support.PostgresSupport;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The overview's figures on a real PostgreSQL. */
class OverviewPostgresTests extends OverviewIntegrationTests {

    @BeforeAll
    static void requirePostgres() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSupport.register(registry);
    }
}
