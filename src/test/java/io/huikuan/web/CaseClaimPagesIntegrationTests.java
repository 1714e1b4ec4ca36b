package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The claim computed on the new-case form ("compute the claim" fills principal, interest and court fee, shows the
 * per-invoice lines, keeps the figures editable; a bad rate is named), the case page's claim with how its interest was
 * computed, its documents (upload, list) and its evidence pack button, in both languages and per role.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseClaimPagesIntegrationTests {

    static final byte[] JUDGMENT = "%PDF-1.4\n% 判决书\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    Clock clock;

    String customer;
    String invoice;
    String collector;

    @BeforeEach
    void setUp() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        collector = "cp-" + token;
        customer = "CP-" + token;
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "legal", Role.LEGAL);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, collector, Role.COLLECTOR);
        Api.call(mvc, post("/api/customers"), "admin", """
                {"code":"%s","name":"诉请计算客户","owner":"%s","region":"华东"}""".formatted(customer, collector)).andExpect(status().isCreated());
        invoice = "CP-" + token + "-1";
        Api.call(mvc, post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"2025-01-01","dueDate":"2025-02-28","amount":3000.00}""".formatted(invoice, customer))
                .andExpect(status().isCreated());
    }

    String html(MockHttpServletRequestBuilder req, String username, Role role) throws Exception {
        return mvc.perform(req.with(user(username).roles(role.name()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    MockHttpServletRequestBuilder form(String path) {
        return form(path, "0.0005");
    }

    MockHttpServletRequestBuilder form(String path, String rate) {
        return post(path).with(csrf()).param("customerCode", customer).param("invoiceNos", invoice).param("kind", "LAWSUIT")
                .param("procedure", "ORDINARY").param("interestBasis", "DAILY_RATE").param("interestRate", rate);
    }

    @Test
    void computeTheClaimFillsTheFormAndTheCasePageShowsHowItWasComputed() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long days = ChronoUnit.DAYS.between(LocalDate.of(2025, 3, 1), today) + 1;
        BigDecimal interest = new BigDecimal("1.50").multiply(BigDecimal.valueOf(days));
        assertThat(html(get("/legal/cases/new").param("customer", customer), "legal", Role.LEGAL)).contains("id=\"claim-compute-button\"",
                "formaction=\"/legal/cases/new/claim\"");

        String computed = html(form("/legal/cases/new/claim"), "legal", Role.LEGAL);
        assertThat(computed).contains("id=\"claim-estimate\"", "data-invoice=\"" + invoice + "\"", "2025-03-01",
                "name=\"principal\" value=\"3000.00\"", "name=\"interest\" value=\"" + interest.toPlainString() + "\"",
                // the claim is under 10,000: the court fee is the minimum 50 (诉讼费用交纳办法 art. 13)
                "name=\"costs\" value=\"50.00\"", "所选方式").doesNotContain("??");
        assertThat(html(form("/legal/cases/new/claim").param("lang", "en"), "legal", Role.LEGAL)).contains("Court fee", "chosen basis")
                .doesNotContain("??");
        String bad = html(form("/legal/cases/new/claim", "2"), "legal", Role.LEGAL);
        assertThat(bad).contains("请更正", "0.06 表示 6%").doesNotContain("id=\"claim-estimate\"");

        // opened with the computed figures (the user may still have edited them): the case keeps the method
        String location = mvc.perform(form("/legal/cases").param("interest", interest.toPlainString()).param("costs", "50.00")
                        .param("court", "杭州市西湖区人民法院").with(user("legal").roles("LEGAL")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = html(get(location), "legal", Role.LEGAL);
        assertThat(page).contains("id=\"claim-method\"", "日利率", "id=\"claim-lines\"", "data-invoice=\"" + invoice + "\"",
                "id=\"case-documents\"", "id=\"case-document-form\"", "id=\"case-evidence-download\"").doesNotContain("??");
        assertThat(html(get(location).param("lang", "en"), "legal", Role.LEGAL)).contains("Interest computed by", "Case documents")
                .doesNotContain("??");

        // a judgment uploaded on the case page is listed there and goes into the case's pack
        mvc.perform(multipart(location + "/documents").file(new MockMultipartFile("file", "一审判决书.pdf", "application/pdf", JUDGMENT))
                .param("category", "JUDGMENT").with(csrf()).with(user("legal").roles("LEGAL"))).andExpect(status().is3xxRedirection());
        assertThat(html(get(location), "legal", Role.LEGAL)).contains("一审判决书.pdf");
        mvc.perform(get(location + "/evidence-pack").with(user("finance").roles("FINANCE"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"));
        // a bad date comes back to the case page with the message
        mvc.perform(get(location + "/evidence-pack").param("asOf", "2999-01-01").with(user("legal").roles("LEGAL")))
                .andExpect(status().is3xxRedirection());

        // the collector reads the case (own customer) without the upload form or the pack
        assertThat(html(get(location), collector, Role.COLLECTOR)).contains("id=\"claim-method\"").doesNotContain("id=\"case-document-form\"",
                "id=\"case-evidence-download\"");
        mvc.perform(get(location + "/evidence-pack").with(user(collector).roles("COLLECTOR"))).andExpect(status().isForbidden());
        // a hand-entered claim says so
        String hand = mvc.perform(post("/legal/cases").with(csrf()).with(user("legal").roles("LEGAL")).param("customerCode", customer)
                        .param("invoiceNos", invoice).param("kind", "LAWYER_LETTER").param("interest", "10"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(html(get(hand), "legal", Role.LEGAL)).contains("id=\"claim-entered\"");
    }
}
