package io.huikuan;

import io.huikuan.support.PostgresSupport;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Bad input on a real PostgreSQL, which refuses a NUL byte in text and dates past the year 5,874,897. */
class BadInputPostgresTests extends BadInputBehaviour {

    @BeforeAll
    static void requirePostgres() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSupport.register(registry);
    }
}
