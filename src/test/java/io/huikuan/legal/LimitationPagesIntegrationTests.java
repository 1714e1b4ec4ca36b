package io.huikuan.legal;

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
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The limitation pages: the report by month of expiry and the invoice list for legal, a collector seeing only
 * their own customers, recording an event with the form (and a bad one named), the customer view with its
 * timeline, the help page in both languages, the holiday page for administrators only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LimitationPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    String code;
    String other;

    @BeforeEach
    void setUp() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "lplegal", Role.LEGAL);
        Api.user(users, "lpcol", Role.COLLECTOR);
        String token = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        code = "LPG" + token;
        other = "LPO" + token;
        for (String[] c : new String[][] {{code, "lpcol"}, {other, "admin"}}) {
            Api.call(mvc, post("/api/customers"), "admin", """
                    {"code":"%s","name":"时效页面客户 %s","owner":"%s"}""".formatted(c[0], c[0], c[1])).andExpect(status().isCreated());
            Api.call(mvc, post("/api/invoices"), "finance", """
                    {"invoiceNo":"%s-1","customerCode":"%s","issueDate":"2023-02-01","dueDate":"2023-03-10","amount":1234.50}"""
                    .formatted(c[0], c[0])).andExpect(status().isCreated());
        }
    }

    String page(MockHttpServletRequestBuilder req, String user, String lang, ResultMatcher expected) throws Exception {
        return mvc.perform(req.with(httpBasic(user, user)).param("lang", lang)).andExpect(expected).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theReportShowsMonthsAndInvoicesAndLegalRecordsAnEvent() throws Exception {
        String html = page(get("/legal/limitation").param("asOf", "2026-01-05").param("customer", code), "lplegal", "zh-CN", status().isOk());
        assertThat(html).contains("id=\"limitation-month-table\"", "data-bucket=\"2026-03\"", "1,234.50", code + "-1", "即将届满",
                "id=\"limitation-event-form\"", "id=\"nav-limitation\"").doesNotContain("??");

        String bad = page(post("/legal/limitation/events").param("customerCode", code).param("date", "2999-01-01").param("kind", "ACKNOWLEDGED")
                .param("evidence", "x").with(csrf()), "lplegal", "en", status().isBadRequest());
        assertThat(bad).contains("id=\"limitation-event-form\"", "class=\"field-error\"").doesNotContain("??");

        mvc.perform(post("/legal/limitation/events").param("customerCode", code).param("invoiceNos", code + "-1").param("date", "2025-06-01")
                .param("kind", "ACKNOWLEDGED").param("evidence", "对账函签回 BC-1").with(csrf()).with(httpBasic("lplegal", "lplegal")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/legal/limitation/customers/" + code));
        String view = page(get("/legal/limitation/customers/" + code).param("asOf", "2026-01-05"), "lplegal", "zh-CN", status().isOk());
        assertThat(view).contains("对账函签回 BC-1", "债务人同意履行", "2028-06-01", "进行中").doesNotContain("??");
        mvc.perform(post("/legal/limitation/events").param("customerCode", code).param("date", "2025-06-01").param("kind", "ACKNOWLEDGED")
                .param("evidence", "x").with(csrf()).with(httpBasic("lpcol", "lpcol"))).andExpect(status().isForbidden());
    }

    @Test
    void aCollectorSeesOnlyOwnCustomersAndNoForm() throws Exception {
        String html = page(get("/legal/limitation").param("asOf", "2026-01-05"), "lpcol", "en", status().isOk());
        assertThat(html).contains(code + "-1", "Expiring").doesNotContain(other + "-1").doesNotContain("id=\"limitation-event-form\"");
        page(get("/legal/limitation/customers/" + other), "lpcol", "en", status().isNotFound());
        String bad = page(get("/legal/limitation").param("status", "LOST"), "lpcol", "en", status().isBadRequest());
        assertThat(bad).contains("The status is Running, Expiring, Expired or In proceedings");
    }

    @Test
    void theHelpPageCitesTheArticlesInBothLanguages() throws Exception {
        assertThat(page(get("/legal/help/limitation"), "lpcol", "zh-CN", status().isOk()))
                .contains("民法典第一百八十八条", "第一百九十五条", "第二百零三条", "诉讼时效规定第十九条", "2027-02-28").doesNotContain("??");
        assertThat(page(get("/legal/help/limitation"), "lpcol", "en", status().isOk()))
                .contains("Civil Code art. 188", "art. 195", "art. 203", "SPC rules art. 19", "SPC rules art. 14").doesNotContain("??");
    }

    @Test
    void onlyAdministratorsLoadTheHolidayCalendar() throws Exception {
        page(get("/legal/holidays"), "lplegal", "en", status().isForbidden());
        String html = page(get("/legal/holidays").param("year", "2031"), "admin", "en", status().isOk());
        assertThat(html).contains("id=\"holiday-form\"").doesNotContain("??");
        String bad = page(post("/legal/holidays").param("year", "2031").param("csv", "2031-01-01,HOLIDAY,元旦\n2031-02-30,HOLIDAY,x").with(csrf()),
                "admin", "en", status().isBadRequest());
        assertThat(bad).contains("line 2");
        mvc.perform(post("/legal/holidays").param("year", "2031").param("csv", "2031-01-01,HOLIDAY,元旦").with(csrf()).with(httpBasic("admin", "admin")))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/legal/holidays").param("year", "2031"), "admin", "en", status().isOk())).contains("2031-01-01,HOLIDAY,元旦");
        mvc.perform(post("/legal/holidays").param("year", "2031").param("csv", "").with(csrf()).with(httpBasic("admin", "admin")))
                .andExpect(status().is3xxRedirection());
    }
}
