package io.huikuan.demo;

import io.huikuan.support.PostgresSupport;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Demo data and the generator on real PostgreSQL (the COPY path). */
@SpringBootTest(properties = "huikuan.demo=true")
class DemoDataPostgresTests extends DemoDataChecks {

    @BeforeAll
    static void requirePostgres() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        PostgresSupport.register(r);
    }

    @Override
    String expectedMethod() {
        return "COPY";
    }
}
