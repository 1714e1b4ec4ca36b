package io.huikuan.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.common.ConflictException;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The daily run's lock is a short lease the running node keeps extending (here 2 s, extended every 0.3 s, so
 * the test sees it happen): a long run keeps it past the first lease and a second start is refused meanwhile; a
 * node that died (its lease ran out) is taken over at once and its run resumed; a node that lost its lease stops
 * cleanly, leaving its progress for the next.
 */
@SpringBootTest(properties = {"huikuan.test-context=run-lease", "huikuan.collection.chunk-size=1", "huikuan.collection.lock-at-most-for=PT2S",
        "huikuan.collection.lock-renew-every=PT0.3S", "huikuan.correspondence.auto-dispatch=false"})
@AutoConfigureMockMvc
abstract class RunLeaseBehaviour {

    static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CollectionRuns runs;

    final java.util.List<String> mine = new java.util.ArrayList<>();

    @BeforeEach
    void customers() throws Exception {
        Api.user(users, "boss", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "col1", Role.COLLECTOR);
        jdbc.sql("DELETE FROM collection_task").update();
        jdbc.sql("DELETE FROM customer_segment").update();
        jdbc.sql("DELETE FROM collection_run").update();
        String grade = CollectionRunBehaviour.grade();
        Api.call(mvc, post("/api/strategies"), "boss", """
                {"code":"S_%s","nameZh":"租约","nameEn":"Lease","steps":[{"dayOffset":1,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"}]}"""
                .formatted(grade)).andExpect(status().isCreated());
        Api.call(mvc, put("/api/segments/G_" + grade), "boss", """
                {"nameZh":"租约","nameEn":"Lease","position":1,"grades":"%s","strategyCode":"S_%s"}""".formatted(grade, grade))
                .andExpect(status().isOk());
        for (int i = 0; i < 8; i++) {
            String c = CollectionRunBehaviour.code();
            Api.call(mvc, post("/api/customers"), "boss", """
                    {"code":"%s","name":"租约客户%d","owner":"col1","grade":"%s"}""".formatted(c, i, grade)).andExpect(status().isCreated());
            mine.add(c);
            Api.call(mvc, post("/api/invoices"), "finance", """
                    {"invoiceNo":"L-%s","customerCode":"%s","issueDate":"2026-05-01","dueDate":"2026-06-20","amount":100}""".formatted(c, c))
                    .andExpect(status().isCreated());
        }
    }

    @AfterEach
    void releaseLock() {
        runs.afterChunk = n -> {
        };
        jdbc.sql("UPDATE shedlock SET lock_until = TIMESTAMP '2000-01-01 00:00:00', locked_by = 'released' WHERE name = 'collection-run'").update();
    }

    /** This test's customers' open tasks. */
    int openTasks() {
        return jdbc.sql("SELECT count(*) FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE t.status = 'OPEN' AND c.code IN ("
                + String.join(",", java.util.Collections.nCopies(mine.size(), "?")) + ")").params(new java.util.ArrayList<Object>(mine))
                .query(Integer.class).single();
    }

    int allTasks() {
        return jdbc.sql("SELECT count(*) FROM collection_task").query(Integer.class).single();
    }

    @Test
    void aLongRunKeepsItsLeasePastTheFirstAndASecondStartIsRefusedMeanwhile() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        runs.afterChunk = n -> {
            running.countDown();
            sleep(500);
        };
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        CompletableFuture<CollectionRun> first = CompletableFuture.supplyAsync(() -> runs.run(AS_OF, "TEST"), thread);
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();
        // well past the first 2-second lease: the lock is still this run's, so a second start is refused (409)
        sleep(3000);
        assertThat(first).isNotDone();
        Api.call(mvc, post("/api/collection-runs").param("asOf", AS_OF.toString()), "boss", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already in progress")));
        CollectionRun done = first.get(60, TimeUnit.SECONDS);
        thread.shutdown();
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.resumed()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM collection_run").query(Integer.class).single()).isEqualTo(1);
        // released at the end: the next start runs at once
        runs.afterChunk = n -> {
        };
        assertThat(runs.run(AS_OF, "TEST").upToDate()).isTrue();
    }

