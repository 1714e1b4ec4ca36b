package io.huikuan.worklist;

import io.huikuan.support.PostgresSupport;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Collection targets and plans on a real PostgreSQL. */
class TargetPostgresTests extends TargetBehaviour {

    @BeforeAll
    static void pg() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        PostgresSupport.register(r);
    }
}
