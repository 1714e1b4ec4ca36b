package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The promises page (today 2026-06-30): the list in both languages with the open promises due within a week
 * highlighted, the status filter's error, the record form with its errors, the managers' evaluation and the
 * customer page's promises box.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PromisePagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    static final String ZH_POSITIVE = "金额必须大于 0";

    String collector;
    String customer;

    @BeforeEach
    void setUp() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "manager", Role.MANAGER);
        String token = UUID.randomUUID().toString().substring(0, 8);
        collector = "pp-" + token;
        customer = "PP-" + token;
        Api.user(users, collector, Role.COLLECTOR);
        Api.call(mvc, post("/api/customers"), "admin", """
                {"code":"%s","name":"承诺页面客户","owner":"%s"}""".formatted(customer, collector)).andExpect(status().isCreated());
        promise("1200.00", "2026-07-03");
        promise("800.00", "2026-07-20");
    }

    void promise(String amount, String date) throws Exception {
        Api.call(mvc, post("/api/promises"), collector, """
                {"customerCode":"%s","amount":%s,"promisedDate":"%s","channel":"PHONE"}""".formatted(customer, amount, date))
                .andExpect(status().isCreated());
    }

    String html(MockHttpServletRequestBuilder req, String user) throws Exception {
        return mvc.perform(req.with(httpBasic(user, user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theListHighlightsOpenPromisesDueWithinAWeek() throws Exception {
        String zh = html(get("/promises").param("customer", customer), collector);
        assertThat(zh).contains("id=\"nav-promises\"", "id=\"promise-table\"", "1,200.00", "800.00", "一周内到期", "未到期")
                .doesNotContain("??").doesNotContain("promise-evaluate");
        assertThat(zh).containsPattern("data-due-soon=\"true\"[^>]*>\\s*<td>.*" + customer);
        assertThat(zh.split("data-due-soon=\"true\"", -1)).hasSize(2);
        String en = html(get("/promises").param("customer", customer).param("status", "open").param("lang", "en"), collector);
        assertThat(en).contains("Promises to pay", "due within a week", "Record a promise to pay").doesNotContain("??");
        assertThat(html(get("/promises").param("status", "pending"), collector)).contains("status", "kept");
        assertThat(html(get("/promises"), "manager")).contains("id=\"promise-evaluate\"");
    }

    @Test
    void theFormNamesBadInputAndRecordsAGoodPromise() throws Exception {
        String refused = html(post("/promises").with(csrf()).param("customerCode", customer).param("amount", "0")
                .param("promisedDate", "2026-07-10").param("channel", "PHONE"), collector);
        assertThat(refused).contains("field-error", ZH_POSITIVE);
        mvc.perform(post("/promises").with(csrf()).with(httpBasic(collector, collector)).param("customerCode", customer)
                        .param("amount", "¥2,500.50").param("promisedDate", "2026-07-10").param("channel", "VISIT").param("notes", "老板回来后付"))
                .andExpect(redirectedUrl("/promises?customer=" + customer));
        assertThat(html(get("/promises").param("customer", customer), collector)).contains("2,500.50", "上门拜访");

        mvc.perform(post("/promises/evaluate").with(csrf()).with(httpBasic("manager", "manager"))).andExpect(redirectedUrl("/promises"));
        mvc.perform(post("/promises/evaluate").with(csrf()).with(httpBasic(collector, collector))).andExpect(status().isForbidden());
    }

    @Test
    void theCustomerPageBoxShowsTheKeepingRateAndPromises() throws Exception {
        String box = html(get("/customers/" + customer + "/promises"), collector);
        assertThat(box).contains("id=\"customer-promises\"", "守信率", "尚无已判定的承诺", "1,200.00").doesNotContain("<html");
        Api.user(users, "pp-other", Role.COLLECTOR);
        mvc.perform(get("/customers/" + customer + "/promises").with(httpBasic("pp-other", "pp-other"))).andExpect(status().isNotFound());
    }
}
