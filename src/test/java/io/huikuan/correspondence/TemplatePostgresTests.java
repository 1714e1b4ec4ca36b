package io.huikuan.correspondence;

import io.huikuan.support.PostgresSupport;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Message and letter templates on a real PostgreSQL. */
class TemplatePostgresTests extends TemplateBehaviour {

    @BeforeAll
    static void pg() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        PostgresSupport.register(r);
    }
}
