package io.huikuan.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalTime;
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
 * Segments use the credit data (issue 15, item 5) on H2 and PostgreSQL: a score range, the effective credit grade and the
 * exposure over the limit (orders reported by the ERP included) decide the segment in the daily run and in the dry run,
 * read from the stored daily score snapshots through strategy's {@code SegmentSignals}; the rules are checked and shown.
 * Each test's segment also names a typed grade unique to it, so only its own customers can fall in it.
 */
@SpringBootTest(properties = "huikuan.outbox.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class CreditSegmentBehaviour {

    static final LocalDate TODAY = LocalDate.parse("2025-06-10");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;

    String tag;

    @BeforeEach
    void setUp() {
        clock.set(TODAY, LocalTime.of(10, 0));
        Api.user(users, "cs-admin", Role.ADMIN);
        Api.user(users, "cs-boss", Role.MANAGER);
        Api.user(users, "cs-finance", Role.FINANCE);
        Api.user(users, "cs-col", Role.COLLECTOR);
        tag = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    /** A strategy of one +30 phone call and the first segment: the test's typed grade plus the credit rules given (JSON members). */
    String segment(String rules) throws Exception {
        String strategy = "S_" + tag;
        call(post("/api/strategies"), "cs-boss", """
                {"code":"%s","nameZh":"信用测试","nameEn":"Credit test","steps":[{"dayOffset":30,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"}]}"""
                .formatted(strategy)).andExpect(status().isCreated());
        call(put("/api/segments/G_" + tag), "cs-boss", """
                {"nameZh":"信用差","nameEn":"Poor credit","position":1,"grades":"%s","strategyCode":"%s",%s}""".formatted(tag, strategy, rules))
                .andExpect(status().isOk());
        return strategy;
    }

    /** A customer of the test's typed grade owing {@code amount}, 70 days overdue on {@link #TODAY}. */
    String customer(String suffix, String limit, String amount) throws Exception {
        String code = "CS-" + tag + "-" + suffix;
        call(post("/api/customers"), "cs-admin", """
                {"code":"%s","name":"信用分群 %s","owner":"cs-col","grade":"%s"%s}""".formatted(code, suffix, tag,
                limit == null ? "" : ",\"creditLimit\":" + limit)).andExpect(status().isCreated());
        call(post("/api/invoices"), "cs-finance", """
                {"invoiceNo":"%s-1","customerCode":"%s","issueDate":"2025-03-01","dueDate":"2025-04-01","amount":%s}"""
                .formatted(code, code, amount)).andExpect(status().isCreated());
        return code;
    }

    /** A stored daily score snapshot, as the 03:00 job leaves it. */
    void snapshot(String code, LocalDate day, int score, String grade) {
        jdbc.sql("INSERT INTO credit_score (customer_id, as_of, score, grade) SELECT id, ?, ?, ? FROM customer WHERE code = ?")
                .params(Date.valueOf(day), score, grade, code).update();
    }

    void run() throws Exception {
        call(post("/api/collection-runs").param("asOf", TODAY.toString()), "cs-boss", null).andExpect(status().isOk());
    }

    String segmentOf(String code) {
        return jdbc.sql("SELECT cs.segment_code FROM customer_segment cs JOIN customer c ON c.id = cs.customer_id WHERE c.code = ?")
                .param(code).query(String.class).optional().orElse(null);
    }

    @Test
    void aSegmentWithAMaximumScorePicksTheLowScoredCustomerAndNotTheOther() throws Exception {
        String strategy = segment("\"maxScore\":50");
        String low = customer("LOW", null, "5000.00");
        String high = customer("HIGH", null, "5000.00");
        String stale = customer("STALE", null, "5000.00");
        snapshot(low, TODAY.minusDays(2), 35, "E");
        snapshot(high, TODAY.minusDays(1), 91, "A");
        snapshot(stale, TODAY.minusDays(30), 20, "E");

        run();
        assertThat(segmentOf(low)).as("score 35 ≤ 50, from the snapshot two days before").isEqualTo("G_" + tag);
        assertThat(segmentOf(high)).as("score 91").isNotEqualTo("G_" + tag).isNotNull();
        assertThat(segmentOf(stale)).as("no snapshot in the last 7 days: no score, the bound does not hold").isNotEqualTo("G_" + tag);

        JsonNode dry = Api.json(call(post("/api/strategies/" + strategy + "/dry-run"), "cs-boss", """
                {"steps":[{"dayOffset":3,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"}]}""").andExpect(status().isOk()));
        assertThat(dry.get("customersInStrategy").asInt()).isEqualTo(1);
        assertThat(dry.get("candidate").get("tasks").asInt()).isEqualTo(1);
        assertThat(dry.get("sample").get(0).get("customerCode").asString()).isEqualTo(low);

        // a better score stored today moves the customer out at the next run of the day
        snapshot(low, TODAY, 80, "B");
        run();
        assertThat(segmentOf(low)).isNotEqualTo("G_" + tag);
    }

    @Test
    void theCreditGradeRuleUsesTheOverrideInForceElseTheComputedGrade() throws Exception {
        segment("\"creditGrades\":\"e, d\"");
        String computed = customer("D", null, "5000.00");
        String overridden = customer("OVR", null, "5000.00");
        String good = customer("A", null, "5000.00");
        snapshot(computed, TODAY.minusDays(1), 45, "D");
        snapshot(overridden, TODAY.minusDays(1), 88, "A");
        snapshot(good, TODAY.minusDays(1), 88, "A");
        call(put("/api/customers/" + overridden + "/credit/override"), "cs-boss", """
                {"grade":"E","reason":"法院公告：被执行人","expiresOn":"2025-12-31"}""").andExpect(status().isOk());

        run();
        assertThat(segmentOf(computed)).isEqualTo("G_" + tag);
        assertThat(segmentOf(overridden)).as("computed A, overridden to E").isEqualTo("G_" + tag);
        assertThat(segmentOf(good)).isNotEqualTo("G_" + tag);
        call(get("/api/segments/G_" + tag), "cs-col", null).andExpect(jsonPath("$.creditGrades").value("D,E"));
    }

    @Test
    void overLimitCountsTheOpenReceivablesAndTheOrdersTheErpReported() throws Exception {
        segment("\"overLimit\":true");
        String c = customer("OL", "10000.00", "8000.00");
        String noLimit = customer("NL", null, "80000.00");
        run();
        assertThat(segmentOf(c)).as("8,000 of 10,000").isNotEqualTo("G_" + tag);
        assertThat(segmentOf(noLimit)).as("no limit: never over it").isNotEqualTo("G_" + tag);

        call(put("/api/open-orders/SO-" + tag), "cs-finance", """
                {"customerCode":"%s","amount":"2500.00","status":"OPEN"}""".formatted(c)).andExpect(status().isOk());
        run();
        assertThat(segmentOf(c)).as("8,000 + an open order of 2,500 > 10,000").isEqualTo("G_" + tag);

        call(put("/api/open-orders/SO-" + tag), "cs-finance", """
                {"customerCode":"%s","amount":"2500.00","status":"CANCELLED"}""".formatted(c)).andExpect(status().isOk());
        run();
        assertThat(segmentOf(c)).as("the order cancelled").isNotEqualTo("G_" + tag);
    }

    @Test
    void aSegmentForCustomersWithOpenAlertsTakesThemUntilTheAlertsAreResolved() throws Exception {
        segment("\"minOpenAlerts\":1");
        String alarmed = customer("AL", null, "600000.00");
        String calm = "CS-" + tag + "-CA";
        call(post("/api/customers"), "cs-admin", """
                {"code":"%s","name":"信用分群 CA","owner":"cs-col","grade":"%s"}""".formatted(calm, tag)).andExpect(status().isCreated());
        call(post("/api/invoices"), "cs-finance", """
                {"invoiceNo":"%s-1","customerCode":"%s","issueDate":"2025-06-01","dueDate":"2025-07-31","amount":100.00}"""
                .formatted(calm, calm)).andExpect(status().isCreated());
        call(post("/api/alerts/evaluate").param("asOf", TODAY.toString()), "cs-admin", null).andExpect(status().isOk());
        JsonNode open = Api.json(call(get("/api/alerts").param("status", "OPEN").param("customer", alarmed), "cs-boss", null));
        assertThat(open.get("items").size()).as("600,000.00 overdue 70 days raises alerts").isPositive();
        assertThat(Api.json(call(get("/api/alerts").param("status", "OPEN").param("customer", calm), "cs-boss", null)).get("items").size()).isZero();
        run();
        assertThat(segmentOf(alarmed)).isEqualTo("G_" + tag);
        assertThat(segmentOf(calm)).as("nothing overdue, no alert").isNotEqualTo("G_" + tag);

        for (JsonNode a : open.get("items")) {
            call(post("/api/alerts/" + a.get("id").asLong() + "/resolve"), "cs-boss", "{\"note\":\"已与客户确认还款安排\"}").andExpect(status().isOk());
        }
        run();
        assertThat(segmentOf(alarmed)).as("every alert resolved").isNotEqualTo("G_" + tag);
    }

    @Test
    void badCreditRulesAreRefusedNamingTheField() throws Exception {
        String strategy = segment("\"minScore\":10");
        String base = """
                {"nameZh":"坏","nameEn":"Bad","position":5,"strategyCode":"%s",%s}""";
        call(put("/api/segments/B_" + tag), "cs-boss", base.formatted(strategy, "\"maxScore\":101")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("maxScore"));
        call(put("/api/segments/B_" + tag), "cs-boss", base.formatted(strategy, "\"minScore\":60,\"maxScore\":40")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("minScore"));
        call(put("/api/segments/B_" + tag), "cs-boss", base.formatted(strategy, "\"creditGrades\":\"A,F\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditGrades"));
        call(put("/api/segments/B_" + tag), "cs-boss", base.formatted(strategy, "\"minOpenAlerts\":0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("minOpenAlerts"));
        call(get("/api/segments/B_" + tag), "cs-boss", null).andExpect(status().isNotFound());
        call(put("/api/segments/B_" + tag), "cs-col", base.formatted(strategy, "\"maxScore\":40")).andExpect(status().isForbidden());
    }

    @Test
    void theSegmentPageEditsAndShowsTheCreditRulesInBothLanguages() throws Exception {
        String strategy = segment("\"minScore\":10");
        mvc.perform(post("/segments/G_" + tag).with(httpBasic("cs-boss", "cs-boss")).with(csrf()).param("nameZh", "信用差").param("nameEn", "Poor credit")
                .param("position", "1").param("grades", tag).param("strategyCode", strategy).param("active", "true").param("maxScore", "50")
                .param("creditGrades", "D,E").param("overLimit", "true")).andExpect(status().is3xxRedirection());
        String zh = mvc.perform(get("/segments/G_" + tag).with(httpBasic("cs-boss", "cs-boss")).param("lang", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("信用评分 ≤ 50", "信用评级为 D,E", "敞口超出信用额度", "name=\"maxScore\"", "value=\"50\"");
        String en = mvc.perform(get("/segments/G_" + tag).with(httpBasic("cs-boss", "cs-boss")).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Credit score ≤ 50", "Credit grade D,E", "Exposure over the credit limit");
        mvc.perform(post("/segments/G_" + tag).with(httpBasic("cs-boss", "cs-boss")).with(csrf()).param("nameZh", "信用差").param("nameEn", "Poor")
                .param("position", "1").param("strategyCode", strategy).param("active", "true").param("minScore", "abc"))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("invalid")));
        call(get("/api/segments/G_" + tag), "cs-boss", null).andExpect(jsonPath("$.maxScore").value(50))
                .andExpect(jsonPath("$.overLimit").value(true));
    }
}
