package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.strategy.Segments;
import io.huikuan.strategy.Strategies;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The manager's strategy pages: strategies with their steps, versions and dry run, segments with
 * their rules, and the daily collection run started from the page. In a database of its own (runs
 * and strategy versions are company-wide); each test uses strategies and grades of its own.
 */
@SpringBootTest(properties = "huikuan.test-context=strategy-pages")
@AutoConfigureMockMvc
class StrategyPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    Strategies strategies;
    @Autowired
    Segments segments;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void users() {
        Api.user(users, "sp-admin", Role.ADMIN);
        Api.user(users, "sp-boss", Role.MANAGER);
        Api.user(users, "sp-col", Role.COLLECTOR);
        Api.user(users, "sp-fin", Role.FINANCE);
    }

    private static UserRequestPostProcessor manager() {
        return user("sp-boss").roles(Role.MANAGER.name());
    }

    private static UserRequestPostProcessor collector() {
        return user("sp-col").roles(Role.COLLECTOR.name());
    }

    private String html(MockHttpServletRequestBuilder req, String lang) throws Exception {
        return mvc.perform(req.param("lang", lang)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    /** A new strategy copied from STANDARD through the page; answers its code. */
    private String newStrategy() throws Exception {
        String code = unique("SP_");
        mvc.perform(post("/strategies").with(manager()).with(csrf()).param("code", code).param("nameZh", "页面测试")
                .param("nameEn", "Page test").param("copyFrom", "STANDARD")).andExpect(redirectedUrl("/strategies/" + code));
        return code;
    }

    /** Posts the rows (day, channel) with tone FIRM and owner COLLECTOR, plus an empty row that is ignored. */
    private MockHttpServletRequestBuilder steps(String path, UserRequestPostProcessor who, String... dayAndChannel) {
        MockHttpServletRequestBuilder req = post(path).with(who).with(csrf()).param("note", "page test");
        int i = 0;
        for (; i < dayAndChannel.length / 2; i++) {
            req.param("steps[" + i + "].dayOffset", dayAndChannel[2 * i]).param("steps[" + i + "].channel", dayAndChannel[2 * i + 1])
                    .param("steps[" + i + "].tone", "FIRM").param("steps[" + i + "].ownerRole", "COLLECTOR")
                    .param("steps[" + i + "].template", "").param("steps[" + i + "].minAmount", "");
        }
        return req.param("steps[" + i + "].dayOffset", "").param("steps[" + i + "].channel", "").param("steps[" + i + "].tone", "")
                .param("steps[" + i + "].ownerRole", "");
    }

    @Test
    void pagesRenderForAManagerInBothLanguagesAndCollectorsOnlyRead() throws Exception {
        for (String lang : new String[] {"zh-CN", "en"}) {
            String list = html(get("/strategies").with(manager()), lang);
            assertThat(list).contains("id=\"strategy-table\"", "STANDARD", "id=\"nav-strategies\"", "id=\"strategy-new\"").doesNotContain("??");
            String one = html(get("/strategies/STANDARD").with(manager()), lang);
            assertThat(one).contains("id=\"steps-form\"", "name=\"steps[0].dayOffset\"", "id=\"dry-run-button\"", "id=\"version-table\"")
                    .doesNotContain("??");
            String segs = html(get("/segments").with(manager()), lang);
            assertThat(segs).contains("id=\"segment-table\"", "LONG_TERM_PARTNER", "id=\"segment-new\"").doesNotContain("??");
            assertThat(html(get("/segments/HIGH_RISK").with(manager()), lang)).contains("id=\"segment-form\"", "D,E").doesNotContain("??");
            assertThat(html(get("/segments/new").with(manager()), lang)).contains("id=\"segment-form\"").doesNotContain("??");
            assertThat(html(get("/collection-runs").with(manager()), lang)).contains("id=\"run-form\"", "2026-06-30").doesNotContain("??");
        }
        assertThat(html(get("/strategies/STANDARD").with(manager()), "zh-CN")).contains("催款函", "律师函", "版本历史");
        assertThat(html(get("/segments").with(manager()), "en")).contains("Grade D,E", "Flag: Malicious defaulter", "Every customer");
        assertThat(html(get("/segments").with(manager()), "zh-CN")).contains("信用等级为 D,E", "标记：恶意拖欠");

        String read = html(get("/strategies/STANDARD").with(collector()), "zh-CN");
        assertThat(read).contains("id=\"steps-readonly\"").doesNotContain("id=\"steps-form\"", "id=\"nav-strategies\"");
        assertThat(html(get("/segments").with(collector()), "zh-CN")).doesNotContain("id=\"segment-new\"");
        assertThat(html(get("/collection-runs").with(collector()), "zh-CN")).doesNotContain("id=\"run-form\"");
    }

    @Test
    void collectorsMayNotChangeAnything() throws Exception {
        mvc.perform(steps("/strategies/STANDARD/versions", collector(), "1", "SMS")).andExpect(status().isForbidden());
        mvc.perform(steps("/strategies/STANDARD/dry-run", collector(), "1", "SMS")).andExpect(status().isForbidden());
        mvc.perform(post("/strategies").with(collector()).with(csrf()).param("code", "SP_NO").param("nameZh", "x").param("nameEn", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/segments/STANDARD").with(collector()).with(csrf()).param("nameZh", "标准").param("nameEn", "Standard")
                .param("position", "1").param("strategyCode", "STANDARD")).andExpect(status().isForbidden());
        mvc.perform(post("/collection-runs").with(collector()).with(csrf()).param("asOf", "2026-06-30")).andExpect(status().isForbidden());
        mvc.perform(get("/segments/new").with(collector())).andExpect(status().isForbidden());
        assertThat(strategies.get("STANDARD").currentVersion()).isEqualTo(1);
        assertThat(segments.get("STANDARD").position()).isEqualTo(100);
    }

    @Test
    void savingStepsMakesVersionTwoAndTheOldOneStaysReadable() throws Exception {
        String code = newStrategy();
        mvc.perform(steps("/strategies/" + code + "/versions", manager(), "10", "PHONE", "-2", "EMAIL", "30", "LAWYER_LETTER"))
                .andExpect(redirectedUrl("/strategies/" + code));
        assertThat(strategies.get(code).currentVersion()).isEqualTo(2);
        assertThat(strategies.get(code).steps()).extracting(s -> s.label()).containsExactly("-2 EMAIL", "+10 PHONE", "+30 LAWYER_LETTER");

        String page = html(get("/strategies/" + code).with(manager()), "en");
        assertThat(page).contains("Current version v2", "data-version=\"2\"", "data-version=\"1\"", "page test", "+30 Lawyer letter")
                .contains("value=\"-2\"");
        String old = html(get("/strategies/" + code).param("version", "1").with(manager()), "en");
        assertThat(old).contains("id=\"old-version\"", "id=\"steps-readonly\"", "Demand letter").doesNotContain("id=\"steps-form\"");
        assertThat(html(get("/strategies").with(manager()), "zh-CN")).contains(code, "v2");
    }

    @Test
    void badStepsAreNamedInTheUsersLanguageAndNothingIsSaved() throws Exception {
        String code = newStrategy();
        String zh = html(steps("/strategies/" + code + "/versions", manager(), "7", "PHONE", "7", "SMS"), "zh-CN");
        assertThat(zh).contains("同一天有两个步骤", "field-error", "value=\"7\"");
        String en = html(steps("/strategies/" + code + "/versions", manager(), "7", "PHONE", "9", "FAX"), "en");
        assertThat(en).contains("must be one of EMAIL", "field-error");
        String offset = html(steps("/strategies/" + code + "/versions", manager(), "seven", "PHONE"), "en");
        assertThat(offset).contains("must be a whole number");
        String far = html(steps("/strategies/" + code + "/versions", manager(), "900", "PHONE"), "zh-CN");
        assertThat(far).contains("天数须在 -60 到 730 之间");
        String none = html(steps("/strategies/" + code + "/versions", manager()), "en");
        assertThat(none).contains("a strategy needs at least one step");
        assertThat(strategies.get(code).currentVersion()).isEqualTo(1);
        assertThat(strategies.versions(code)).hasSize(1);
    }

    @Test
    void theDryRunShowsBothVersionsAndSavesNothing() throws Exception {
        String grade = unique("P");
        String code = newStrategy();
        mvc.perform(steps("/strategies/" + code + "/versions", manager(), "1", "SMS", "7", "PHONE")).andExpect(redirectedUrl("/strategies/" + code));
        Api.call(mvc, put("/api/segments/G_" + grade), "sp-boss", """
                {"nameZh":"页面测试","nameEn":"Page test","position":1,"grades":"%s","strategyCode":"%s"}""".formatted(grade, code))
                .andExpect(status().isOk());
        String customer = unique("SPC");
        Api.call(mvc, post("/api/customers"), "sp-admin", """
                {"code":"%s","name":"页面测试客户%s","owner":"sp-col","grade":"%s"}""".formatted(customer, customer, grade))
                .andExpect(status().isCreated());
        Api.call(mvc, post("/api/invoices"), "sp-fin", """
                {"invoiceNo":"I-%s","customerCode":"%s","issueDate":"2026-05-10","dueDate":"2026-06-10","amount":5000}"""
                .formatted(customer, customer)).andExpect(status().isCreated());
        int tasksBefore = jdbc.sql("SELECT count(*) FROM collection_task").query(Integer.class).single();

        String page = html(steps("/strategies/" + code + "/dry-run", manager(), "1", "SMS", "7", "PHONE", "15", "VISIT"), "en");
        assertThat(page).contains("id=\"dry-run\"", "id=\"dry-run-sample\"", customer, "data-step=\"+7 PHONE\"", "data-step=\"+15 VISIT\"",
                "+15 Visit", "value=\"15\"", "Current v2").doesNotContain("??");
        assertThat(page).containsPattern("id=\"dry-current-tasks\"[^>]*>1<").containsPattern("id=\"dry-candidate-tasks\"[^>]*>1<");
        assertThat(html(steps("/strategies/" + code + "/dry-run", manager(), "1", "SMS", "7", "PHONE", "15", "VISIT"), "zh-CN"))
                .contains("试运行结果", "+15 上门拜访", customer);
        assertThat(strategies.get(code).currentVersion()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM collection_task").query(Integer.class).single()).isEqualTo(tasksBefore);
        // a bad dry run is named like a bad save
        assertThat(html(steps("/strategies/" + code + "/dry-run", manager(), "3", "PHONE", "3", "SMS"), "en")).contains("two steps on the same day")
                .doesNotContain("id=\"dry-run\"");
    }

    @Test
    void segmentsAreEditedAndBadBoundsRefused() throws Exception {
        String code = unique("SG_");
        mvc.perform(post("/segments").with(manager()).with(csrf()).param("code", code).param("nameZh", "页面分群").param("nameEn", "Page segment")
                .param("position", "900").param("grades", "X1").param("minOverdueAmount", "10,000").param("flag", "DISPUTER")
                .param("strategyCode", "FIRM").param("active", "true")).andExpect(redirectedUrl("/segments"));
        assertThat(segments.get(code).minOverdueAmount()).isEqualByComparingTo("10000");
        assertThat(html(get("/segments").with(manager()), "en")).contains(code, "Overdue amount ≥ 10,000.00", "Flag: Habitual disputer");

        mvc.perform(post("/segments/" + code).with(manager()).with(csrf()).param("nameZh", "页面分群").param("nameEn", "Page segment")
                .param("position", "901").param("grades", "X1,X2").param("minDaysOverdue", "10").param("maxDaysOverdue", "40")
                .param("strategyCode", "GENTLE")).andExpect(redirectedUrl("/segments"));
        var saved = segments.get(code);
        assertThat(saved.position()).isEqualTo(901);
        assertThat(saved.strategyCode()).isEqualTo("GENTLE");
        assertThat(saved.active()).isFalse();
        assertThat(saved.minOverdueAmount()).isNull();
        assertThat(html(get("/segments").with(manager()), "zh-CN")).contains("逾期天数在 10 到 40 之间");

        String bad = html(post("/segments/" + code).with(manager()).with(csrf()).param("nameZh", "页面分群").param("nameEn", "Page segment")
                .param("position", "901").param("minDaysOverdue", "50").param("maxDaysOverdue", "40").param("minOverdueAmount", "-5")
                .param("strategyCode", "GENTLE"), "zh-CN");
        assertThat(bad).contains("不能大于上限", "须大于等于 0", "field-error", "value=\"-5\"");
        String taken = html(post("/segments").with(manager()).with(csrf()).param("code", code).param("nameZh", "x").param("nameEn", "x")
                .param("position", "5").param("strategyCode", "FIRM"), "en");
        assertThat(taken).contains("a segment with this code exists");
        assertThat(segments.get(code).maxDaysOverdue()).isEqualTo(40);
        assertThat(segments.get(code).position()).isEqualTo(901);
    }

    @Test
    void aRunStartedFromThePageShowsItsSummary() throws Exception {
        String grade = unique("R");
        String code = newStrategy();
        Api.call(mvc, put("/api/segments/G_" + grade), "sp-boss", """
                {"nameZh":"运行测试","nameEn":"Run test","position":2,"grades":"%s","strategyCode":"%s"}""".formatted(grade, code))
                .andExpect(status().isOk());
        String customer = unique("SPR");
        Api.call(mvc, post("/api/customers"), "sp-admin", """
                {"code":"%s","name":"运行测试客户%s","owner":"sp-col","grade":"%s"}""".formatted(customer, customer, grade))
                .andExpect(status().isCreated());
        Api.call(mvc, post("/api/invoices"), "sp-fin", """
                {"invoiceNo":"I-%s","customerCode":"%s","issueDate":"2026-05-10","dueDate":"2026-06-20","amount":3000}"""
                .formatted(customer, customer)).andExpect(status().isCreated());

        String future = html(post("/collection-runs").with(manager()).with(csrf()).param("asOf", "2026-07-01"), "zh-CN");
        assertThat(future).contains("不能晚于今天（2026-06-30）");

        String location = mvc.perform(post("/collection-runs").with(manager()).with(csrf()).param("asOf", "2026-06-30"))
                .andExpect(redirectedUrlPattern("/collection-runs/*")).andReturn().getResponse().getRedirectedUrl();
        String detail = html(get(location).with(manager()), "en");
        // STANDARD's latest step due by 2026-06-30 for an item due 2026-06-20 is +7 PHONE
        assertThat(detail).contains("id=\"run-summary\"", "data-step=\"+7 PHONE\"", "+7 Phone", "data-segment=\"G_" + grade + "\"",
                "data-kind=\"STEP\"", "Strategy step", "2026-06-30").doesNotContain("??");
        assertThat(html(get("/collection-runs").with(manager()), "zh-CN")).contains("id=\"run-table\"", location.substring(location.lastIndexOf('/') + 1),
                "页面");

        // another node holds the lock; the row stays (ShedLock remembers the rows it created: a deleted one would
        // leave every later run in this cached context refused)
        assertThat(jdbc.sql("UPDATE shedlock SET lock_until = TIMESTAMP '2999-01-01 00:00:00', locked_by = 'node-b' WHERE name = 'collection-run'")
                .update()).isEqualTo(1);
        try {
            String busy = html(post("/collection-runs").with(manager()).with(csrf()).param("asOf", "2026-06-30"), "en");
            assertThat(busy).contains("A collection run is in progress on node-b");
        } finally {
            jdbc.sql("UPDATE shedlock SET lock_until = TIMESTAMP '2000-01-01 00:00:00', locked_by = 'released' WHERE name = 'collection-run'").update();
        }
    }

    @Test
    void theRunDetailListsStepsByTheirDayOffsetAsANumber() throws Exception {
        // a failed run (never the "last completed" one that later runs look back to) with counts for five steps
        jdbc.sql("""
                INSERT INTO collection_run (as_of, status, run_trigger, started_by, node, started_at, inputs_key, summary)
                VALUES (DATE '2000-01-03', 'FAILED', 'UI', 'sp-boss', 'test', TIMESTAMP WITH TIME ZONE '2000-01-03 08:00:00+08:00', 'step-order',
                        '{"tasksByStep":{"+1 SMS":4,"+15 VISIT":2,"+3 PHONE":3,"-3 EMAIL":5,"+7 PHONE":1},"created":15}')""").update();
        long id = jdbc.sql("SELECT max(id) FROM collection_run WHERE inputs_key = 'step-order'").query(Long.class).single();
        String detail = html(get("/collection-runs/" + id).with(manager()), "zh-CN");
        int minus3 = detail.indexOf("data-step=\"-3 EMAIL\"");
        int plus1 = detail.indexOf("data-step=\"+1 SMS\"");
        int plus3 = detail.indexOf("data-step=\"+3 PHONE\"");
        int plus7 = detail.indexOf("data-step=\"+7 PHONE\"");
        int plus15 = detail.indexOf("data-step=\"+15 VISIT\"");
        assertThat(minus3).isPositive();
        assertThat(minus3).isLessThan(plus1);
        assertThat(plus1).isLessThan(plus3);
        assertThat(plus3).isLessThan(plus7);
        assertThat(plus7).isLessThan(plus15);
    }
}
