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
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The template pages: the list grouped by code, the editor with its server-rendered preview of the sample customer,
 * the live preview fragment (errors in Chinese or English, typed markup escaped), saving a new version from the form
 * (errors next to the field and nothing written; success redirects with the version), restoring, and a collector
 * who may read but not edit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TemplatePagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    final RequestPostProcessor manager = user("tp-mgr").roles(Role.MANAGER.name());
    final RequestPostProcessor collector = user("tp-col").roles(Role.COLLECTOR.name());

    String html(MockHttpServletRequestBuilder req) throws Exception {
        return mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theListAndTheEditorShowTheTemplatesAndTheSamplePreview() throws Exception {
        String list = html(get("/templates").with(manager));
        assertThat(list).contains("消息与函件模板", "data-code=\"demand_letter\"", "催款函", "律师函", "/templates/reminder/SMS/zh-CN/GENTLE",
                "id=\"nav-templates\"", "新建模板").doesNotContain("??");
        String editor = html(get("/templates/demand_letter/LETTER/zh-CN/FINAL").with(manager));
        assertThat(editor).contains("id=\"tpl-body\"", "hx-post=\"/templates/preview\"", "keyup changed delay:400ms", "{{totals.interest}}",
                "截至今日的逾期利息", "id=\"tpl-save\"", "华东精密机械有限公司", "<table class=\"invoices\">", "版本历史").doesNotContain("??");

        String en = html(get("/templates/demand_letter/LETTER/en/FINAL").param("lang", "en").with(manager));
        assertThat(en).contains("Live preview", "Late-payment interest to date", "Letter of demand").doesNotContain("??");

        String read = html(get("/templates/reminder/EMAIL/zh-CN/GENTLE").with(collector));
        assertThat(read).doesNotContain("id=\"tpl-save\"", "id=\"nav-templates\"").contains("readonly", "华东精密机械有限公司");
        mvc.perform(get("/templates/not_there/EMAIL/zh-CN/GENTLE").with(collector)).andExpect(status().isNotFound());

        // the list's "new template" form opens the editor of a valid code, or says what is wrong with it
        mvc.perform(get("/templates/open").with(manager).param("code", " new_one ").param("channel", "SMS").param("locale", "en")
                .param("tone", "FIRM")).andExpect(redirectedUrl("/templates/new_one/SMS/en/FIRM"));
        mvc.perform(get("/templates/open").with(manager).param("code", "../x").param("channel", "SMS").param("locale", "en")
                .param("tone", "FIRM")).andExpect(redirectedUrl("/templates"))
                .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("编号须为 2–60 个小写字母")));
        assertThat(html(get("/templates/new_one/SMS/en/FIRM").with(manager))).contains("新模板，尚未保存", "id=\"tpl-save\"");
    }

    @Test
    void theLivePreviewShowsTheErrorsInTheUsersLanguageAndEscapesTypedMarkup() throws Exception {
        String errors = html(post("/templates/preview").with(manager).with(csrf()).param("channel", "SMS").param("locale", "zh-CN")
                .param("body", "您好\n{{foo}}"));
        assertThat(errors).contains("id=\"preview-errors\"", "正文：未知变量 {{foo}}（第 2 行），您是不是要用").doesNotContain("id=\"preview-html\"");
        String english = html(post("/templates/preview").param("lang", "en").with(manager).with(csrf()).param("channel", "EMAIL")
                .param("locale", "en").param("subject", "").param("body", "Hello {{contact.name"));
        assertThat(english).contains("Subject: EMAIL templates need a subject", "Body: {{ on line 1 is not closed with }}");
        String escaped = html(post("/templates/preview").with(manager).with(csrf()).param("channel", "EMAIL").param("locale", "zh-CN")
                .param("subject", "<i>主题</i>").param("body", "<script>alert(1)</script>{{customer.name}}"));
        assertThat(escaped).contains("&lt;script&gt;alert(1)&lt;/script&gt;华东精密机械有限公司").doesNotContain("<script>alert");
        String unknownCustomer = html(post("/templates/preview").with(collector).with(csrf()).param("channel", "SMS").param("locale", "zh-CN")
                .param("body", "{{customer.name}}").param("customerCode", "NOBODY-X"));
        assertThat(unknownCustomer).contains("找不到客户 NOBODY-X");
    }

    @Test
    void aManagerSavesANewVersionFromTheFormAndRestoresAnOldOne() throws Exception {
        String base = "/templates/page_test/SMS/zh-CN/FIRM";
        String bad = html(post(base).with(manager).with(csrf()).param("body", "{{customer.nam}}，请付款").param("note", "试"));
        assertThat(bad).contains("保存失败", "未知变量 {{customer.nam}}（第 1 行），您是不是要用 {{customer.name}}？", "{{customer.nam}}，请付款");
        assertThat(count("page_test")).isZero();

        mvc.perform(post(base).with(manager).with(csrf()).param("body", "{{customer.name}}：请于{{payBy}}前付款。").param("note", "第一版"))
                .andExpect(redirectedUrl(base)).andExpect(flash().attribute("flash", "已保存为版本 v1。"));
        mvc.perform(post(base).with(manager).with(csrf()).param("body", "{{customer.name}}：请尽快付款。").param("note", "第二版"))
                .andExpect(redirectedUrl(base)).andExpect(flash().attribute("flash", "已保存为版本 v2。"));
        String page = html(get(base).with(manager));
        assertThat(page).contains("生效版本 v2", "data-version=\"1\"", "data-version=\"2\"", "第一版", "/versions/1/restore");
        assertThat(html(get(base).param("version", "1").with(manager))).contains("id=\"version-view\"", "{{customer.name}}：请于{{payBy}}前付款。");

        mvc.perform(post(base + "/versions/1/restore").with(manager).with(csrf()))
                .andExpect(redirectedUrl(base)).andExpect(flash().attribute("flash", "版本 v1 已恢复为新版本 v3。"));
        assertThat(count("page_test")).isEqualTo(3);

        mvc.perform(post(base).with(collector).with(csrf()).param("body", "您好")).andExpect(status().isForbidden());
        assertThat(count("page_test")).isEqualTo(3);
    }

    long count(String code) {
        return jdbc.sql("SELECT count(*) FROM message_template WHERE code = ?").param(code).query(Long.class).single();
    }
}
