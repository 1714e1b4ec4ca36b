package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.exchange.ImportKind;
import io.huikuan.exchange.ImportMode;
import io.huikuan.exchange.ImportReport;
import io.huikuan.exchange.ImportService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The small defects of issue 12 (item 13) as a user meets them: errors name the field by its label in the user's
 * language, a payment dated after today is accepted with a warning (form, API, import), a page after the last shows
 * the last page, consequential buttons ask first, the step template is a choice, codes are shown by name.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SmallDefectsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    ImportService imports;
    @Autowired
    Clock clock;

    String code;
    final RequestPostProcessor manager = user("sd-manager").roles(Role.MANAGER.name());
    final RequestPostProcessor finance = user("sd-finance").roles(Role.FINANCE.name());

    @BeforeEach
    void customer() throws Exception {
        Api.user(users, "sd-admin", Role.ADMIN);
        Api.user(users, "sd-manager", Role.MANAGER);
        Api.user(users, "sd-finance", Role.FINANCE);
        Api.user(users, "sd-col", Role.COLLECTOR);
        code = "SD" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.call(mvc, post("/api/customers"), "sd-admin", """
                {"code":"%s","name":"常州恒达精密机械有限公司","owner":"sd-col"}""".formatted(code)).andExpect(status().isCreated());
    }

    private String html(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void validationErrorsNameTheFieldByItsLabelInTheUsersLanguage() throws Exception {
        var collector = user("sd-col").roles(Role.COLLECTOR.name());
        String zh = html(get("/worklist").param("minAmount", "abc").param("lang", "zh-CN"), collector);
        assertThat(zh).contains("最低金额：不是有效金额").doesNotContain("minAmount:", "minAmount：");
        String en = html(get("/worklist").param("minAmount", "abc").param("lang", "en"), collector);
        assertThat(en).contains("Minimum amount: not a valid amount").doesNotContain("minAmount:");

        // the API keeps the English message and adds the label and the rule in the caller's language
        JsonNode zhProblem = Api.json(Api.call(mvc, post("/api/promises").param("lang", "zh-CN"), "sd-admin", """
                {"customerCode":"%s","promisedDate":"2099-01-01"}""".formatted(code)).andExpect(status().isBadRequest()));
        JsonNode amount = zhProblem.get("errors").get(0);
        assertThat(amount.get("field").asText()).isEqualTo("amount");
        assertThat(amount.get("message").asText()).isEqualTo("required");
        assertThat(amount.get("label").asText()).isEqualTo("金额");
        assertThat(amount.get("text").asText()).isEqualTo("金额：必填");
        JsonNode enProblem = Api.json(Api.call(mvc, post("/api/promises").param("lang", "en"), "sd-admin", """
                {"customerCode":"%s","promisedDate":"2099-01-01"}""".formatted(code)).andExpect(status().isBadRequest()));
        assertThat(enProblem.get("errors").get(0).get("text").asText()).isEqualTo("Amount: required");

        // a rule a service states only in English is not shown in English on a Chinese page
        String month = html(post("/month-ends").param("month", "2026-13").with(csrf()), finance);
        assertThat(month).contains("应为月份，格式 YYYY-MM").doesNotContain("must be a month");
    }

    @Test
    void aPaymentDatedAfterTodayIsAcceptedWithAWarning() throws Exception {
        LocalDate future = LocalDate.now(clock).plusYears(4);
        mvc.perform(post("/payments").with(finance).with(csrf()).param("paymentRef", code + "-F1").param("customerCode", code)
                        .param("paymentDate", future.toString()).param("amount", "1,000.00").param("method", "BANK_TRANSFER")
                        .param("allocation", "auto"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashWarning", Matchers.containsString("收款日期 " + future + " 晚于今天")));
        // a payment dated today: no warning
        mvc.perform(post("/payments").with(finance).with(csrf()).param("paymentRef", code + "-F0").param("customerCode", code)
                        .param("paymentDate", LocalDate.now(clock).toString()).param("amount", "10.00").param("method", "BANK_TRANSFER")
                        .param("allocation", "auto"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeCount(1));

        JsonNode posted = Api.json(Api.call(mvc, post("/api/payments"), "sd-admin", """
                {"paymentRef":"%s-F2","customerCode":"%s","paymentDate":"%s","amount":500.00}""".formatted(code, code, future))
                .andExpect(status().isCreated()));
        assertThat(posted.get("paymentRef").asText()).isEqualTo(code + "-F2");
        assertThat(posted.get("paymentDate").asText()).isEqualTo(future.toString());
        assertThat(posted.get("warnings").get(0).get("field").asText()).isEqualTo("paymentDate");
        assertThat(posted.get("warnings").get(0).get("code").asText()).isEqualTo("payment.futureDate");
        JsonNode today = Api.json(Api.call(mvc, post("/api/payments"), "sd-admin", """
                {"paymentRef":"%s-F3","customerCode":"%s","paymentDate":"%s","amount":5.00}""".formatted(code, code, LocalDate.now(clock)))
                .andExpect(status().isCreated()));
        assertThat(today.get("warnings")).isEmpty();

        String csv = "payment_ref,customer_code,payment_date,amount\n%s-F4,%s,%s,200.00\n%s-F5,%s,%s,300.00\n"
                .formatted(code, code, future, code, code, LocalDate.now(clock));
        ImportReport report = imports.run(ImportKind.PAYMENTS, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "p.csv",
                ImportMode.ALL_OR_NOTHING, false);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).isZero();
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.row()).isEqualTo(2);
            assertThat(w.column()).isEqualTo("payment_date");
            assertThat(w.message()).contains("in the future");
        });
    }

    @Test
    void aPageAfterTheLastShowsTheLastPage() throws Exception {
        String prefix = "PG" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        for (int i = 0; i < 7; i++) {
            Api.call(mvc, post("/api/customers"), "sd-admin", """
                    {"code":"%s-%d","name":"分页测试客户 %d","owner":"sd-col"}""".formatted(prefix, i, i)).andExpect(status().isCreated());
        }
        var admin = user("sd-admin").roles(Role.ADMIN.name());
        String page = html(get("/customers").param("q", prefix).param("size", "5").param("page", "99999"), admin);
        assertThat(page).contains("第 2 / 2 页", prefix + "-6").doesNotContain("100,000", "第 100");
        String payments = html(get("/payments").param("q", prefix).param("page", "99999"), admin);
        assertThat(payments).doesNotContain("100,000");
    }

    @Test
    void consequentialButtonsAskFirst() throws Exception {
        var collector = user("sd-col").roles(Role.COLLECTOR.name());
        String documents = html(get("/customers/" + code + "/documents"), collector);
        assertThat(documents).containsPattern("id=\"letter-issue\"[^>]*data-confirm=\"出具函件")
                .containsPattern("id=\"message-send\"[^>]*data-confirm=\"现在发送")
                .containsPattern("id=\"statement-issue\"[^>]*data-confirm=\"出具对账单")
                // the preview buttons in the same forms do not ask
                .doesNotContainPattern("id=\"letter-preview\"[^>]*data-confirm");
        assertThat(html(get("/month-ends"), finance)).containsPattern("id=\"month-end-form\"[^>]*data-confirm=\"结账后");
        assertThat(html(get("/collection-runs"), manager)).containsPattern("id=\"run-form\"[^>]*data-confirm=");
        assertThat(html(get("/promises"), manager)).containsPattern("id=\"promise-evaluate\"[^>]*data-confirm=");
        assertThat(html(get("/strategies/STANDARD"), manager)).containsPattern("id=\"steps-form\"[^>]*data-confirm=");
    }

    @Test
    void theStepTemplateIsAChoiceOfTheTemplatesOfItsChannelAndCodesShowByName() throws Exception {
        String strategy = html(get("/strategies/STANDARD"), manager);
        assertThat(strategy).contains("<select class=\"step-template\"", "name=\"steps[0].template\"", "催款函 (demand_letter)",
                        "data-channels=\"LETTER,DEMAND_LETTER,LAWYER_LETTER\"", "到期提醒 (reminder)")
                .doesNotContain("<input type=\"text\" size=\"14\" maxlength=\"60\" name=\"steps[0].template\"");
        // the version shipped with the system says so in words
        assertThat(strategy).contains("系统预置").doesNotContain(">shipped default<");
        String english = html(get("/strategies/STANDARD").param("lang", "en"), manager);
        assertThat(english).contains("Demand letter (demand_letter)", "Shipped with the system");

        String templates = html(get("/templates"), manager);
        assertThat(templates).contains("催款函", "律师函", "到期提醒");

        // a template a user made gets a name of its own, shown on the list and in the step editor's choice
        String own = "sd_" + UUID.randomUUID().toString().substring(0, 6).replace('-', '_');
        mvc.perform(post("/templates/" + own + "/EMAIL/zh-CN/GENTLE").with(manager).with(csrf()).param("subject", "季度对账提醒")
                .param("body", "{{contact.name}}您好：请核对本季度账单。")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/templates/" + own + "/name").with(manager).with(csrf()).param("nameZh", "季度对账提醒").param("nameEn", "Quarterly check"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", Matchers.containsString(own)));
        assertThat(html(get("/templates"), manager)).contains("季度对账提醒", "value=\"Quarterly check\"");
        assertThat(html(get("/strategies/STANDARD").param("lang", "en"), manager)).contains("Quarterly check (" + own + ")");
        mvc.perform(post("/templates/" + own + "/name").with(user("sd-col").roles(Role.COLLECTOR.name())).with(csrf()).param("nameZh", "x"))
                .andExpect(status().isForbidden());
    }
}
