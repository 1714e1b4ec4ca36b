package io.huikuan.ledger;

import io.huikuan.support.PostgresSupport;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same ledger API behaviours on a real PostgreSQL. */
class LedgerApiPostgresTests extends LedgerApiBehaviour {

    @BeforeAll
    static void requirePostgres() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSupport.register(registry);
    }
}
