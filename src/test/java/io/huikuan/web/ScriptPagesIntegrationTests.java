package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.worklist.ScriptLibrary;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The script library page: filtered reading in both languages, managers' form with the conduct check. */
@SpringBootTest
@AutoConfigureMockMvc
class ScriptPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ScriptLibrary library;

    private String html(MockHttpServletRequestBuilder req) throws Exception {
        return mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void collectorsFilterTheLibraryInTheirLanguage() throws Exception {
        var collector = user("sc-col").roles(Role.COLLECTOR.name());
        String zh = html(get("/scripts").param("excuse", "INVOICE_NOT_RECEIVED").with(collector));
        var expected = library.list(new ScriptLibrary.Filter(null, io.huikuan.worklist.Excuse.INVOICE_NOT_RECEIVED, null, null, null, null));
        assertThat(expected).isNotEmpty();
        assertThat(zh).contains("id=\"nav-scripts\"", expected.getFirst().textZh().substring(0, 10)).doesNotContain("??")
                .doesNotContain("id=\"script-form\"");
        String en = html(get("/scripts").param("excuse", "INVOICE_NOT_RECEIVED").param("lang", "en").with(collector));
        assertThat(en).contains(expected.getFirst().textEn().substring(0, 10), "Personality types").doesNotContain("??");
        String bad = html(get("/scripts").param("tone", "SHOUTING").with(collector));
        assertThat(bad).contains("tone");
    }

    @Test
    void managersAddScriptsAndAbusiveWordingIsNamed() throws Exception {
        var manager = user("sc-mgr").roles(Role.MANAGER.name());
        String refused = html(post("/scripts").with(manager).with(csrf()).param("code", "PG-1").param("stage", "FOLLOW_UP")
                .param("tone", "FIRM").param("method", "URGENCY").param("titleZh", "最后期限").param("titleEn", "Deadline")
                .param("textZh", "你们就是老赖").param("textEn", "Please pay by Friday.").param("whenZh", "逾期一个月")
                .param("whenEn", "A month overdue"));
        assertThat(refused).contains("老赖", "field-error");
        mvc.perform(post("/scripts").with(manager).with(csrf()).param("code", "PG-1").param("stage", "FOLLOW_UP")
                        .param("tone", "FIRM").param("method", "URGENCY").param("titleZh", "最后期限").param("titleEn", "Deadline")
                        .param("textZh", "请在周五前安排付款。").param("textEn", "Please pay by Friday.").param("whenZh", "逾期一个月")
                        .param("whenEn", "A month overdue"))
                .andExpect(redirectedUrl("/scripts"));
        assertThat(library.get("PG-1").textZh()).isEqualTo("请在周五前安排付款。");
        assertThat(html(get("/scripts").param("edit", "PG-1").with(manager))).contains("id=\"script-form\"", "请在周五前安排付款。");
    }
}
