package io.huikuan.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The payment plan pages: the editor's computed schedule and live check, proposing, the approval queue, the plan's page, the policy. */
@SpringBootTest(properties = "huikuan.outbox.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class PaymentPlanPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;

    String collector;
    String customer;

    @BeforeEach
    void setUp() throws Exception {
        clock.set(LocalDate.parse("2025-06-10"), LocalTime.of(10, 0));
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "boss", Role.MANAGER);
        String token = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        collector = "ppp-" + token.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
        customer = "PPP-" + token;
        Api.call(mvc, post("/api/customers"), "admin", """
                {"code":"%s","name":"常州新材料","owner":"%s"}""".formatted(customer, collector)).andExpect(status().isCreated());
        Api.call(mvc, post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-A","customerCode":"%s","issueDate":"2025-04-01","dueDate":"2025-05-01","amount":6000.00}"""
                .formatted(customer, customer)).andExpect(status().isCreated());
    }

    String html(MockHttpServletRequestBuilder req, String user) throws Exception {
        return mvc.perform(req.with(httpBasic(user, user)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    MockHttpServletRequestBuilder form(String path) {
        return post(path).param("customer", customer).param("agreedOn", "2025-06-10").param("invoiceNos", customer + "-A").param("downPayment", "600")
                .param("count", "3").param("firstDate", "2025-07-10");
    }

    @Test
    void aCollectorComputesTheScheduleSeesThePolicyCheckAndProposesAndTheManagerApproves() throws Exception {
        String editor = html(get("/payment-plans/new").param("customer", customer), collector);
        assertThat(editor).contains("id=\"plan-form\"", customer + "-A", "6000.00");

        String schedule = html(form("/payment-plans/new/schedule"), collector);
        assertThat(schedule).contains("value=\"2025-06-10\"", "value=\"600.00\"", "value=\"2025-07-10\"", "value=\"2025-09-10\"", "value=\"1800.00\"")
                .contains("id=\"plan-within-policy\"").contains("data-authority=\"MANAGER\"");

        String low = html(form("/payment-plans/new/check").param("dueDate", "2025-06-10", "2025-07-10").param("amount", "100.00", "5900.00"), collector);
        assertThat(low).contains("data-code=\"DOWN_PAYMENT\"", "首付比例 1.67% 低于最低要求 10%", "data-authority=\"MANAGER_AND_FINANCE\"");
        String off = html(form("/payment-plans/new/check").param("dueDate", "2025-06-10").param("amount", "600.00"), collector);
        assertThat(off).contains("id=\"plan-difference\"");

        String bad = html(form("/payment-plans").param("dueDate", "2025-06-10").param("amount", "600.00"), collector);
        assertThat(bad).contains("id=\"plan-errors\"").contains("5400.00");

        String location = mvc.perform(form("/payment-plans").param("dueDate", "2025-06-10", "2025-07-10", "2025-08-10", "2025-09-10")
                .param("amount", "600.00", "1800.00", "1800.00", "1800.00").with(httpBasic(collector, collector)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/payment-plans/*")).andReturn().getResponse().getRedirectedUrl();
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(html(get(location), collector)).contains("data-status=\"PENDING_APPROVAL\"").doesNotContain("id=\"plan-approve-form\"");

        String queue = html(get("/payment-plans"), "boss");
        assertThat(queue).contains("id=\"plans-awaiting-table\"").containsPattern("data-id=\"" + id + "\"");
        mvc.perform(post("/payment-plans/" + id + "/approve").with(httpBasic("boss", "boss")).with(csrf())).andExpect(status().is3xxRedirection());
        String page = html(get(location), "boss");
        assertThat(page).contains("data-status=\"ACTIVE\"", "id=\"plan-upload-form\"", "id=\"plan-agreement-pdf\"", "id=\"plan-cancel-form\"");
        assertThat(html(get(location).param("lang", "en"), collector)).contains("Down payment", "Active");
        assertThat(html(get("/payment-plans").param("status", "ACTIVE").param("customer", customer), collector)).contains("data-id=\"" + id + "\"");
        assertThat(html(get("/customers/" + customer), collector)).contains("id=\"payment-plan-link\"");
        assertThat(html(get("/customers/" + customer + "/negotiation-panel"), collector)).as("the customer's negotiation panel lists the plan")
                .containsPattern("data-id=\"" + id + "\"\\s+data-status=\"ACTIVE\"").contains("id=\"negotiation-panel-concessions\"");
        assertThat(html(get("/customers/" + customer + "/negotiation"), "boss")).as("so does the negotiation history")
                .contains("id=\"negotiation-plans\"").doesNotContain("id=\"negotiation-concessions\"");
    }

    @Test
    void theManagerEditsThePolicyAndOthersOnlySeeIt() throws Exception {
        assertThat(html(get("/payment-plans/policy"), "boss")).contains("id=\"plan-policy-form\"");
        assertThat(html(get("/payment-plans/policy"), collector)).contains("id=\"plan-policy-view\"").doesNotContain("id=\"plan-policy-form\"");
        mvc.perform(post("/payment-plans/policy").param("minDownPaymentPercent", "10").param("maxTermMonths", "12").param("maxInstallments", "12")
                .param("interestAfterMonths", "6").with(httpBasic(collector, collector)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/payment-plans/policy").param("minDownPaymentPercent", "10").param("maxTermMonths", "12").param("maxInstallments", "12")
                .param("interestAfterMonths", "6").with(httpBasic("boss", "boss")).with(csrf())).andExpect(status().is3xxRedirection());
    }
}
