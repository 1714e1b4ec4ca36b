package io.huikuan.worklist;

import io.huikuan.support.PostgresSupport;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The worklist API on a real PostgreSQL. */
class WorklistPostgresTests extends WorklistBehaviour {

    @BeforeAll
    static void pg() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        PostgresSupport.register(r);
    }
}
