package io.huikuan.common;

import static io.huikuan.support.Api.call;
import static io.huikuan.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * What a user types into a search box is searched for literally: {@code %}, {@code _} and {@code \}
 * match only themselves, never "anything". Customers "100%_Co" and "100X Co" (and others) side by side;
 * run on H2 and on PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class LiteralSearchBehaviour {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    String prefix;

    @BeforeEach
    void customers() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "manager", Role.MANAGER);
        Api.user(users, "collector1", Role.COLLECTOR);
        prefix = "LS" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        customer("PCT", "100%_Co");
        customer("X", "100X Co");
        customer("FIVE", "1005 Co");
        customer("UND", "A_B 贸易");
        customer("AB", "AxB 贸易");
        customer("BS", "C:\\Temp 商行");
    }

    @Test
    void aPercentSignFindsOnlyNamesThatContainOne() throws Exception {
        assertThat(customerNames("100%")).containsExactly("100%_Co");
        List<String> all = customerNames("%");
        assertThat(all).contains("100%_Co").allSatisfy(n -> assertThat(n).contains("%"));
    }

    @Test
    void anUnderscoreIsAnUnderscoreNotAnyCharacter() throws Exception {
        assertThat(customerNames("a_b")).containsExactly("A_B 贸易");
        assertThat(customerNames("100_")).isEmpty();
        assertThat(customerNames("%_")).containsExactly("100%_Co");
        assertThat(customerNames("_")).contains("100%_Co", "A_B 贸易").allSatisfy(n -> assertThat(n).contains("_"));
    }

    @Test
    void aBackslashIsABackslash() throws Exception {
        assertThat(customerNames("c:\\t")).containsExactly("C:\\Temp 商行");
        assertThat(customerNames("\\")).contains("C:\\Temp 商行").allSatisfy(n -> assertThat(n).contains("\\"));
        assertThat(customerNames("\\%")).isEmpty();
    }

    @Test
    void invoiceSearchAndTheCustomerExportReadTheSearchLiterally() throws Exception {
        call(mvc, post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-INV_1","customerCode":"%s-PCT","issueDate":"2026-05-01","dueDate":"2026-05-31","amount":100.00}"""
                .formatted(prefix, prefix)).andExpect(status().isCreated());
        call(mvc, post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-INVX1","customerCode":"%s-X","issueDate":"2026-05-01","dueDate":"2026-05-31","amount":200.00}"""
                .formatted(prefix, prefix)).andExpect(status().isCreated());
        JsonNode invoices = json(call(mvc, get("/api/invoices").param("q", prefix + "-inv_"), "finance", null).andExpect(status().isOk()));
        List<String> numbers = new ArrayList<>();
        invoices.get("items").forEach(i -> numbers.add(i.get("invoiceNo").asString()));
        assertThat(numbers).containsExactly(prefix + "-INV_1");

        String csv = download("/api/exports/customers", "100%");
        assertThat(csv).contains("100%_Co").doesNotContain("100X Co").doesNotContain("1005 Co");
    }

    @Test
    void scriptSearchReadsPercentLiterally() throws Exception {
        String code = "S" + prefix.replace("-", "");
        call(mvc, post("/api/scripts"), "manager", """
                {"code":"%s","stage":"FOLLOW_UP","excuse":"NO_MONEY","personality":"STEADY","tone":"GENTLE","method":"ADVISE",
                 "titleZh":"先付 50%%","titleEn":"Half first %s","textZh":"可以先付一半吗？","textEn":"Could you pay half first?",
                 "whenZh":"客户确有困难时","whenEn":"When the customer is short of cash"}""".formatted(code, prefix))
                .andExpect(status().isCreated());
        JsonNode found = json(call(mvc, get("/api/scripts").param("q", "50%"), "manager", null).andExpect(status().isOk()));
        List<String> titles = new ArrayList<>();
        found.forEach(s -> titles.add(s.get("titleZh").asString()));
        assertThat(titles).contains("先付 50%").allSatisfy(t -> assertThat(t).contains("50%"));
        JsonNode none = json(call(mvc, get("/api/scripts").param("q", "先付 5_%"), "manager", null).andExpect(status().isOk()));
        assertThat(none.size()).isZero();
    }

    private void customer(String suffix, String name) throws Exception {
        String body = "{\"code\":\"%s-%s\",\"name\":%s,\"owner\":\"collector1\",\"creditLimit\":100000,\"creditDays\":30}"
                .formatted(prefix, suffix, quoted(name));
        call(mvc, post("/api/customers"), "admin", body).andExpect(status().isCreated());
    }

    /** The names of this test's customers that the customer search finds for {@code q}. */
    private List<String> customerNames(String q) throws Exception {
        JsonNode page = json(call(mvc, get("/api/customers").param("q", q).param("size", "200"), "admin", null).andExpect(status().isOk()));
        List<String> names = new ArrayList<>();
        page.get("items").forEach(c -> {
            if (c.get("code").asString().startsWith(prefix + "-")) {
                names.add(c.get("name").asString());
            }
        });
        return names;
    }

    private String download(String url, String q) throws Exception {
        MvcResult r = mvc.perform(get(url).param("format", "csv").param("q", q)
                .with(SecurityMockMvcRequestPostProcessors.httpBasic("admin", "admin"))).andReturn();
        if (r.getRequest().isAsyncStarted()) {
            r = mvc.perform(asyncDispatch(r)).andReturn();
        }
        assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
