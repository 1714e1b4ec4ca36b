package io.huikuan.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The daily collection run through its API: shipped defaults, idempotency, catch-up of missed days,
 * a payment resetting the cycle, pauses on disputes and promises, strategy versions kept by tasks,
 * the dry run, bad input, and a run stopped midway completed by the next one. Each test routes its
 * own customers to its own strategy by a grade no other test uses, and starts from an empty run history.
 */
@SpringBootTest(properties = "huikuan.collection.chunk-size=2")
@AutoConfigureMockMvc
abstract class CollectionRunBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CollectionRuns runs;

    @BeforeEach
    void setUp() {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "boss", Role.MANAGER);
        Api.user(users, "col1", Role.COLLECTOR);
        Api.user(users, "finance", Role.FINANCE);
        jdbc.sql("DELETE FROM collection_task").update();
        jdbc.sql("DELETE FROM customer_segment").update();
        jdbc.sql("DELETE FROM collection_run").update();
        runs.afterChunk = n -> {
        };
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    /** A unique grade for this test's segment (grades are up to 10 characters: a letter and more). */
    static String grade() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    static String code() {
        return "CR" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** A strategy of PHONE steps on these day offsets, and a first segment sending {@code grade} to it. */
    String strategyFor(String grade, int... offsets) throws Exception {
        String code = "S_" + grade;
        StringBuilder steps = new StringBuilder();
        for (int o : offsets) {
            steps.append(steps.isEmpty() ? "" : ",").append("""
                    {"dayOffset":%d,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"}""".formatted(o));
        }
        call(post("/api/strategies"), "boss", """
                {"code":"%s","nameZh":"测试","nameEn":"Test","steps":[%s]}""".formatted(code, steps)).andExpect(status().isCreated());
        call(put("/api/segments/G_" + grade), "boss", """
                {"nameZh":"测试","nameEn":"Test","position":1,"grades":"%s","strategyCode":"%s"}""".formatted(grade, code))
                .andExpect(status().isOk());
        return code;
    }

    String customer(String grade) throws Exception {
        String c = code();
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"测试客户%s","owner":"col1","grade":"%s"}""".formatted(c, c, grade)).andExpect(status().isCreated());
        return c;
    }

    void invoice(String customer, String no, String issue, String due, String amount) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(no + "-" + customer, customer, issue, due, amount)).andExpect(status().isCreated());
    }

    void payment(String customer, String date, String amount) throws Exception {
        call(post("/api/payments"), "finance", """
                {"paymentRef":"P%s","customerCode":"%s","paymentDate":"%s","amount":%s}"""
                .formatted(UUID.randomUUID().toString().substring(0, 12), customer, date, amount)).andExpect(status().isCreated());
    }

    JsonNode run(String asOf) throws Exception {
        return Api.json(call(post("/api/collection-runs").param("asOf", asOf), "boss", null).andExpect(status().isOk()));
    }

    record Task(String key, Integer offset, String status, LocalDate due, long versionId, String assignee, String kind, BigDecimal priority) {
    }

    List<Task> tasks(String customer) {
        return jdbc.sql("""
                SELECT t.task_key, t.step_offset, t.status, t.due_date, t.strategy_version_id, t.assignee, t.kind, t.priority
                FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = ? ORDER BY t.due_date, t.id""").param(customer)
                .query((rs, n) -> new Task(rs.getString(1), (Integer) rs.getObject(2, Integer.class), rs.getString(3), rs.getDate(4).toLocalDate(),
                        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8)))
                .list();
    }

    @Test
    void shippedSegmentsAndStrategiesFollowTheSourceTexts() throws Exception {
        JsonNode segments = Api.json(call(get("/api/segments"), "col1", null).andExpect(status().isOk()));
        List<String> codes = segments.valueStream().map(s -> s.get("code").asString()).toList();
        assertThat(codes).contains("MALICIOUS", "IN_DISPUTE", "HIGH_RISK", "LONG_TERM_PARTNER", "STANDARD");
        JsonNode standard = Api.json(call(get("/api/strategies/STANDARD"), "col1", null).andExpect(status().isOk()));
        List<String> steps = standard.get("version").get("steps").valueStream()
                .map(s -> s.get("dayOffset").asInt() + " " + s.get("channel").asString()).toList();
        assertThat(steps).containsExactly("-3 EMAIL", "1 SMS", "7 PHONE", "15 VISIT", "30 MANAGER_CALL", "45 DEMAND_LETTER", "60 LAWYER_LETTER",
                "90 LEGAL_REVIEW");
        JsonNode strict = Api.json(call(get("/api/strategies/STRICT"), "col1", null));
        assertThat(strict.get("version").get("steps").get(0).get("dayOffset").asInt()).isLessThan(-3);
    }

    @Test
    void aRunCreatesTheCurrentStepOnceAndASecondRunForTheSameDateCreatesNothing() throws Exception {
        String g = grade();
        strategyFor(g, -3, 1, 7, 15);
        String c = customer(g);
        invoice(c, "A", "2026-05-01", "2026-06-20", "5000.00");

        JsonNode first = run("2026-06-30");
        assertThat(first.get("runId").asLong()).isPositive();
        assertThat(first.get("asOf").asString()).isEqualTo("2026-06-30");
        assertThat(first.get("tasksCreated").asInt()).isGreaterThanOrEqualTo(1);
        List<Task> tasks = tasks(c);
        // entering the loop ten days overdue: the latest due step (+7, due 06-27), not every past one
        assertThat(tasks).extracting(Task::offset).containsExactly(7);
        assertThat(tasks.get(0).due()).isEqualTo(LocalDate.parse("2026-06-27"));
        assertThat(tasks.get(0).assignee()).isEqualTo("col1");
        assertThat(tasks.get(0).status()).isEqualTo("OPEN");

        JsonNode second = run("2026-06-30");
        assertThat(second.get("tasksCreated").asInt()).isZero();
        assertThat(second.get("upToDate").asBoolean()).isTrue();
        assertThat(tasks(c)).hasSize(1);

        // a change elsewhere in the ledger makes the run evaluate again, still without doubling
        invoice(customer(g), "B", "2026-05-01", "2026-06-29", "10.00");
        JsonNode third = run("2026-06-30");
        assertThat(third.get("upToDate").asBoolean()).isFalse();
        assertThat(tasks(c)).hasSize(1);
        assertThat(third.get("tasksByStep").get("+1 PHONE").asInt()).isEqualTo(1);
    }

    @Test
    void aCustomerOwingMoreThanOneInvoiceCanHoldDoesNotStopTheRun() throws Exception {
        String g = grade();
        strategyFor(g, 7);
        String big = customer(g);
        // each invoice fits NUMERIC(19, 2); their sum (and the priority computed from it) does not
        invoice(big, "A", "2026-05-01", "2026-06-20", "90000000000000000.00");
        invoice(big, "B", "2026-05-01", "2026-06-20", "90000000000000000.00");
        String small = customer(g);
        invoice(small, "A", "2026-05-01", "2026-06-20", "100.00");

        run("2026-06-30");
        assertThat(tasks(big)).hasSize(1);
        assertThat(tasks(small)).hasSize(1);
        assertThat(jdbc.sql("SELECT t.overdue_amount FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = ?")
                .param(big).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("180000000000000000.00");
    }

    @Test
    void missedDaysAreCaughtUpOnce() throws Exception {
        String g = grade();
        strategyFor(g, 1, 2, 3, 4, 6);
        String c = customer(g);
        invoice(c, "A", "2026-05-01", "2026-06-10", "800.00");

        run("2026-06-11");
        assertThat(tasks(c)).extracting(Task::offset).containsExactly(1);
        // 06-12, 06-13 and 06-14 without a run: the run for 06-14 creates what those days would have
        JsonNode catchUp = run("2026-06-14");
        assertThat(catchUp.get("windowFrom").asString()).isEqualTo("2026-06-11");
        assertThat(tasks(c)).extracting(Task::offset).containsExactly(1, 2, 3, 4);
        assertThat(tasks(c)).extracting(Task::due).containsExactly(LocalDate.parse("2026-06-11"), LocalDate.parse("2026-06-12"),
                LocalDate.parse("2026-06-13"), LocalDate.parse("2026-06-14"));
        run("2026-06-14");
        assertThat(tasks(c)).hasSize(4);
        run("2026-06-15");
        assertThat(tasks(c)).hasSize(4);
        run("2026-06-16");
        assertThat(tasks(c)).extracting(Task::offset).containsExactly(1, 2, 3, 4, 6);
    }

    @Test
    void aPaymentResetsTheCycle() throws Exception {
        String g = grade();
        strategyFor(g, 1, 5, 10);
        String c = customer(g);
        invoice(c, "A", "2026-05-01", "2026-06-01", "1000.00");

        run("2026-06-12");
        assertThat(tasks(c)).extracting(Task::key).containsExactly("S:1900-01-01:10");
        payment(c, "2026-06-13", "100.00");
        JsonNode after = run("2026-06-14");
        List<Task> tasks = tasks(c);
        // the old cycle's open step is cancelled; the new cycle starts again at +1 from the payment
        assertThat(tasks).extracting(Task::key, Task::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("S:1900-01-01:10", "CANCELLED"),
                org.assertj.core.groups.Tuple.tuple("S:2026-06-13:1", "OPEN"));
        assertThat(after.get("cancelled").asInt()).isGreaterThanOrEqualTo(1);
        run("2026-06-18");
        assertThat(tasks(c)).extracting(Task::key).contains("S:2026-06-13:5");
    }

    @Test
    void disputedItemsAndCustomersUnderAPromiseArePaused() throws Exception {
        String g = grade();
        strategyFor(g, 1, 7);
        String disputed = customer(g);
        invoice(disputed, "A", "2026-05-01", "2026-06-01", "1000.00");
        call(post("/api/invoices/A-" + disputed + "/disputes"), "finance", """
                {"openedOn":"2026-06-05","reason":"质量异议"}""").andExpect(status().isCreated());
        String partly = customer(g);
        invoice(partly, "A", "2026-05-01", "2026-06-01", "1000.00");
        invoice(partly, "B", "2026-05-01", "2026-06-20", "300.00");
        call(post("/api/invoices/A-" + partly + "/disputes"), "finance", """
                {"openedOn":"2026-06-05","reason":"价格争议"}""").andExpect(status().isCreated());
        String promised = customer(g);
        invoice(promised, "A", "2026-05-01", "2026-06-01", "1000.00");
        long id = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(promised).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO promise (customer_id, amount, made_on, promised_date, status, created_by, created_at)
                VALUES (?, 1000, DATE '2026-06-25', DATE '2026-07-05', 'OPEN', 'col1', CURRENT_TIMESTAMP)""").param(id).update();

        JsonNode r = run("2026-06-30");
        assertThat(tasks(disputed)).isEmpty();
        assertThat(tasks(promised)).isEmpty();
        // only the undisputed invoice counts: anchored on its due date 06-20, so +7 (06-27)
        assertThat(tasks(partly)).extracting(Task::offset).containsExactly(7);
        assertThat(r.get("paused").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT segment_code FROM customer_segment s JOIN customer c ON c.id = s.customer_id WHERE c.code = ?")
                .param(partly).query(String.class).single()).isEqualTo("G_" + g);
    }

    @Test
    void onlyTheDisputedAmountIsPausedTheUndisputedRestIsStillDunned() throws Exception {
        String g = grade();
        strategyFor(g, 1, 7);
        String partly = customer(g);
        invoice(partly, "A", "2026-05-01", "2026-06-01", "1000.00");
        call(post("/api/invoices/A-" + partly + "/disputes"), "finance", """
                {"openedOn":"2026-06-05","reason":"部分质量问题","amount":"400.00","category":"QUALITY","owner":"QUALITY"}""")
                .andExpect(status().isCreated());
        String whole = customer(g);
        invoice(whole, "A", "2026-05-01", "2026-06-01", "1000.00");
        call(post("/api/invoices/A-" + whole + "/disputes"), "finance", """
                {"openedOn":"2026-06-05","reason":"全额争议","amount":"1000.00"}""").andExpect(status().isCreated());

        run("2026-06-30");
        // the undisputed 600.00 keeps the invoice's due date as the anchor: the +7 step, for 600.00 (not 1000.00)
        assertThat(tasks(partly)).extracting(Task::offset).containsExactly(7);
        assertThat(jdbc.sql("SELECT t.overdue_amount FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = ?")
                .param(partly).query(BigDecimal.class).single()).isEqualByComparingTo("600.00");
        assertThat(tasks(whole)).isEmpty();
    }

    @Test
    void tasksKeepTheStrategyVersionThatProducedThem() throws Exception {
        String g = grade();
        String strategy = strategyFor(g, 1, 3);
        String c = customer(g);
        invoice(c, "A", "2026-05-01", "2026-06-10", "700.00");
        run("2026-06-11");
        long v1 = tasks(c).get(0).versionId();

        JsonNode saved = Api.json(call(put("/api/strategies/" + strategy + "/steps"), "boss", """
                {"note":"call earlier, then visit","steps":[{"dayOffset":1,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"},
                 {"dayOffset":2,"channel":"VISIT","tone":"FIRM","ownerRole":"COLLECTOR"}]}""").andExpect(status().isOk()));
        assertThat(saved.get("currentVersion").asInt()).isEqualTo(2);
        run("2026-06-12");
        List<Task> tasks = tasks(c);
        assertThat(tasks).extracting(Task::offset).containsExactly(1, 2);
        assertThat(tasks.get(0).versionId()).isEqualTo(v1);
        assertThat(tasks.get(1).versionId()).isNotEqualTo(v1);
        JsonNode versions = Api.json(call(get("/api/strategies/" + strategy + "/versions"), "col1", null));
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(1).get("steps").size()).isEqualTo(2);
        assertThat(versions.get(1).get("steps").get(1).get("dayOffset").asInt()).isEqualTo(3);
        call(get("/api/strategies/" + strategy).param("version", "1"), "col1", null)
                .andExpect(jsonPath("$.version.steps[1].dayOffset").value(3));
    }

    @Test
    void theDryRunShowsWhatAChangeWouldCreateTodayWithoutSavingIt() throws Exception {
        String g = grade();
        String strategy = strategyFor(g, 30);
        String c1 = customer(g);
        invoice(c1, "A", "2026-05-01", "2026-06-20", "900.00");
        String c2 = customer(g);
        invoice(c2, "A", "2026-05-01", "2026-06-25", "100.00");

        JsonNode dry = Api.json(call(post("/api/strategies/" + strategy + "/dry-run"), "boss", """
                {"steps":[{"dayOffset":3,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"},
                 {"dayOffset":30,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR","minAmount":500}]}""").andExpect(status().isOk()));
        assertThat(dry.get("customersInStrategy").asInt()).isEqualTo(2);
        assertThat(dry.get("current").get("tasks").asInt()).isZero();
        assertThat(dry.get("candidate").get("tasks").asInt()).isEqualTo(2);
        assertThat(dry.get("candidate").get("byStep").get("+3 PHONE").asInt()).isEqualTo(2);
        assertThat(dry.get("sample").get(0).get("customerCode").asString()).isEqualTo(c1);
        // nothing saved: still version 1, no task
        call(get("/api/strategies/" + strategy), "boss", null).andExpect(jsonPath("$.currentVersion").value(1));
        assertThat(tasks(c1)).isEmpty();
        call(post("/api/strategies/" + strategy + "/dry-run"), "col1", """
                {"steps":[{"dayOffset":3,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"}]}""").andExpect(status().isForbidden());
    }

    @Test
    void badInputIsNamedAndNothingIsSaved() throws Exception {
        call(post("/api/collection-runs").param("asOf", "2026-07-01"), "boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        call(post("/api/collection-runs").param("asOf", "30/06/2026"), "boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        call(post("/api/collection-runs"), "col1", null).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM collection_run").query(Integer.class).single()).isZero();

        call(put("/api/strategies/STANDARD/steps"), "boss", """
                {"steps":[{"dayOffset":1,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"},
                 {"dayOffset":1,"channel":"FAX","tone":"FIRM","ownerRole":"COLLECTOR"}]}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("steps[1].channel"));
        call(put("/api/strategies/STANDARD/steps"), "boss", """
                {"steps":[{"dayOffset":1,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"},
                 {"dayOffset":1,"channel":"SMS","tone":"FIRM","ownerRole":"COLLECTOR","minAmount":-5}]}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("steps[1].dayOffset"))
                .andExpect(jsonPath("$.errors[1].field").value("steps[1].minAmount"));
        call(put("/api/strategies/STANDARD/steps"), "col1", """
                {"steps":[{"dayOffset":1,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"}]}""").andExpect(status().isForbidden());
        call(get("/api/strategies/STANDARD"), "boss", null).andExpect(jsonPath("$.currentVersion").value(1));

        call(put("/api/segments/BAD_ONE"), "boss", """
                {"nameZh":"坏","nameEn":"Bad","position":5,"minDaysOverdue":30,"maxDaysOverdue":10,"flag":"VIP","strategyCode":"NOPE"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("minDaysOverdue"))
                .andExpect(jsonPath("$.errors[1].field").value("flag"))
                .andExpect(jsonPath("$.errors[2].field").value("strategyCode"));
        call(get("/api/segments/BAD_ONE"), "boss", null).andExpect(status().isNotFound());
    }

    @Test
    void aRunStoppedMidwayIsCompletedByTheNextWithoutDuplicates() throws Exception {
        String g = grade();
        strategyFor(g, 1, 4);
        List<String> customers = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String c = customer(g);
            invoice(c, "A", "2026-05-01", "2026-06-25", "100.00");
            customers.add(c);
        }
        // chunks of two customers: stop after the first is committed, as a killed node would
        runs.afterChunk = n -> {
            if (n == 1) {
                throw new CollectionRuns.StoppedMidway();
            }
        };
        assertThatThrownBy(() -> runs.run(LocalDate.parse("2026-06-29"), "TEST")).isInstanceOf(CollectionRuns.StoppedMidway.class);
        Map<String, Object> stopped = jdbc.sql("SELECT id, status, last_customer_id FROM collection_run").query().singleRow();
        assertThat(stopped.get("status")).isEqualTo("RUNNING");
        int before = customers.stream().mapToInt(c -> tasks(c).size()).sum();
        assertThat(before).isLessThan(5);

        runs.afterChunk = n -> {
        };
        CollectionRun resumed = runs.run(LocalDate.parse("2026-06-29"), "TEST");
        assertThat(resumed.runId()).isEqualTo(((Number) stopped.get("id")).longValue());
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.status()).isEqualTo("DONE");
        for (String c : customers) {
            assertThat(tasks(c)).extracting(Task::offset).containsExactly(4);
        }
        assertThat(resumed.tasksByStep().get("+4 PHONE")).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM collection_run").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aMaliciousDefaulterFlagMovesTheCustomerToTheStrictStrategy() throws Exception {
        String plain = customer("B");
        invoice(plain, "A", "2026-05-01", "2026-06-25", "2000.00");
        String flagged = customer("B");
        invoice(flagged, "A", "2026-05-01", "2026-06-25", "2000.00");
        call(put("/api/customers/" + flagged + "/flags"), "col1", """
                {"flags":["MALICIOUS_DEFAULTER"],"reason":"转移资产"}""").andExpect(status().isForbidden());
        call(put("/api/customers/" + flagged + "/flags"), "boss", """
                {"flags":["VIP"],"reason":"x"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("flags"));
        call(put("/api/customers/" + flagged + "/flags"), "boss", """
                {"flags":["MALICIOUS_DEFAULTER"]}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(put("/api/customers/" + flagged + "/flags"), "boss", """
                {"flags":["malicious_defaulter"],"reason":"有能力还款却拒不付款，转移资产"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.flags[0]").value("MALICIOUS_DEFAULTER"));
        call(get("/api/customers/" + flagged + "/history"), "boss", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].reason").value("有能力还款却拒不付款，转移资产"));

        run("2026-06-30");
        // five days overdue: the standard strategy is at +1 (SMS); the strict one already at +5 (VISIT)
        assertThat(tasks(plain)).extracting(Task::offset).containsExactly(1);
        assertThat(tasks(flagged)).extracting(Task::offset).containsExactly(5);
        assertThat(jdbc.sql("SELECT segment_code FROM customer_segment s JOIN customer c ON c.id = s.customer_id WHERE c.code = ?")
                .param(flagged).query(String.class).single()).isEqualTo("MALICIOUS");
        // a malicious defaulter ranks higher for the same amount and age
        assertThat(tasks(flagged).get(0).priority()).isGreaterThan(tasks(plain).get(0).priority());
    }
}
