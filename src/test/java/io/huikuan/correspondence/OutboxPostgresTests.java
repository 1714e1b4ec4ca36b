package io.huikuan.correspondence;

import io.huikuan.support.PostgresSupport;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The e-mail outbox on a real PostgreSQL (the claim uses FOR UPDATE SKIP LOCKED there). */
class OutboxPostgresTests extends OutboxBehaviour {

    @BeforeAll
    static void pg() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        PostgresSupport.register(r);
    }
}
