package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Legal cases through the API: opening on chosen or overdue invoices, stages and their date rules, deadlines turned into the
 * owner's tasks with the statutory due dates, recoveries posted as payments, invoices out of the daily run while a case is
 * open, the limitation events a case records, the 支付令 check condition by condition, bad input and roles. H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class LegalCaseBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    @BeforeEach
    void setUp() {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "boss", Role.MANAGER);
        Api.user(users, "legal", Role.LEGAL);
        Api.user(users, "legal2", Role.LEGAL);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "col1", Role.COLLECTOR);
        Api.user(users, "col2", Role.COLLECTOR);
        clock.set(LocalDate.of(2026, 6, 30), LocalTime.of(10, 0));
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    static String code() {
        return "LC" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    String customer(String owner, String region, String grade) throws Exception {
        String c = code();
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"测试客户%s","owner":"%s","region":%s,"grade":"%s"}"""
                .formatted(c, c, owner, region == null ? "null" : "\"" + region + "\"", grade)).andExpect(status().isCreated());
        return c;
    }

    String invoice(String customer, String no, String issue, String due, String amount) throws Exception {
        String n = no + "-" + customer;
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(n, customer, issue, due, amount)).andExpect(status().isCreated());
        return n;
    }

    long open(String user, String json) throws Exception {
        return Api.json(call(post("/api/legal-cases"), user, json).andExpect(status().isCreated())).get("id").asLong();
    }

    JsonNode stage(long id, String json) throws Exception {
        return Api.json(call(post("/api/legal-cases/" + id + "/stages"), "legal", json).andExpect(status().isCreated()));
    }

    record TaskRow(String key, String status, LocalDate due, String assignee, String kind) {
    }

    List<TaskRow> tasks(String customer) {
        return jdbc.sql("""
                SELECT t.task_key, t.status, t.due_date, t.assignee, t.kind FROM collection_task t JOIN customer c ON c.id = t.customer_id
                WHERE c.code = ? ORDER BY t.due_date, t.id""").param(customer)
                .query((rs, n) -> new TaskRow(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5))).list();
    }

    @Test
    void aCaseOpensOnTheOverdueInvoicesWithTheirOpenAmountAsPrincipal() throws Exception {
        String c = customer("col1", "华东", "B");
        String a = invoice(c, "A", "2026-03-01", "2026-04-30", "1000.00");
        String b = invoice(c, "B", "2026-04-01", "2026-05-31", "500.50");
        invoice(c, "N", "2026-06-20", "2026-07-20", "300.00"); // not yet due: not in the case by default
        long id = open("legal", """
                {"customerCode":"%s","kind":"lawsuit","procedure":"SUMMARY","court":"苏州市中级人民法院","caseNo":"(2026)苏05民初1号",
                 "lawyer":"张律师 / 江苏某某律师事务所","interest":120.30,"penalty":50,"costs":1000}""".formatted(c));
        call(get("/api/legal-cases/" + id), "legal", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("LAWSUIT"))
                .andExpect(jsonPath("$.procedure").value("SUMMARY"))
                .andExpect(jsonPath("$.invoiceNos.length()").value(2))
                .andExpect(jsonPath("$.invoiceNos[0]").value(a))
                .andExpect(jsonPath("$.invoiceNos[1]").value(b))
                .andExpect(jsonPath("$.principal").value(1500.50))
                .andExpect(jsonPath("$.claimTotal").value(2670.80))
                .andExpect(jsonPath("$.owner").value("legal"))
                .andExpect(jsonPath("$.status").value("OPEN"));
        call(get("/api/legal-cases").param("customer", c).param("status", "open"), "finance", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].claimTotal").value(2670.80))
                .andExpect(jsonPath("$.items[0].recovered").value(0));
        // chosen invoices: only those
        long second = open("boss", """
                {"customerCode":"%s","invoiceNos":["%s"],"kind":"PRESERVATION","owner":"legal2"}""".formatted(c, b));
        call(get("/api/legal-cases/" + second), "boss", null).andExpect(jsonPath("$.invoiceNos.length()").value(1))
                .andExpect(jsonPath("$.principal").value(500.50)).andExpect(jsonPath("$.owner").value("legal2"))
                .andExpect(jsonPath("$.procedure").doesNotExist());
    }

    @Test
    void aPaymentOrderServedOnTheSecondOfMarchCanBeObjectedToUntilTheSeventeenth() throws Exception {
        String c = customer("col1", "华南", "B");
        invoice(c, "A", "2025-10-01", "2025-12-31", "8000.00");
        long id = open("legal", """
                {"customerCode":"%s","kind":"PAYMENT_ORDER","court":"深圳市南山区人民法院","caseNo":"(2026)粤0305民督7号"}""".formatted(c));
        stage(id, """
                {"stage":"FILED","date":"2026-02-20"}""");
        JsonNode after = stage(id, """
                {"stage":"SERVED","date":"2026-03-02"}""");
        assertThat(after.get("deadlines").get(0).get("kind").asString()).isEqualTo("OBJECTION");
        assertThat(after.get("deadlines").get(0).get("date").asString()).isEqualTo("2026-03-17");
        assertThat(after.get("deadlines").get(0).get("daysLeft").asLong()).isEqualTo(-105); // as of 2026-06-30
        List<TaskRow> t = tasks(c).stream().filter(r -> r.kind().equals("LEGAL_DEADLINE")).toList();
        assertThat(t).hasSize(1);
        assertThat(t.get(0).due()).isEqualTo(LocalDate.of(2026, 3, 18)); // day 16: did the debtor object, is the order effective?
        assertThat(t.get(0).assignee()).isEqualTo("legal");
        assertThat(t.get(0).status()).isEqualTo("OPEN");
        assertThat(after.get("deadlines").get(0).get("taskId").isNull()).isFalse();
        // the order became effective: the objection check is done; enforcement within two years of its last day of performance
        JsonNode effective = stage(id, """
                {"stage":"EFFECTIVE","date":"2026-03-18"}""");
        assertThat(effective.get("deadlines")).hasSize(1);
        assertThat(effective.get("deadlines").get(0).get("kind").asString()).isEqualTo("ENFORCEMENT");
        assertThat(effective.get("deadlines").get(0).get("date").asString()).isEqualTo("2028-03-17");
        assertThat(tasks(c).stream().filter(r -> r.kind().equals("LEGAL_DEADLINE")).map(r -> r.status() + " " + r.due()))
                .containsExactly("CANCELLED 2026-03-18", "OPEN 2026-03-18");
    }

    @Test
    void aPeriodEndingOnAStatutoryHolidayEndsOnTheNextWorkingDayOnceTheYearIsLoaded() throws Exception {
        String c = customer("col1", "华南", "B");
        invoice(c, "A", "2025-10-01", "2025-12-31", "8000.00");
        long id = open("legal", """
                {"customerCode":"%s","kind":"PAYMENT_ORDER","court":"深圳市南山区人民法院"}""".formatted(c));
        stage(id, """
                {"stage":"FILED","date":"2026-04-01"}""");
        // served on 16 April: the 15 days end on 1 May (Labour Day), the first working day after the holiday is 6 May
        assertThat(stage(id, """
                {"stage":"SERVED","date":"2026-04-16"}""").get("deadlines").get(0).get("date").asString()).isEqualTo("2026-05-01");
        try {
            call(put("/api/legal/holidays/2026").contentType("text/csv").content("""
                    2026-05-01,HOLIDAY,劳动节
                    2026-05-02,HOLIDAY,劳动节
                    2026-05-03,HOLIDAY,劳动节
                    2026-05-04,HOLIDAY,劳动节
                    2026-05-05,HOLIDAY,劳动节
                    2026-05-09,WORKDAY,劳动节调休"""), "admin", null).andExpect(status().isOk());
            JsonNode moved = stage(id, """
                    {"stage":"SERVED","date":"2026-04-16","note":"served again after the calendar was loaded"}""");
            assertThat(moved.get("deadlines").get(0).get("date").asString()).isEqualTo("2026-05-06");
            assertThat(tasks(c).stream().filter(r -> r.status().equals("OPEN")).map(TaskRow::due)).containsExactly(LocalDate.of(2026, 5, 7));
        } finally {
            call(put("/api/legal/holidays/2026").contentType("text/csv").content(""), "admin", null).andExpect(status().isOk());
        }
    }

    @Test
    void aJudgmentGivesTheAppealAndEnforcementDeadlinesAndHearingsAReminder() throws Exception {
        String c = customer("col1", "华东", "B");
        invoice(c, "A", "2025-10-01", "2025-12-31", "8000.00");
        long id = open("legal", """
                {"customerCode":"%s","kind":"LAWSUIT","court":"上海市浦东新区人民法院"}""".formatted(c));
        stage(id, """
                {"stage":"FILED","date":"2026-03-01"}""");
        JsonNode h = stage(id, """
                {"stage":"HEARING","date":"2026-07-10","time":"09:30","place":"第三法庭"}""");
        assertThat(h.get("deadlines").get(0).get("kind").asString()).isEqualTo("HEARING");
        assertThat(h.get("deadlines").get(0).get("daysLeft").asLong()).isEqualTo(10);
        assertThat(tasks(c)).extracting(TaskRow::due).containsExactly(LocalDate.of(2026, 7, 7));
        call(get("/api/legal-cases/hearings").param("from", "2026-06-30"), "finance", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.caseId == %d)].place".formatted(id)).value("第三法庭"))
                .andExpect(jsonPath("$[?(@.caseId == %d)].time".formatted(id)).value("09:30"));
        JsonNode j = stage(id, """
                {"stage":"JUDGMENT","date":"2026-06-10","servedOn":"2026-06-15","performBy":"2026-06-25"}""");
        java.util.Map<String, String> dates = new java.util.HashMap<>();
        j.get("deadlines").forEach(d -> dates.put(d.get("kind").asString(), d.get("date").asString()));
        assertThat(dates).containsEntry("APPEAL", "2026-06-30").containsEntry("ENFORCEMENT", "2028-06-25").containsEntry("HEARING", "2026-07-10");
        assertThat(tasks(c)).extracting(TaskRow::due).containsExactly(LocalDate.of(2026, 6, 25), LocalDate.of(2026, 6, 26),
                LocalDate.of(2026, 7, 7));
        // enforcement applied: that deadline is met
        stage(id, """
                {"stage":"ENFORCEMENT_APPLIED","date":"2026-06-29"}""");
        assertThat(tasks(c).stream().filter(r -> r.key().contains(":ENFORCEMENT:")).map(TaskRow::status)).containsExactly("CANCELLED");
        // closed: nothing is due any more
        call(post("/api/legal-cases/" + id + "/close"), "legal", """
                {"date":"2026-06-30","outcome":"WON","note":"判决支持全部诉请"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED")).andExpect(jsonPath("$.outcome").value("WON"))
                .andExpect(jsonPath("$.deadlines.length()").value(0));
        assertThat(tasks(c)).allMatch(t -> !t.status().equals("OPEN"));
    }

    @Test
    void aRecoveryIsPostedAsAPaymentOnTheCaseInvoices() throws Exception {
        String c = customer("col1", "华东", "B");
        String a = invoice(c, "A", "2025-10-01", "2025-12-31", "1000.00");
        String b = invoice(c, "B", "2025-11-01", "2026-01-31", "2000.00");
        long id = open("legal", """
                {"customerCode":"%s","kind":"ENFORCEMENT"}""".formatted(c));
        call(post("/api/legal-cases/" + id + "/costs"), "legal", """
                {"category":"COURT_FEE","date":"2026-06-01","amount":550.00,"note":"受理费"}""").andExpect(status().isCreated());
        JsonNode r = Api.json(call(post("/api/legal-cases/" + id + "/recoveries"), "legal", """
                {"date":"2026-06-20","amount":1500.00,"note":"法院执行款"}""").andExpect(status().isCreated()));
        assertThat(r.get("recovered").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(r.get("costsPaid").decimalValue()).isEqualByComparingTo("550.00");
        assertThat(r.get("openAmount").decimalValue()).isEqualByComparingTo("1500.00");
        String ref = r.get("money").get(1).get("paymentRef").asString();
        assertThat(ref).isEqualTo("LC" + id + "-R1");
        call(get("/api/payments/" + ref), "finance", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.amount").value(1500.00)).andExpect(jsonPath("$.method").value("OTHER"))
                .andExpect(jsonPath("$.allocations[0].invoiceNo").value(a)).andExpect(jsonPath("$.allocations[0].amount").value(1000.00))
                .andExpect(jsonPath("$.allocations[1].invoiceNo").value(b)).andExpect(jsonPath("$.allocations[1].amount").value(500.00));
        call(get("/api/invoices/" + b), "finance", null).andExpect(jsonPath("$.open").value(1500.00));
        call(get("/api/legal-cases").param("customer", c), "legal", null).andExpect(jsonPath("$.items[0].recovered").value(1500.00));
    }

    @Test
    void whileACaseIsOpenItsInvoicesLeaveTheDailyRun() throws Exception {
        String grade = "L" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String strategy = "S_" + grade;
        call(post("/api/strategies"), "boss", """
                {"code":"%s","nameZh":"测试","nameEn":"Test","steps":[{"dayOffset":1,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"}]}"""
                .formatted(strategy)).andExpect(status().isCreated());
        call(put("/api/segments/G_" + grade), "boss", """
                {"nameZh":"测试","nameEn":"Test","position":1,"grades":"%s","strategyCode":"%s"}""".formatted(grade, strategy))
                .andExpect(status().isOk());
        String c = customer("col1", "华东", grade);
        invoice(c, "A", "2026-05-01", "2026-06-01", "1000.00");
        long id = open("legal", """
                {"customerCode":"%s","kind":"LAWSUIT"}""".formatted(c));
        call(post("/api/collection-runs").param("asOf", "2026-06-30"), "boss", null).andExpect(status().isOk());
        assertThat(tasks(c).stream().filter(t -> t.kind().equals("STEP"))).isEmpty();

        call(post("/api/legal-cases/" + id + "/close"), "legal", """
                {"date":"2026-06-30","outcome":"WITHDRAWN"}""").andExpect(status().isOk());
        clock.set(LocalDate.of(2026, 7, 1), LocalTime.of(10, 0));
        call(post("/api/collection-runs").param("asOf", "2026-07-01"), "boss", null).andExpect(status().isOk());
        assertThat(tasks(c).stream().filter(t -> t.kind().equals("STEP") && t.status().equals("OPEN"))).hasSize(1);
    }

    @Test
    void openStrategyTasksOfACustomerWithNothingElseToCollectAreCancelled() throws Exception {
        String c = customer("col1", "华东", "B");
        invoice(c, "A", "2026-05-01", "2026-06-01", "1000.00");
        long customerId = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(c).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO collection_task (customer_id, task_key, kind, channel, owner_role, assignee, due_date, priority, reason, status, created_at)
                VALUES (?, 'S:1900-01-01:1', 'STEP', 'PHONE', 'COLLECTOR', 'col1', DATE '2026-06-02', 1, 'x', 'OPEN', CURRENT_TIMESTAMP)""")
                .param(customerId).update();
        open("legal", """
                {"customerCode":"%s","kind":"LAWYER_LETTER"}""".formatted(c));
        assertThat(tasks(c)).extracting(TaskRow::status).containsExactly("CANCELLED");
    }

    record Event(String kind, LocalDate date, String source) {
    }

    List<Event> events(String customer) {
        return jdbc.sql("""
                SELECT e.kind, e.event_date, e.source FROM limitation_event e JOIN customer c ON c.id = e.customer_id WHERE c.code = ?
                ORDER BY e.event_date, e.id""").param(customer)
                .query((rs, n) -> new Event(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3))).list();
    }

    @Test
    void filingAndClosingReachTheLimitationClockAndALawyerLetterServedIsADemand() throws Exception {
        String c = customer("col1", "华东", "B");
        invoice(c, "A", "2025-05-01", "2025-06-01", "1000.00");
        long id = open("legal", """
                {"customerCode":"%s","kind":"ARBITRATION","court":"上海国际仲裁中心","caseNo":"SHIAC-2026-1"}""".formatted(c));
        stage(id, """
                {"stage":"FILED","date":"2026-04-01"}""");
        stage(id, """
                {"stage":"ACCEPTED","date":"2026-04-05"}""");
        call(post("/api/legal-cases/" + id + "/close"), "legal", """
                {"date":"2026-06-15","outcome":"MEDIATED"}""").andExpect(status().isOk());
        assertThat(events(c)).containsExactly(new Event("PROCEEDINGS_FILED", LocalDate.of(2026, 4, 1), "CASE"),
                new Event("PROCEEDINGS_ENDED", LocalDate.of(2026, 6, 15), "CASE"));
        String evidence = jdbc.sql("SELECT evidence FROM limitation_event WHERE source_ref = ? AND kind = 'PROCEEDINGS_FILED'")
                .param(String.valueOf(id)).query(String.class).single();
        assertThat(evidence).isEqualTo("ARBITRATION 上海国际仲裁中心 SHIAC-2026-1");

        String d = customer("col1", "华东", "B");
        invoice(d, "A", "2025-05-01", "2025-06-01", "1000.00");
        long letter = open("legal", """
                {"customerCode":"%s","kind":"LAWYER_LETTER","lawyer":"某某律师事务所"}""".formatted(d));
        stage(letter, """
                {"stage":"SERVED","date":"2026-06-10","note":"EMS 1234567890 签收"}""");
        assertThat(events(d)).containsExactly(new Event("DEMAND_DELIVERED", LocalDate.of(2026, 6, 10), "CASE"));
    }

    JsonNode check(String customer, String invoices, String extra, String user) throws Exception {
        var req = get("/api/legal-cases/payment-order-check").param("customer", customer);
        if (invoices != null) {
            req.param("invoiceNos", invoices);
        }
        if (extra != null) {
            req.param(extra.split("=")[0], extra.split("=")[1]);
        }
        return Api.json(call(req, user, null).andExpect(status().isOk()));
    }

    static String answer(JsonNode result, String condition) {
        for (JsonNode a : result.get("conditions")) {
            if (a.get("condition").asString().equals(condition)) {
                return a.get("status").asString() + ": " + a.get("reason").asString();
            }
        }
        throw new AssertionError(condition);
    }

    @Test
    void thePaymentOrderCheckNamesEachFailingCondition() throws Exception {
        String c = customer("col1", "华东", "B");
        String a = invoice(c, "A", "2026-01-01", "2026-03-31", "1000.00");
        String b = invoice(c, "B", "2026-06-01", "2026-07-31", "500.00");
        JsonNode ok = check(c, null, null, "legal");
        assertThat(ok.get("eligible").asBoolean()).isTrue();
        assertThat(ok.get("invoiceNos")).hasSize(1);
        assertThat(answer(ok, "MONEY_DEBT")).startsWith("PASS");
        assertThat(answer(ok, "SERVABLE_IN_CHINA")).isEqualTo("PASS: the customer's region 华东 is in mainland China");

        JsonNode notDue = check(c, a + "," + b, null, "finance");
        assertThat(notDue.get("eligible").asBoolean()).isFalse();
        assertThat(answer(notDue, "DUE")).isEqualTo("FAIL: not yet overdue: " + b + " (2026-07-31)");

        call(post("/api/invoices/" + a + "/disputes"), "finance", """
                {"openedOn":"2026-06-05","reason":"质量异议"}""").andExpect(status().isCreated());
        assertThat(answer(check(c, a, null, "legal"), "NO_DISPUTE")).isEqualTo("FAIL: a dispute is open on " + a);
        assertThat(answer(check(c, a, "counterObligation=true", "legal"), "NO_COUNTER_OBLIGATION")).startsWith("FAIL");
        assertThat(answer(check(c, a, "debtorInMainland=false", "legal"), "SERVABLE_IN_CHINA")).startsWith("FAIL");

        String hk = customer("col1", "香港", "B");
        invoice(hk, "A", "2026-01-01", "2026-03-31", "1000.00");
        assertThat(answer(check(hk, null, null, "legal"), "SERVABLE_IN_CHINA")).isEqualTo("FAIL: the customer's region 香港 is outside mainland China");
        String none = customer("col1", null, "B");
        invoice(none, "A", "2026-01-01", "2026-03-31", "1000.00");
        assertThat(answer(check(none, null, null, "legal"), "SERVABLE_IN_CHINA")).startsWith("FAIL: unknown");
        assertThat(answer(check(none, null, "debtorInMainland=true", "legal"), "SERVABLE_IN_CHINA")).startsWith("PASS");

        call(get("/api/legal-cases/payment-order-check").param("customer", c).param("invoiceNos", "NOPE"), "legal", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("invoiceNos[0]"));
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        String c = customer("col1", "华东", "B");
        String paid = invoice(c, "P", "2026-01-01", "2026-02-28", "100.00");
        call(post("/api/payments"), "finance", """
                {"paymentRef":"PP-%s","customerCode":"%s","paymentDate":"2026-03-01","amount":100}""".formatted(c, c)).andExpect(status().isCreated());
        call(post("/api/legal-cases"), "legal", """
                {"customerCode":"%s","kind":"LAWSUIT"}""".formatted(c)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("invoiceNos"));
        invoice(c, "A", "2026-01-01", "2026-03-31", "1000.00");
        call(post("/api/legal-cases"), "legal", """
                {"customerCode":"%s","kind":"SUIT"}""".formatted(c)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        call(post("/api/legal-cases"), "legal", """
                {"customerCode":"%s","kind":"ARBITRATION","procedure":"SUMMARY","principal":-1,"interest":1.234,"owner":"col1",
                 "invoiceNos":["%s","NOPE"]}""".formatted(c, paid)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'procedure')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'principal')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'interest')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'owner')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'invoiceNos[0]')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'invoiceNos[1]')]").exists());
        assertThat(jdbc.sql("SELECT count(*) FROM legal_case k JOIN customer c ON c.id = k.customer_id WHERE c.code = ?").param(c)
                .query(Long.class).single()).isZero();

        long id = open("legal", """
                {"customerCode":"%s","kind":"LAWSUIT"}""".formatted(c));
        call(post("/api/legal-cases/" + id + "/stages"), "legal", """
                {"stage":"ACCEPTED","date":"2026-07-01"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        stage(id, """
                {"stage":"FILED","date":"2026-05-10"}""");
        call(post("/api/legal-cases/" + id + "/stages"), "legal", """
                {"stage":"ACCEPTED","date":"2026-05-01"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        call(post("/api/legal-cases/" + id + "/stages"), "legal", """
                {"stage":"HEARING","date":"2026-05-01","time":"25:00"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'date')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'time')]").exists());
        call(post("/api/legal-cases/" + id + "/stages"), "legal", """
                {"stage":"JUDGMENT","date":"2026-06-10","servedOn":"2026-06-01"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("servedOn"));
        call(post("/api/legal-cases/" + id + "/stages"), "legal", """
                {"stage":"FILED","date":"2026-05-09"}""").andExpect(status().isConflict());
        call(post("/api/legal-cases/" + id + "/stages"), "legal", """
                {"stage":"ACCEPTED","date":"2026-02-30"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        call(post("/api/legal-cases/" + id + "/stages"), "legal", """
                {"stage":"CLOSED","date":"2026-06-01"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stage"));
        call(get("/api/legal-cases/hearings").param("from", "someday"), "legal", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        call(get("/api/legal-cases").param("status", "PENDING"), "legal", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        call(post("/api/legal-cases/" + id + "/costs"), "legal", """
                {"category":"TIP","date":"2026-06-01","amount":1}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        call(post("/api/legal-cases/" + id + "/recoveries"), "legal", """
                {"date":"2026-06-01","amount":0}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'amount')]").exists());
        call(post("/api/legal-cases/" + id + "/close"), "legal", """
                {"date":"2026-06-30"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        call(post("/api/legal-cases/" + id + "/close"), "legal", """
                {"date":"2026-06-30","outcome":"LOST"}""").andExpect(status().isOk());
        call(post("/api/legal-cases/" + id + "/stages"), "legal", """
                {"stage":"ACCEPTED","date":"2026-06-30"}""").andExpect(status().isConflict());
        call(get("/api/legal-cases/999999999"), "legal", null).andExpect(status().isNotFound());
    }

    @Test
    void financeReadsCollectorsReadTheirOwnAndOnlyLegalAndManagersWrite() throws Exception {
        String mine = customer("col1", "华东", "B");
        invoice(mine, "A", "2026-01-01", "2026-03-31", "1000.00");
        String theirs = customer("col2", "华东", "B");
        invoice(theirs, "A", "2026-01-01", "2026-03-31", "1000.00");
        long m = open("legal", """
                {"customerCode":"%s","kind":"LAWSUIT"}""".formatted(mine));
        long t = open("admin", """
                {"customerCode":"%s","kind":"LAWSUIT","owner":"legal"}""".formatted(theirs));
        String body = """
                {"customerCode":"%s","kind":"LAWSUIT"}""".formatted(mine);
        call(post("/api/legal-cases"), "finance", body).andExpect(status().isForbidden());
        call(post("/api/legal-cases"), "col1", body).andExpect(status().isForbidden());
        call(post("/api/legal-cases/" + m + "/stages"), "finance", """
                {"stage":"FILED","date":"2026-06-01"}""").andExpect(status().isForbidden());
        call(get("/api/legal-cases/" + m), "finance", null).andExpect(status().isOk());
        call(get("/api/legal-cases/" + m), "col1", null).andExpect(status().isOk());
        call(get("/api/legal-cases/" + t), "col1", null).andExpect(status().isNotFound());
        JsonNode list = Api.json(call(get("/api/legal-cases").param("size", "500"), "col1", null).andExpect(status().isOk()));
        assertThat(list.get("items").findValuesAsString("customerCode")).contains(mine).doesNotContain(theirs);
        call(get("/api/legal-cases"), "anonymous-nobody", null).andExpect(status().isUnauthorized());
    }
}
