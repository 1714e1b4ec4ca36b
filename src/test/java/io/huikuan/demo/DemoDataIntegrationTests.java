package io.huikuan.demo;

import org.springframework.boot.test.context.SpringBootTest;

/** Demo data on an embedded H2 database (JDBC batches). */
@SpringBootTest(properties = "huikuan.demo=true")
class DemoDataIntegrationTests extends DemoDataChecks {

    @Override
    String expectedMethod() {
        return "JDBC batches";
    }
}
