package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Managers and administrators land on the dashboard after login, collectors and legal staff on their worklist, finance on the start page,
 * unless the login was for a specific page; the nav leads to the dashboard, the aging report and
 * (not for collectors) the provisions; the measures help page documents every measure.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LandingAndHelpIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    @BeforeEach
    void users() {
        Api.user(users, "landadmin", Role.ADMIN);
        Api.user(users, "landmanager", Role.MANAGER);
        Api.user(users, "landfinance", Role.FINANCE);
        Api.user(users, "landcollector", Role.COLLECTOR);
        Api.user(users, "landlegal", Role.LEGAL);
    }

    @Test
    void eachRoleLandsOnItsHome() throws Exception { // issue 12, item 8: collectors and legal on their worklist
        mvc.perform(formLogin("/login").user("landmanager").password("landmanager")).andExpect(redirectedUrl("/dashboard"));
        mvc.perform(formLogin("/login").user("landadmin").password("landadmin")).andExpect(redirectedUrl("/dashboard"));
        mvc.perform(formLogin("/login").user("landfinance").password("landfinance")).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("landcollector").password("landcollector")).andExpect(redirectedUrl("/worklist"));
        mvc.perform(formLogin("/login").user("landlegal").password("landlegal")).andExpect(redirectedUrl("/worklist"));
        mvc.perform(formLogin("/login").user("landmanager").password("wrong")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aLoginForASpecificPageGoesBackToIt() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/aging?groupBy=owner").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        String target = mvc.perform(login("landmanager", "landmanager", session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(target).contains("/aging?groupBy=owner");

        // the start page is not a specific page: a manager still lands on the dashboard
        MockHttpSession start = new MockHttpSession();
        mvc.perform(get("/").session(start).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
        mvc.perform(login("landmanager", "landmanager", start)).andExpect(redirectedUrl("/dashboard"));
        MockHttpSession collectorStart = new MockHttpSession();
        mvc.perform(get("/").session(collectorStart).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
        mvc.perform(login("landcollector", "landcollector", collectorStart)).andExpect(redirectedUrl("/worklist"));
    }

    @Test
    void theNavLeadsToTheNewPages() throws Exception {
        String manager = page("/", "landmanager", Role.MANAGER, "en");
        assertThat(manager).contains("id=\"nav-dashboard\"", "id=\"nav-aging\"", "id=\"nav-provisions\"", ">Aging<", ">Provisions<");
        String finance = page("/", "landfinance", Role.FINANCE, "zh-CN");
        assertThat(finance).contains("id=\"nav-provisions\"", ">账龄<", ">坏账准备<");
        String collector = page("/", "landcollector", Role.COLLECTOR, "zh-CN");
        assertThat(collector).contains("id=\"nav-dashboard\"", "id=\"nav-aging\"").doesNotContain("id=\"nav-provisions\"");
    }

    @Test
    void theHelpPageDefinesEveryMeasureInBothLanguages() throws Exception {
        String en = page("/help/measures", "landcollector", Role.COLLECTOR, "en");
        assertThat(en).doesNotContain("??").contains("How the measures are defined",
                "DSO (days sales outstanding, standard) = AR(D) ÷ sales invoiced with an issue date in (D−N, D] × N.",
                "Best possible DSO = AR(D) not yet due ÷ the same sales × N", "ADD (average days delinquent) = DSO − best possible DSO",
                "id=\"countback-result\">129<", "Count-back DSO = 31 + 31 + 30 + 31 + 6 = 129 days.",
                "(AR at start + sales ÷ N − AR at end) ÷ (AR at start + sales ÷ N − current AR at end) × 100", "= 55.9%.",
                "Overdue ratio = AR(D) past its due date ÷ AR(D)", "weighted by invoice amount", "never negative",
                "each month’s ratio capped at 100%", "12 month ends", "5%, 10%, 20%, 50%, 80%, 100%", "id=\"aging-buckets\"");
        String zh = page("/help/measures", "landmanager", Role.MANAGER, "zh-CN");
        assertThat(zh).doesNotContain("??").contains("指标说明", "倒推法 DSO = 31 + 31 + 30 + 31 + 6 = 129 天", "55.9%", "逾期率",
                "平均回款天数", "按发票金额加权平均", "迁徙率", "最高按 100% 计");
        // linked from the dashboard, the aging report and the provisions page
        assertThat(page("/dashboard", "landmanager", Role.MANAGER, "en")).contains("href=\"/help/measures\"");
        assertThat(page("/aging", "landmanager", Role.MANAGER, "en")).contains("href=\"/help/measures#aging-buckets\"");
        assertThat(page("/provisions", "landmanager", Role.MANAGER, "en")).contains("href=\"/help/measures#provisions\"");
        mvc.perform(get("/help/measures").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
    }

    private static MockHttpServletRequestBuilder login(String username, String password, MockHttpSession session) {
        return post("/login").param("username", username).param("password", password).with(csrf()).session(session);
    }

    private String page(String path, String username, Role role, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(user(username).roles(role.name()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
