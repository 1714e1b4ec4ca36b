package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
 * The legal-case pages in both languages: the list, the case page, the open-a-case form with its errors (nothing saved),
 * the 支付令 check on the form, the hearings calendar; who sees the "open a legal case" action and who may not open the form.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LegalCasePagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    String customer;
    String invoice;
    String collector;

    @BeforeEach
    void setUp() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        collector = "lp-" + token;
        customer = "LP-" + token;
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "legal", Role.LEGAL);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, collector, Role.COLLECTOR);
        Api.call(mvc, post("/api/customers"), "admin", """
                {"code":"%s","name":"法务页面客户","owner":"%s","region":"华北"}""".formatted(customer, collector)).andExpect(status().isCreated());
        invoice = "LP-" + token + "-1";
        Api.call(mvc, post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"2025-01-01","dueDate":"2025-02-28","amount":3000.00}""".formatted(invoice, customer))
                .andExpect(status().isCreated());
    }

    String html(MockHttpServletRequestBuilder req, String username, Role role) throws Exception {
        return mvc.perform(req.with(user(username).roles(role.name()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theFormOpensACaseAndTheCasePageListAndCalendarShowItInBothLanguages() throws Exception {
        assertThat(html(get("/customers/" + customer), "legal", Role.LEGAL)).contains("id=\"open-legal-case\"");
        assertThat(html(get("/customers/" + customer), collector, Role.COLLECTOR)).doesNotContain("id=\"open-legal-case\"");
        assertThat(html(get("/customers/" + customer), "finance", Role.FINANCE)).doesNotContain("id=\"open-legal-case\"");

        String form = html(get("/legal/cases/new").param("customer", customer), "legal", Role.LEGAL);
        assertThat(form).contains("value=\"" + invoice + "\"", "checked", "发起法律案件", "name=\"_csrf\"").doesNotContain("??");
        String check = html(post("/legal/cases/new").with(csrf()).param("customerCode", customer).param("invoiceNos", invoice)
                .param("kind", "PAYMENT_ORDER").param("counterObligation", "true"), "legal", Role.LEGAL);
        assertThat(check).contains("id=\"payment-order-verdict\"", "不宜申请支付令", "我方仍欠债务人货物或服务。", "客户地区 华北 在中国大陆。");

        String unreadable = html(post("/legal/cases").with(csrf()).param("customerCode", customer).param("invoiceNos", invoice)
                .param("kind", "LAWSUIT").param("interest", "abc"), "legal", Role.LEGAL);
        assertThat(unreadable).contains("请更正", "不是有效金额");
        String refused = html(post("/legal/cases").with(csrf()).param("customerCode", customer).param("invoiceNos", invoice)
                .param("kind", "LAWSUIT").param("principal", "-5"), "legal", Role.LEGAL);
        assertThat(refused).contains("请更正", "不能为负数");
        assertThat(html(get("/legal/cases").param("customer", customer), "legal", Role.LEGAL)).contains("id=\"legal-cases-empty\"");

        String location = mvc.perform(post("/legal/cases").with(csrf()).with(user("legal").roles("LEGAL")).param("customerCode", customer)
                        .param("invoiceNos", invoice).param("kind", "LAWSUIT").param("court", "北京市第一中级人民法院"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/legal/cases/\\d+");
        String zh = html(get(location), "legal", Role.LEGAL);
        assertThat(zh).contains("北京市第一中级人民法院", "3,000.00", "记录进程", "结案").doesNotContain("??");
        String en = html(get(location).param("lang", "en"), "legal", Role.LEGAL);
        assertThat(en).contains("Lawsuit", "Record a stage", "Close the case").doesNotContain("??");
        // a stage in the future is refused on the page, naming the date
        String future = html(post(location + "/stages").with(csrf()).param("stage", "ACCEPTED").param("date", "2999-01-01"), "legal", Role.LEGAL);
        assertThat(future).contains("不能晚于今天");
        // finance reads without the forms, the collector reads the own customer's case
        assertThat(html(get(location), "finance", Role.FINANCE)).contains("北京市第一中级人民法院").doesNotContain("id=\"add-stage\"");
        assertThat(html(get(location), collector, Role.COLLECTOR)).contains("北京市第一中级人民法院");

        assertThat(html(get("/legal/cases").param("customer", customer), "finance", Role.FINANCE)).contains("id=\"legal-case-table\"", customer);
        assertThat(html(get("/legal/cases").param("lang", "en"), "finance", Role.FINANCE)).contains("Legal cases").doesNotContain("??");
        assertThat(html(get("/legal/hearings").param("lang", "en"), "legal", Role.LEGAL)).contains("Hearings").doesNotContain("??");
    }

    @Test
    void onlyLegalAndManagersMayOpenTheForm() throws Exception {
        mvc.perform(get("/legal/cases/new").param("customer", customer).with(user("finance").roles("FINANCE"))).andExpect(status().isForbidden());
        mvc.perform(post("/legal/cases").with(csrf()).with(user(collector).roles("COLLECTOR")).param("customerCode", customer).param("kind", "LAWSUIT"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDeadlineTaskIsOnTheOwnersWorklistAndLeadsToTheCase() throws Exception {
        var opened = Api.json(Api.call(mvc, post("/api/legal-cases"), "legal", """
                {"customerCode":"%s","kind":"PAYMENT_ORDER","court":"北京市海淀区人民法院"}""".formatted(customer)).andExpect(status().isCreated()));
        long id = opened.get("id").asLong();
        Api.call(mvc, post("/api/legal-cases/" + id + "/stages"), "legal", """
                {"stage":"FILED","date":"2026-02-20"}""").andExpect(status().isCreated());
        Api.call(mvc, post("/api/legal-cases/" + id + "/stages"), "legal", """
                {"stage":"SERVED","date":"2026-03-02"}""").andExpect(status().isCreated());
        String worklist = html(get("/worklist").param("customer", customer), "legal", Role.LEGAL);
        assertThat(worklist).contains("href=\"/legal/cases/" + id + "\"", "案件 " + id + "：支付令异议期于 2026-03-17 届满");
        String casePage = html(get("/legal/cases/" + id), "legal", Role.LEGAL);
        assertThat(casePage).contains("data-deadline=\"OBJECTION\"", "2026-03-17", "任务 2026-03-18", "/worklist/tasks/");
        String en = html(get("/worklist").param("customer", customer).param("lang", "en"), "legal", Role.LEGAL);
        assertThat(en).contains("Case " + id + ": Objection period of the payment order ends 2026-03-17");
    }
}
