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
 * The plans-and-targets page (today 2026-06-30): a collector sees their progress and plans, not the leaderboard;
 * managers set targets (errors named), see the leaderboard and, for a past month, the month-end evaluation.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TargetPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    String collector;
    String customer;

    @BeforeEach
    void setUp() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "manager", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        String token = UUID.randomUUID().toString().substring(0, 8);
        collector = "tp-" + token;
        customer = "TP-" + token;
        Api.user(users, collector, Role.COLLECTOR);
        Api.call(mvc, post("/api/customers"), "admin", """
                {"code":"%s","name":"目标页面客户","owner":"%s"}""".formatted(customer, collector)).andExpect(status().isCreated());
        Api.call(mvc, post("/api/invoices"), "finance", """
                {"invoiceNo":"TPI-%s","customerCode":"%s","issueDate":"2026-04-01","dueDate":"2026-05-01","amount":9000}"""
                .formatted(token, customer)).andExpect(status().isCreated());
        Api.call(mvc, post("/api/payments"), "finance", """
                {"paymentRef":"TPP-%s","customerCode":"%s","paymentDate":"2026-06-15","amount":3000,"allocations":[{"invoiceNo":"TPI-%s","amount":3000}]}"""
                .formatted(token, customer, token)).andExpect(status().isCreated());
    }

    String html(MockHttpServletRequestBuilder req, String user) throws Exception {
        return mvc.perform(req.with(httpBasic(user, user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aCollectorSeesTheirProgressAndPlansTheirCustomers() throws Exception {
        mvc.perform(post("/targets").with(csrf()).with(httpBasic("manager", "manager")).param("month", "2026-06").param("scope", "USER")
                .param("key", collector).param("amount", "10,000")).andExpect(redirectedUrl("/targets?month=2026-06"));
        mvc.perform(post("/targets/plans").with(csrf()).with(httpBasic(collector, collector)).param("customerCode", customer)
                .param("month", "2026-06").param("expectedAmount", "5000").param("channel", "VISIT"))
                .andExpect(redirectedUrl("/targets?month=2026-06"));
        String page = html(get("/targets").param("month", "2026-06"), collector);
        assertThat(page).contains("id=\"nav-targets\"", "id=\"target-progress\"", "10,000.00", "3,000.00", "完成目标的 30.00%", customer)
                .doesNotContain("id=\"leaderboard\"").doesNotContain("id=\"target-form\"").doesNotContain("??");
        // forecast: 3,000 collected + the plan's 2,000 beyond it
        assertThat(page).containsPattern("id=\"progress-forecast\"[^>]*>5,000.00<");
        String en = html(get("/targets").param("month", "2026-06").param("lang", "en"), collector);
        assertThat(en).contains("Collection plans and targets", "30.00% of target").doesNotContain("??");
        String refused = html(post("/targets/plans").with(csrf()).param("customerCode", customer).param("month", "2026-6")
                .param("expectedAmount", "-1"), collector);
        assertThat(refused).contains("field-error", "2026-06");
    }

    @Test
    void managersSetTargetsAndSeeTheLeaderboardAndThePastMonthsEvaluation() throws Exception {
        String refused = html(post("/targets").with(csrf()).param("month", "2026-06").param("scope", "USER").param("key", "nobody-x")
                .param("amount", "100"), "manager");
        assertThat(refused).contains("field-error", "id=\"target-form\"");
        String june = html(get("/targets").param("month", "2026-06"), "manager");
        assertThat(june).contains("id=\"leaderboard\"", "排行榜", "data-user=\"" + collector + "\"", "id=\"target-form\"").doesNotContain("??");
        String may = html(get("/targets").param("month", "2026-05"), "manager");
        assertThat(may).contains("月末考核", "id=\"month-closed\"").doesNotContain("??");
        assertThat(html(get("/targets").param("month", "June"), "manager")).contains("2026-06");
        mvc.perform(post("/targets").with(csrf()).with(httpBasic(collector, collector)).param("month", "2026-06").param("scope", "USER")
                .param("key", collector).param("amount", "1")).andExpect(status().isForbidden());
    }
}
