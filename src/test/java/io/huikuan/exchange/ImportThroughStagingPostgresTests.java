package io.huikuan.exchange;

import io.huikuan.support.PostgresSupport;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The import behaviours on PostgreSQL with every invoice row going through the temp staging table. */
@TestPropertySource(properties = "huikuan.exchange.preload-max-invoices=-1")
class ImportThroughStagingPostgresTests extends ImportBehaviour {

    @BeforeAll
    static void requirePostgres() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        PostgresSupport.register(r);
    }
}
