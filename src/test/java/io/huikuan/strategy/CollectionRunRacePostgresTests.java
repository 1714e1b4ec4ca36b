package io.huikuan.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.HuikuanApplication;
import io.huikuan.common.ConflictException;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.PostgresSupport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two application nodes on one PostgreSQL race for the daily run: this test's context and a
 * second application started on the same schema. Both start the run for the same date at the same
 * moment; exactly one runs it, the other is refused while it runs; afterwards the loser's retry
 * finds nothing to do.
 */
@SpringBootTest(properties = {"huikuan.collection.chunk-size=1", "huikuan.test-context=race"})
@AutoConfigureMockMvc
class CollectionRunRacePostgresTests {

    private static ConfigurableApplicationContext second;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CollectionRuns runs;
    @Autowired
    Environment env;

    @BeforeAll
    static void pg() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        PostgresSupport.register(r);
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoNodesNeverRunTheSameRunTwice() throws Exception {
        Api.user(users, "boss", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        String grade = CollectionRunBehaviour.grade();
        Api.call(mvc, post("/api/strategies"), "boss", """
                {"code":"RACE","nameZh":"竞争","nameEn":"Race","steps":[{"dayOffset":1,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"}]}""")
                .andExpect(status().isCreated());
        Api.call(mvc, put("/api/segments/RACE"), "boss", """
                {"nameZh":"竞争","nameEn":"Race","position":1,"grades":"%s","strategyCode":"RACE"}""".formatted(grade)).andExpect(status().isOk());
        for (int i = 0; i < 6; i++) {
            String c = CollectionRunBehaviour.code();
            Api.call(mvc, post("/api/customers"), "boss", """
                    {"code":"%s","name":"节点客户%d","owner":"boss","grade":"%s"}""".formatted(c, i, grade)).andExpect(status().isCreated());
            Api.call(mvc, post("/api/invoices"), "finance", """
                    {"invoiceNo":"R-%s","customerCode":"%s","issueDate":"2026-05-01","dueDate":"2026-06-20","amount":100}""".formatted(c, c))
                    .andExpect(status().isCreated());
        }
        second = new SpringApplicationBuilder(HuikuanApplication.class).run(
                "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + PostgresSupport.user(), "--spring.datasource.password=" + PostgresSupport.password(),
                "--spring.flyway.default-schema=" + env.getProperty("spring.flyway.default-schema"),
                "--spring.flyway.schemas=" + env.getProperty("spring.flyway.schemas"),
                "--spring.datasource.hikari.maximum-pool-size=4", "--server.port=0", "--huikuan.demo=false", "--huikuan.today=2026-06-30",
                "--huikuan.collection.chunk-size=1");
        CollectionRuns other = second.getBean(CollectionRuns.class);
        assertThat(other).isNotSameAs(runs);

        // each node pauses in its first chunk, so whichever wins is still running when the other asks
        CountDownLatch start = new CountDownLatch(1);
        runs.afterChunk = n -> sleep();
        other.afterChunk = n -> sleep();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<CollectionRun>> results = new ArrayList<>();
        for (CollectionRuns node : List.of(runs, other)) {
            results.add(pool.submit(() -> {
                start.await();
                return node.run(LocalDate.parse("2026-06-30"), "RACE");
            }));
        }
        start.countDown();
        int ran = 0;
        int refused = 0;
        for (Future<CollectionRun> f : results) {
            try {
                assertThat(f.get(60, TimeUnit.SECONDS).tasksCreated()).isEqualTo(6);
                ran++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ConflictException.class).hasMessageContaining("already in progress");
                refused++;
            }
        }
        pool.shutdown();
        assertThat(ran).isEqualTo(1);
        assertThat(refused).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM collection_run").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM collection_task").query(Integer.class).single()).isEqualTo(6);

        // the loser retries once the winner has finished: nothing left to do
        other.afterChunk = n -> {
        };
        CollectionRun retry = other.run(LocalDate.parse("2026-06-30"), "RACE");
        assertThat(retry.tasksCreated()).isZero();
        assertThat(retry.upToDate()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM collection_task").query(Integer.class).single()).isEqualTo(6);
    }

    private static void sleep() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
