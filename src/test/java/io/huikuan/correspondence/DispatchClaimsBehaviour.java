package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.worklist.DispatchClaims;
import io.huikuan.worklist.StepTask;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several nodes produce the strategy steps' messages side by side: a node claims tasks another node is working on
 * never, and never waits for them; a node that stopped leaves its claims to the others once their lease has run
 * out; whatever happens, each task's message is queued once; and the work is done as the system, whoever asked.
 */
// its own context: the claims cover every due task in the database, not only this test's
@SpringBootTest(properties = {"huikuan.test-context=dispatch-claims", "huikuan.correspondence.dispatch-threads=2",
        "huikuan.correspondence.dispatch-batch=3", "huikuan.correspondence.auto-dispatch=false"})
@AutoConfigureMockMvc
abstract class DispatchClaimsBehaviour {

    static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DispatchClaims claims;
    @Autowired
    StepDispatcher dispatcher;
    @Autowired
    PlatformTransactionManager transactions;

    String grade;

    @BeforeEach
    void strategy() throws Exception {
        Api.user(users, "boss", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "dccol", Role.COLLECTOR);
        grade = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        Api.call(mvc, post("/api/strategies"), "boss", """
                {"code":"S_%s","nameZh":"邮件提醒","nameEn":"Mail","steps":[
                 {"dayOffset":-3,"channel":"EMAIL","tone":"GENTLE","ownerRole":"COLLECTOR","template":"reminder"},
                 {"dayOffset":1,"channel":"LETTER","tone":"GENTLE","ownerRole":"COLLECTOR","template":"payment_reminder"}]}""".formatted(grade))
                .andExpect(status().isCreated());
        Api.call(mvc, put("/api/segments/G_" + grade), "boss", """
                {"nameZh":"测试","nameEn":"Test","position":1,"grades":"%s","strategyCode":"S_%s"}""".formatted(grade, grade))
                .andExpect(status().isOk());
    }

    /** {@code n} customers whose e-mail reminder is due today, after the daily run; their task ids in order. */
    List<Long> dueReminders(int n) throws Exception {
        return dueTasks(n, "2026-07-03");
    }

