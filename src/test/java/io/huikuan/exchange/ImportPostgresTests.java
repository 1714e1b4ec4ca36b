package io.huikuan.exchange;

import io.huikuan.support.PostgresSupport;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same import behaviours on a real PostgreSQL (COPY and a temp staging table). */
class ImportPostgresTests extends ImportBehaviour {

    @BeforeAll
    static void requirePostgres() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        PostgresSupport.register(r);
    }
}
