package io.huikuan.insight;

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
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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
 * What works (issue 17, item 4) on a small worked example, on H2 and PostgreSQL. A strategy of one PHONE step seven days
 * after due makes a task for customers A (1000.00 due 25 May 2025) and B (500.00). On 2 June the collector calls both
 * from their tasks: A promises 1000.00 by 10 June (script S01), B is not reached. On 5 June the collector e-mails A by
 * hand. A pays 1000.00 on 8 June, B 200.00 on 20 June. Judged on 31 July, for actions in June, attribution 14 days:
 * A's payment is owed to the e-mail by last touch and half each by an even split; B's payment came 18 days after the
 * call, so it is owed to nothing but counts in "received within 30 days"; A is cured 30 days on, B is not.
 */
@SpringBootTest(properties = "huikuan.outbox.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class EffectivenessBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;

    String run;
    String collector;
    String a;
    String b;

    @BeforeEach
    void setUp() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "boss", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        run = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        collector = "ef-" + run.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
        String grade = "E" + run;
        String strategy = "S_" + grade;
        clock.set(LocalDate.parse("2025-05-20"), LocalTime.of(9, 0));
        call(post("/api/strategies"), "boss", """
                {"code":"%s","nameZh":"效果测试","nameEn":"Effectiveness","steps":[{"dayOffset":7,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"}]}"""
                .formatted(strategy)).andExpect(status().isCreated());
        call(put("/api/segments/G_" + grade), "boss", """
                {"nameZh":"效果测试","nameEn":"Effectiveness","position":1,"grades":"%s","strategyCode":"%s"}""".formatted(grade, strategy))
                .andExpect(status().isOk());
        a = customer("A", grade, collector);
        b = customer("B", grade, collector);
        invoice(a, "1000.00");
        invoice(b, "500.00");
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    String customer(String suffix, String grade, String owner) throws Exception {
        String code = "EF-" + run + "-" + suffix;
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"效果客户 %s","owner":"%s","grade":"%s"}""".formatted(code, suffix, owner, grade)).andExpect(status().isCreated());
        return code;
    }

    void invoice(String customer, String amount) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-1","customerCode":"%s","issueDate":"2025-04-25","dueDate":"2025-05-25","amount":%s}"""
                .formatted(customer, customer, amount)).andExpect(status().isCreated());
    }

    void payment(String customer, String date, String amount) throws Exception {
        call(post("/api/payments"), "finance", """
                {"paymentRef":"P%s","customerCode":"%s","paymentDate":"%s","amount":%s}"""
                .formatted(UUID.randomUUID().toString().substring(0, 12), customer, date, amount)).andExpect(status().isCreated());
    }

    long task(String customer) {
        return jdbc.sql("SELECT t.id FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = ? AND t.kind = 'STEP'")
                .param(customer).query(Long.class).single();
    }

    void activity(String user, String json) throws Exception {
        call(post("/api/activities"), user, json).andExpect(status().isCreated());
    }

    /** The worked example's facts, up to 31 July 2025. */
    void workedExample() throws Exception {
        clock.set(LocalDate.parse("2025-06-01"), LocalTime.of(9, 0));
        call(post("/api/collection-runs").param("asOf", "2025-06-01"), "boss", null).andExpect(status().isOk());
        clock.set(LocalDate.parse("2025-06-02"), LocalTime.of(10, 0));
        activity(collector, """
                {"customerCode":"%s","taskId":%d,"channel":"PHONE","outcome":"PROMISE","promiseAmount":1000.00,"promiseDate":"2025-06-10","script":"S01"}"""
                .formatted(a, task(a)));
        activity(collector, """
                {"customerCode":"%s","taskId":%d,"channel":"PHONE","outcome":"NOT_REACHED"}""".formatted(b, task(b)));
        clock.set(LocalDate.parse("2025-06-05"), LocalTime.of(10, 0));
        activity(collector, """
                {"customerCode":"%s","channel":"EMAIL","outcome":"SENT"}""".formatted(a));
        clock.set(LocalDate.parse("2025-06-21"), LocalTime.of(10, 0));
        payment(a, "2025-06-08", "1000.00");
        payment(b, "2025-06-20", "200.00");
        clock.set(LocalDate.parse("2025-07-31"), LocalTime.of(10, 0));
        call(post("/api/collection-runs").param("asOf", "2025-07-31"), "boss", null).andExpect(status().isOk());
    }

    JsonNode report(String user, String query) throws Exception {
        return Api.json(call(get("/api/insight/effectiveness?" + query), user, null).andExpect(status().isOk()));
    }

    /** This test's rows (other tests' actions share the database), by key. */
    Map<String, JsonNode> rows(JsonNode report) {
        Map<String, JsonNode> rows = new HashMap<>();
        report.get("rows").forEach(r -> rows.put(r.get("key").asString(), r));
        return rows;
    }

    @Test
    void theWorkedExampleByChannelStrategyStepScriptAndCollector() throws Exception {
        workedExample();
        String period = "from=2025-06-01&to=2025-06-30&asOf=2025-07-31&attributionDays=14";
        JsonNode byCollector = report("boss", "dimension=COLLECTOR&" + period);
        JsonNode mine = rows(byCollector).get(collector);
        assertThat(mine.get("contacts").asLong()).isEqualTo(3);
        assertThat(mine.get("customers").asLong()).isEqualTo(2);
        assertThat(mine.get("promises").asLong()).isEqualTo(1);
        assertThat(mine.get("promisesKept").asLong()).isEqualTo(1);
        assertThat(mine.get("promiseKeeping").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(mine.get("collected7").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(mine.get("collected30").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(mine.get("lastTouch").decimalValue()).as("B's payment came 18 days after the call").isEqualByComparingTo("1000.00");
        assertThat(mine.get("evenSplit").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(mine.get("cured").asLong()).isEqualTo(1);
        assertThat(mine.get("cureJudged").asLong()).isEqualTo(2);
        assertThat(mine.get("cureRate").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(mine.get("cost").decimalValue()).as("two calls at 1.00, an e-mail at 0").isEqualByComparingTo("2.00");

        // this test's collector only: a collector sees their own actions
        JsonNode own = report(collector, "dimension=CHANNEL&" + period);
        Map<String, JsonNode> channels = rows(own);
        assertThat(channels.keySet()).containsExactlyInAnyOrder("PHONE", "EMAIL");
        assertThat(channels.get("PHONE").get("label").asString()).isEqualTo("电话");
        assertThat(channels.get("PHONE").get("lastTouch").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(channels.get("PHONE").get("evenSplit").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(channels.get("PHONE").get("collected7").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(channels.get("PHONE").get("collected30").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(channels.get("PHONE").get("cureRate").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(channels.get("EMAIL").get("lastTouch").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(channels.get("EMAIL").get("evenSplit").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(channels.get("EMAIL").get("cureRate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(own.get("total").get("contacts").asLong()).isEqualTo(3);
        assertThat(own.get("total").get("lastTouch").decimalValue()).isEqualByComparingTo("1000.00");

        Map<String, JsonNode> strategies = rows(report(collector, "dimension=STRATEGY&" + period));
        assertThat(strategies.get("S_E" + run + " v1").get("contacts").asLong()).isEqualTo(2);
        assertThat(strategies.get("MANUAL").get("contacts").asLong()).isEqualTo(1);
        assertThat(rows(report(collector, "dimension=STEP&" + period)).get("S_E" + run + " v1 +7 PHONE").get("promises").asLong()).isEqualTo(1);
        Map<String, JsonNode> scripts = rows(report(collector, "dimension=SCRIPT&" + period));
        assertThat(scripts.get("S01").get("contacts").asLong()).isEqualTo(1);
        assertThat(scripts.get("S01").get("promiseKeeping").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(scripts.get("NONE").get("contacts").asLong()).isEqualTo(2);
        assertThat(rows(report(collector, "dimension=TEMPLATE&" + period)).get("NONE").get("contacts").asLong()).isEqualTo(3);
    }

    @Test
    void asOfADayOnlyFactsDatedByThenCount() throws Exception {
        workedExample();
        JsonNode early = rows(report(collector, "dimension=COLLECTOR&from=2025-06-01&to=2025-06-15&asOf=2025-06-15&attributionDays=14")).get(collector);
        assertThat(early.get("collected30").decimalValue()).as("B's payment of 20 June is after the date").isEqualByComparingTo("1000.00");
        assertThat(early.get("cureJudged").asLong()).as("30 days have not passed").isZero();
        assertThat(early.get("cureRate").isNull()).isTrue();
        assertThat(early.get("promisesKept").asLong()).as("kept on 8 June, when the payment reached it").isEqualTo(1);
        JsonNode before = rows(report(collector, "dimension=COLLECTOR&from=2025-06-01&to=2025-06-07&asOf=2025-06-07")).get(collector);
        assertThat(before.get("promises").asLong()).isEqualTo(1);
        assertThat(before.get("promisesJudged").asLong()).as("not yet judged on 7 June").isZero();
        assertThat(before.get("collected7").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(before.get("lastTouch").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void badInputIsNamedCostsAreTheManagersAndAnUnknownScriptIsRefused() throws Exception {
        call(get("/api/insight/effectiveness?from=2025-06-30&to=2025-06-01&asOf=2025-07-31"), "boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        call(get("/api/insight/effectiveness?to=2025-08-01&asOf=2025-07-31"), "boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        call(get("/api/insight/effectiveness?attributionDays=0"), "boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attributionDays"));
        call(get("/api/insight/effectiveness?dimension=FOO"), "boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dimension"));
        call(get("/api/insight/effectiveness?from=2024-01-01&to=2025-07-01&asOf=2025-07-31"), "boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));

        call(put("/api/insight/channel-costs"), collector, "{\"PHONE\":\"3.00\"}").andExpect(status().isForbidden());
        call(put("/api/insight/channel-costs"), "boss", "{\"LETTER\":\"-1\",\"FAX\":\"1\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'LETTER')]").exists()).andExpect(jsonPath("$.errors[?(@.field == 'FAX')]").exists());
        assertThat(Api.json(call(get("/api/insight/channel-costs"), "boss", null)).get("LETTER").decimalValue()).as("nothing half-written")
                .isEqualByComparingTo("25.00");

        clock.set(LocalDate.parse("2025-06-02"), LocalTime.of(10, 0));
        call(post("/api/activities"), collector, """
                {"customerCode":"%s","channel":"PHONE","outcome":"REACHED","script":"NO-SUCH"}""".formatted(a)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("script"));
    }

    @Test
    void theCostOfAnActionFollowsTheManagersPriceAndThePageExportsTheTableAsXlsx() throws Exception {
        workedExample();
        try {
            call(put("/api/insight/channel-costs"), "boss", "{\"PHONE\":\"3.50\"}").andExpect(status().isOk());
            String period = "from=2025-06-01&to=2025-06-30&asOf=2025-07-31&attributionDays=14";
            assertThat(rows(report(collector, "dimension=CHANNEL&" + period)).get("PHONE").get("cost").decimalValue()).isEqualByComparingTo("7.00");

            String page = call(get("/insight/effectiveness?dimension=CHANNEL&" + period), collector, null).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).contains("效果分析", "电话", "1,200.00", "50.0%");
            byte[] xlsx = call(get("/insight/effectiveness.xlsx?dimension=CHANNEL&" + period), collector, null).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            List<List<String>> cells = new ArrayList<>();
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                for (Row r : wb.getFirstSheet().read()) {
                    List<String> row = new ArrayList<>();
                    r.forEach(c -> row.add(c == null ? "" : c.getText()));
                    cells.add(row);
                }
            }
            assertThat(cells.getFirst()).startsWith("渠道", "联系次数");
            List<String> phone = cells.stream().filter(r -> r.getFirst().equals("电话")).findFirst().orElseThrow();
            assertThat(phone.get(1)).isEqualTo("2");
            assertThat(new java.math.BigDecimal(phone.get(7))).isEqualByComparingTo("1200.00");
            assertThat(cells.getLast().getFirst()).isEqualTo("合计");
        } finally {
            call(put("/api/insight/channel-costs"), "boss", "{\"PHONE\":\"1.00\"}").andExpect(status().isOk());
        }
    }
}