    /** {@code n} customers, each owing one invoice due on {@code due}, after the daily run; their step task ids in order. */
    List<Long> dueTasks(int n, String due) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String c = "DC" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
            Api.call(mvc, post("/api/customers"), "boss", """
                    {"code":"%s","name":"认领客户%d","owner":"dccol","grade":"%s"}""".formatted(c, i, grade)).andExpect(status().isCreated());
            Api.call(mvc, post("/api/customers/" + c + "/contacts"), "boss", """
                    {"name":"联系人%d","role":"FINANCE","email":"c%d@%s.example"}""".formatted(i, i, c.toLowerCase())).andExpect(status().isCreated());
            Api.call(mvc, post("/api/invoices"), "finance", """
                    {"invoiceNo":"INV-%s","customerCode":"%s","issueDate":"2026-03-01","dueDate":"%s","amount":5000.00}"""
                    .formatted(c, c, due)).andExpect(status().isCreated());
            codes.add(c);
        }
        Api.call(mvc, post("/api/collection-runs").param("asOf", AS_OF.toString()), "boss", null).andExpect(status().isOk());
        List<Long> ids = new ArrayList<>();
        for (String c : codes) {
            ids.add(jdbc.sql("SELECT t.id FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = ? AND t.kind = 'STEP'")
                    .param(c).query(Long.class).single());
        }
        return ids;
    }

    int messagesFor(long taskId) {
        return jdbc.sql("SELECT count(*) FROM outbox_message WHERE task_id = ?").param(taskId).query(Integer.class).single();
    }

    @Test
    void twoNodesClaimDifferentTasksInSmallBatches() throws Exception {
        List<Long> mine = dueReminders(4);
        List<StepTask> a = claims.claim(AS_OF, "node-a", 2, Duration.ofMinutes(5));
        List<StepTask> b = claims.claim(AS_OF, "node-b", 1000, Duration.ofMinutes(5));
        assertThat(a).hasSize(2);
        List<Long> aIds = a.stream().map(StepTask::taskId).toList();
        List<Long> bIds = b.stream().map(StepTask::taskId).toList();
        assertThat(bIds).doesNotContainAnyElementsOf(aIds);
        List<Long> both = new ArrayList<>(aIds);
        both.addAll(bIds);
        assertThat(both).containsAll(mine);
        // a third node finds nothing left to claim while both claims hold
        assertThat(claims.claim(AS_OF, "node-c", 1000, Duration.ofMinutes(5))).isEmpty();
        // only the claim's holder can mark a task produced
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Boolean byOther = tx.execute(s -> claims.complete(aIds.getFirst(), "node-b", "queued|0"));
        Boolean byHolder = tx.execute(s -> claims.complete(aIds.getFirst(), "node-a", "queued|0"));
        assertThat(byOther).isFalse();
        assertThat(byHolder).isTrue();
        // a pass on this node leaves the tasks the other nodes hold alone
        dispatcher.dispatchDue(AS_OF);
        for (long id : mine) {
            assertThat(messagesFor(id)).isZero();
        }
    }

    @Test
    void aTaskAnotherNodeIsClaimingIsSkippedNotWaitedFor() throws Exception {
        List<Long> mine = dueReminders(3);
        release();
        long busy = mine.getFirst();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        // another node is in the middle of claiming the first task: its row is locked until that node commits
        // own threads: the common pool may have a single one on a small machine
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("SELECT id FROM collection_task WHERE id = ? FOR UPDATE").param(busy).query(Long.class).single();
            locked.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), threads);
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            StepDispatcher.Result r = CompletableFuture.supplyAsync(() -> dispatcher.dispatchDue(AS_OF), threads).get(20, TimeUnit.SECONDS);
            assertThat(r.failed()).isZero();
            assertThat(messagesFor(busy)).isZero();
            assertThat(messagesFor(mine.get(1))).isEqualTo(1);
            assertThat(messagesFor(mine.get(2))).isEqualTo(1);
        } finally {
            done.countDown();
            other.get(10, TimeUnit.SECONDS);
            threads.shutdown();
        }
        // once the other node is done with the row, the next pass produces it, once
        dispatcher.dispatchDue(AS_OF);
        for (long id : mine) {
            assertThat(messagesFor(id)).isEqualTo(1);
        }
    }

    @Test
    void aStoppedNodesClaimsAreTakenOverOnceTheirLeaseRunsOut() throws Exception {
        List<Long> mine = dueReminders(3);
        release();
        List<StepTask> dead = claims.claim(AS_OF, "node-that-died", 1000, Duration.ofMinutes(5));
        assertThat(dead.stream().map(StepTask::taskId).toList()).containsAll(mine);
        // while its lease runs, nobody else produces them
        dispatcher.dispatchDue(AS_OF);
        assertThat(mine).allSatisfy(id -> assertThat(messagesFor(id)).isZero());
        // the lease runs out (database time): the next pass on any node takes them over
        jdbc.sql("UPDATE collection_task SET dispatch_claimed_until = CURRENT_TIMESTAMP - INTERVAL '1' MINUTE WHERE dispatch_claim = 'node-that-died'")
                .update();
        StepDispatcher.Result r = dispatcher.dispatchDue(AS_OF);
        assertThat(r.produced()).isGreaterThanOrEqualTo(3);
        assertThat(mine).allSatisfy(id -> assertThat(messagesFor(id)).isEqualTo(1));
        // the stopped node, back, cannot complete what it had claimed: nothing is produced twice
        Boolean late = new TransactionTemplate(transactions).execute(s -> claims.complete(mine.getFirst(), "node-that-died", "queued|0"));
        assertThat(late).isFalse();
        assertThat(dispatcher.dispatchDue(AS_OF).produced()).isZero();
        assertThat(mine).allSatisfy(id -> assertThat(messagesFor(id)).isEqualTo(1));
    }

    @Test
    void aManagersRequestIsProducedByTheSystemNotUnderTheManagersName() throws Exception {
        // overdue since 2026-06-25: the +1 payment reminder letter is due
        List<Long> letters = dueTasks(2, "2026-06-25");
        release();
        Api.call(mvc, post("/api/step-messages/dispatch").param("asOf", AS_OF.toString()), "boss", null).andExpect(status().isOk());
        for (long id : letters) {
            assertThat(jdbc.sql("SELECT created_by FROM document WHERE task_id = ?").param(id).query(String.class).list()).containsExactly("system");
        }
        // two workers asked for; the test pool (10 connections) allows three
        assertThat(dispatcher.workers()).isEqualTo(2);
    }

    /** Frees every claim earlier tests of this context left (other nodes' claims that would otherwise hold for minutes). */
    void release() {
        jdbc.sql("UPDATE collection_task SET dispatch_claim = NULL, dispatch_claimed_until = NULL WHERE dispatched_at IS NULL").update();
    }
}
