package io.huikuan.legal;

import io.huikuan.support.PostgresSupport;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same legal-case behaviours on a real PostgreSQL. */
class LegalCasePostgresTests extends LegalCaseBehaviour {

    @BeforeAll
    static void requirePostgres() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSupport.register(registry);
    }
}