    @Test
    void concurrentStartsRunOnceAndRefuseTheOther() throws Exception {
        runs.afterChunk = n -> sleep(200);
        CountDownLatch go = new CountDownLatch(1);
        // own threads: the common pool may have a single one on a small machine
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<CollectionRun> a = CompletableFuture.supplyAsync(() -> await(go), threads);
        CompletableFuture<CollectionRun> b = CompletableFuture.supplyAsync(() -> await(go), threads);
        go.countDown();
        int ran = 0;
        int refused = 0;
        for (CompletableFuture<CollectionRun> f : java.util.List.of(a, b)) {
            try {
                assertThat(f.get(60, TimeUnit.SECONDS).status()).isEqualTo("DONE");
                ran++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                refused++;
            }
        }
        threads.shutdown();
        assertThat(ran).isEqualTo(1);
        assertThat(refused).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM collection_run").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aDeadNodesRunIsTakenOverOnceItsLeaseHasRunOut() throws Exception {
        // a node is killed midway: its run stays RUNNING with the chunks it committed, its lock row names it
        runs.afterChunk = n -> {
            if (n == 3) {
                throw new CollectionRuns.StoppedMidway();
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runs.run(AS_OF, "TEST")).isInstanceOf(CollectionRuns.StoppedMidway.class);
        runs.afterChunk = n -> {
        };
        jdbc.sql("UPDATE shedlock SET lock_until = TIMESTAMP '2999-01-01 00:00:00', locked_by = 'dead-node' WHERE name = 'collection-run'").update();
        // while its lease runs, it is taken for alive
        Api.call(mvc, post("/api/collection-runs").param("asOf", AS_OF.toString()), "boss", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("dead-node")));
        // its lease runs out (it was not extended): the next start takes the lock and completes the run
        jdbc.sql("UPDATE shedlock SET lock_until = TIMESTAMP '2000-01-01 00:00:00' WHERE name = 'collection-run'").update();
        CollectionRun taken = runs.run(AS_OF, "TEST");
        assertThat(taken.status()).isEqualTo("DONE");
        assertThat(taken.resumed()).isTrue();
        assertThat(openTasks()).isEqualTo(8);
        assertThat(jdbc.sql("SELECT locked_by FROM shedlock WHERE name = 'collection-run'").query(String.class).single()).isNotEqualTo("dead-node");
    }

    @Test
    void aNodeThatLostItsLeaseStopsCleanlyAndTheRunIsResumedLater() throws Exception {
        // after the second chunk another node holds the lock (this node's lease ran out during a long pause, say)
        int[] written = {-1};
        runs.afterChunk = n -> {
            if (n == 2) {
                written[0] = allTasks();
                jdbc.sql("UPDATE shedlock SET lock_until = TIMESTAMP '2999-01-01 00:00:00', locked_by = 'node-b' WHERE name = 'collection-run'")
                        .update();
            }
        };
        Api.call(mvc, post("/api/collection-runs").param("asOf", AS_OF.toString()), "boss", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("was lost")));
        // it wrote nothing more and left its run for the holder to resume, not failed; node-b's lock is untouched
        assertThat(jdbc.sql("SELECT status FROM collection_run").query(String.class).single()).isEqualTo("RUNNING");
        assertThat(written[0]).isPositive();
        assertThat(allTasks()).isEqualTo(written[0]);
        assertThat(jdbc.sql("SELECT locked_by FROM shedlock WHERE name = 'collection-run'").query(String.class).single()).isEqualTo("node-b");
        runs.afterChunk = n -> {
        };
        jdbc.sql("UPDATE shedlock SET lock_until = TIMESTAMP '2000-01-01 00:00:00' WHERE name = 'collection-run'").update();
        CollectionRun resumed = runs.run(AS_OF, "TEST");
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.status()).isEqualTo("DONE");
        assertThat(openTasks()).isEqualTo(8);
    }

    private CollectionRun await(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return runs.run(AS_OF, "TEST");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
