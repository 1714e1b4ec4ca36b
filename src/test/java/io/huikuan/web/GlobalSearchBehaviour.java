package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12, item 12: the header's search finds customers (code, beginning of the name, credit code),
 * invoices, payments and documents by number; a collector finds only their own portfolio; what is typed
 * is matched literally ({@code %} and {@code _} are no wildcards); an exact number that is the only hit opens its page.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class GlobalSearchBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;

    private String token;
    private String mine;
    private String theirs;

    @BeforeEach
    void data() throws Exception {
        Api.user(users, "gs-admin", Role.ADMIN);
        Api.user(users, "gs-col", Role.COLLECTOR);
        Api.user(users, "gs-other", Role.COLLECTOR);
        Api.user(users, "gs-legal", Role.LEGAL);
        token = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        mine = "GS" + token + "A";
        theirs = "GS" + token + "B";
        Api.call(mvc, post("/api/customers"), "gs-admin", """
                {"code":"%s","name":"杭州%s西子电梯有限公司","owner":"gs-col","creditCode":"91350100M000100Y43"}"""
                .formatted(mine, token)).andExpect(status().isCreated());
        Api.call(mvc, post("/api/customers"), "gs-admin", """
                {"code":"%s","name":"杭州%s钱江摩托有限公司","owner":"gs-other"}""".formatted(theirs, token)).andExpect(status().isCreated());
        Api.call(mvc, post("/api/invoices"), "gs-admin", """
                {"invoiceNo":"INV-%s-01","customerCode":"%s","issueDate":"2026-05-01","dueDate":"2026-05-31","amount":1200.00}"""
                .formatted(token, mine)).andExpect(status().isCreated());
        Api.call(mvc, post("/api/invoices"), "gs-admin", """
                {"invoiceNo":"INV-%s-02","customerCode":"%s","issueDate":"2026-05-01","dueDate":"2026-05-31","amount":3400.00}"""
                .formatted(token, theirs)).andExpect(status().isCreated());
        Api.call(mvc, post("/api/payments"), "gs-admin", """
                {"paymentRef":"PAY-%s-01","customerCode":"%s","paymentDate":"2026-06-02","amount":500.00}""".formatted(token, mine))
                .andExpect(status().isCreated());
        long customerId = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(mine).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO document (doc_no, customer_id, kind, title, sha256, size_bytes, content, created_by, created_at)
                VALUES (?, ?, 'DEMAND_LETTER', '催款函', ?, 4, ?, 'gs-admin', ?)""")
                .params("DL-" + token + "-000009", customerId, "0".repeat(64), "%PDF".getBytes(StandardCharsets.US_ASCII),
                        Timestamp.from(Instant.now())).update();
    }

    @Test
    void findsEachKindByItsNumberAndCustomersByCodeNameAndCreditCode() throws Exception {
        assertThat(page("GS" + token, "gs-admin", Role.ADMIN)).contains("id=\"search-customer\"").doesNotContain("??", "id=\"search-invoice\"");
        assertThat(page("INV-" + token, "gs-admin", Role.ADMIN)).contains("id=\"search-invoice\"");
        assertThat(page("PAY-" + token, "gs-admin", Role.ADMIN)).contains("id=\"search-payment\"", "PAY-" + token + "-01", "500.00");
        assertThat(page("DL-" + token, "gs-admin", Role.ADMIN)).contains("id=\"search-document\"");
        String byCode = page("GS" + token, "gs-legal", Role.LEGAL);
        assertThat(byCode).contains(mine, theirs, "西子电梯", "href=\"/customers/" + mine + "\"");
        assertThat(page("杭州" + token + "西子", "gs-admin", Role.ADMIN)).contains(mine).doesNotContain(theirs);
        assertThat(page("inv-" + token.toLowerCase(), "gs-admin", Role.ADMIN)) // typed in lower case
                .contains("href=\"/invoices/INV-" + token + "-01\"", "href=\"/invoices/INV-" + token + "-02\"", "1,200.00 CNY");
        assertThat(page("DL-" + token, "gs-admin", Role.ADMIN)).contains("DL-" + token + "-000009", "催款函", "href=\"/documents/");
        assertThat(page("没有这个-" + token, "gs-admin", Role.ADMIN)).contains("id=\"search-empty\"", "没有找到");
        assertThat(page("", "gs-admin", Role.ADMIN)).doesNotContain("id=\"search-empty\"", "search-hit");
    }

    @Test
    void anExactNumberThatIsTheOnlyHitOpensItsPage() throws Exception {
        mvc.perform(get("/search").param("q", "PAY-" + token + "-01").with(user("gs-admin").roles("ADMIN")))
                .andExpect(redirectedUrl("/payments/PAY-" + token + "-01"));
        mvc.perform(get("/search").param("q", " inv-" + token + "-02 ").with(user("gs-admin").roles("ADMIN")))
                .andExpect(redirectedUrl("/invoices/INV-" + token + "-02"));
        mvc.perform(get("/search").param("q", "91350100M000100Y43").with(user("gs-admin").roles("ADMIN")))
                .andExpect(status().isOk()); // a credit code is not the customer's code: the results page names the customer
    }

    @Test
    void aCollectorFindsOnlyTheirOwnPortfolio() throws Exception {
        String found = page("GS" + token, "gs-col", Role.COLLECTOR);
        assertThat(found).contains(mine).doesNotContain(theirs, "钱江摩托");
        assertThat(page("INV-" + token, "gs-col", Role.COLLECTOR)).contains("INV-" + token + "-01").doesNotContain("INV-" + token + "-02");
        assertThat(page("INV-" + token + "-02", "gs-col", Role.COLLECTOR)).contains("id=\"search-empty\"");
        assertThat(page("DL-" + token, "gs-other", Role.COLLECTOR)).contains("id=\"search-empty\"");
    }

    @Test
    void wildcardsInTheQueryMatchOnlyThemselves() throws Exception {
        assertThat(page("%", "gs-admin", Role.ADMIN)).contains("id=\"search-empty\"");
        assertThat(page("GS" + token.substring(0, 2) + "_" + token.substring(3), "gs-admin", Role.ADMIN)).contains("id=\"search-empty\"");
        assertThat(page("INV-" + token + "%", "gs-admin", Role.ADMIN)).contains("id=\"search-empty\"");
        assertThat(page("\\", "gs-admin", Role.ADMIN)).doesNotContain("search-hit");
    }

    private String page(String q, String username, Role role) throws Exception {
        return mvc.perform(get("/search").param("q", q).param("lang", "zh-CN").with(user(username).roles(role.name())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
