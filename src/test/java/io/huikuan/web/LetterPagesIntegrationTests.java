package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages around letters: the company profile (a bad field named beside its input, nothing stored), the letter
 * and message forms of the customer page's documents panel, the message preview page and the approval queue.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LetterPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    String text(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req) throws Exception {
        return mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aManagerKeepsTheLetterheadAndIssuesLettersFromTheCustomerPage() throws Exception {
        Api.user(users, "lp-admin", Role.ADMIN);
        Api.user(users, "lp-boss", Role.MANAGER);
        Api.user(users, "lp-col", Role.COLLECTOR);
        Api.user(users, "lp-fin", Role.FINANCE);
        var boss = user("lp-boss").roles(Role.MANAGER.name());
        var collector = user("lp-col").roles(Role.COLLECTOR.name());

        String before = text(get("/settings/company").with(boss));
        assertThat(before).contains("公司信息", "公章图片", "签字人", "id=\"nav-company\"").doesNotContain("??");
        String storedName = before.replaceAll("(?s).*name=\"name\" value=\"([^\"]*)\".*", "$1");
        mvc.perform(post("/settings/company").with(boss).with(csrf()).param("name", "南京金陵物产有限公司").param("email", "not-an-address")
                        .param("payByDays", "7"))
                .andExpect(redirectedUrl("/settings/company")).andExpect(flash().attributeExists("errors"));
        String kept = text(get("/settings/company").with(boss));
        assertThat(kept).doesNotContain("南京金陵物产有限公司").contains("value=\"" + storedName + "\"");
        mvc.perform(post("/settings/company").with(boss).with(csrf()).param("name", "南京金陵物产有限公司").param("signatoryName", "顾明")
                        .param("payByDays", "10"))
                .andExpect(redirectedUrl("/settings/company")).andExpect(flash().attribute("flash", "已保存公司信息。"));
        assertThat(text(get("/settings/company").with(boss))).contains("南京金陵物产有限公司", "顾明");
        mvc.perform(post("/settings/company").with(collector).with(csrf()).param("name", "X")).andExpect(status().isForbidden());

        String code = "LP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.call(mvc, post("/api/customers"), "lp-admin", """
                {"code":"%s","name":"扬州润扬化工有限公司","owner":"lp-col"}""".formatted(code)).andExpect(status().isCreated());
        Api.call(mvc, post("/api/customers/" + code + "/contacts"), "lp-admin", """
                {"name":"吴倩","role":"FINANCE","email":"wu@runyang.example"}""").andExpect(status().isCreated());
        Api.call(mvc, post("/api/invoices"), "lp-fin", """
                {"invoiceNo":"%s-1","customerCode":"%s","issueDate":"2026-03-01","dueDate":"2026-04-01","amount":5200.00}""".formatted(code, code))
                .andExpect(status().isCreated());

        String panel = text(get("/customers/" + code + "/documents").with(collector));
        assertThat(panel).contains("id=\"letter-form\"", "付款提醒函", "对账函（询证函）", "id=\"message-form\"", "statement_cover").doesNotContain("??")
                .doesNotContain("催款函"); // a collector is offered only the letters they may issue (issue 12, item 8)
        assertThat(text(get("/customers/" + code + "/documents").with(boss))).contains("催款函", "律师函（草稿）");

        byte[] preview = mvc.perform(post("/customers/" + code + "/letters/preview").with(collector).with(csrf()).param("kind", "PAYMENT_REMINDER"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(preview, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        mvc.perform(post("/customers/" + code + "/letters").with(collector).with(csrf()).param("kind", "DEMAND_LETTER"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/customers/" + code + "/letters").with(boss).with(csrf()).param("kind", "DEMAND_LETTER").param("tone", "FINAL"))
                .andExpect(redirectedUrl("/customers/" + code + "#documents"))
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.matchesPattern("已出具催款函 DL-2026-\\d+。")));
        mvc.perform(post("/customers/" + code + "/letters").with(boss).with(csrf()).param("kind", "WHATEVER"))
                .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("催款函")));
        assertThat(text(get("/customers/" + code + "/documents").with(collector))).contains("DL-2026-", "催款函");

        String shown = text(post("/customers/" + code + "/messages/preview").with(collector).with(csrf()).param("template", "reminder")
                .param("channel", "EMAIL").param("tone", "GENTLE"));
        assertThat(shown).contains("wu@runyang.example", "扬州润扬化工有限公司", "5,200.00");
        String noPhone = text(post("/customers/" + code + "/messages/preview").with(collector).with(csrf()).param("template", "overdue_notice")
                .param("channel", "SMS"));
        assertThat(noPhone).contains("id=\"preview-errors\"", "手机号");
        mvc.perform(post("/customers/" + code + "/messages").with(collector).with(csrf()).param("template", "reminder").param("idempotencyKey", "f1"))
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.containsString("已放入发件箱")));

        assertThat(text(get("/approvals").with(boss))).contains("待审批函件").doesNotContain("??");
        mvc.perform(get("/approvals").with(collector)).andExpect(status().isForbidden());
    }
}
