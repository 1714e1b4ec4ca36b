package io.huikuan.aging;

import io.huikuan.support.PostgresSupport;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sums of the largest amounts on a real PostgreSQL, in a schema of their own. */
@SpringBootTest(properties = "huikuan.test-context=extreme-sums")
class ExtremeSumsPostgresTests extends ExtremeSumsBehaviour {

    @BeforeAll
    static void pg() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        PostgresSupport.register(r);
    }
}
