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

/** The customer page's documents panel: issue a statement from the form, see it listed, open its PDF; a bad period named in Chinese. */
@SpringBootTest
@AutoConfigureMockMvc
class DocumentPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    @Test
    void aCollectorIssuesAStatementFromTheCustomerPage() throws Exception {
        Api.user(users, "dp-admin", Role.ADMIN);
        Api.user(users, "dp-col", Role.COLLECTOR);
        String code = "DP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.call(mvc, post("/api/customers"), "dp-admin", """
                {"code":"%s","name":"无锡华光锅炉股份有限公司","owner":"dp-col"}""".formatted(code)).andExpect(status().isCreated());
        var collector = user("dp-col").roles(Role.COLLECTOR.name());

        String page = mvc.perform(get("/customers/" + code).with(collector)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"documents\"", "/customers/" + code + "/documents");
        String empty = mvc.perform(get("/customers/" + code + "/documents").with(collector)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(empty).contains("还没有出具文件", "出具对账单").doesNotContain("??");

        mvc.perform(post("/customers/" + code + "/statements").with(collector).with(csrf()).param("from", "2026-07-01").param("to", "2026-06-01"))
                .andExpect(redirectedUrl("/customers/" + code + "#documents"))
                .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("开始日期不能晚于结束日期")));
        mvc.perform(post("/customers/" + code + "/statements").with(collector).with(csrf()).param("from", "2026-01-01").param("to", "2026-06-30"))
                .andExpect(redirectedUrl("/customers/" + code + "#documents"))
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.matchesPattern("已出具对账单 ST-2026-\\d+。")));

        String listed = mvc.perform(get("/customers/" + code + "/documents").with(collector)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed).contains("ST-2026-", "对账单", "2026-01-01 – 2026-06-30");
        String id = listed.replaceAll("(?s).*data-id=\"(\\d+)\".*", "$1");
        byte[] pdf = mvc.perform(get("/documents/" + id).with(collector)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        mvc.perform(get("/documents/" + id).with(user("dp-other").roles(Role.COLLECTOR.name()))).andExpect(status().isNotFound());
    }
}
