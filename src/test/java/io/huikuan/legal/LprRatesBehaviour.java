package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The LPR table: seeded with the published one-year LPR history (each value's announcement cited) and the benchmark
 * rate before it, read by finance, legal and managers, maintained by administrators only; a new rate changes the
 * interest from its date; bad input and a duplicate date are named.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class LprRatesBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    @BeforeEach
    void users() {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "lprfin", Role.FINANCE);
        Api.user(users, "lprlegal", Role.LEGAL);
        Api.user(users, "lprcol", Role.COLLECTOR);
    }

    @Test
    void theSeededHistoryCitesItsSourcesAndInventsNothingAfterMay2025() throws Exception {
        JsonNode rates = Api.json(Api.call(mvc, get("/api/lpr-rates"), "lprfin", null).andExpect(status().isOk()));
        JsonNode first = rates.get(0);
        assertThat(first.get("effectiveFrom").asString()).isEqualTo("2015-10-24");
        assertThat(first.get("rate").decimalValue()).isEqualByComparingTo("4.35");
        assertThat(first.get("kind").asString()).isEqualTo("BENCHMARK");
        assertThat(first.get("source").asString()).contains("中国人民银行", "基准利率");
        StringBuilder history = new StringBuilder();
        for (JsonNode r : rates) {
            if (r.get("effectiveFrom").asString().compareTo("2025-05-20") <= 0 && r.get("kind").asString().equals("LPR")) {
                assertThat(r.get("source").asString()).contains("全国银行间同业拆借中心");
                history.append(r.get("effectiveFrom").asString()).append('=').append(r.get("rate").decimalValue().stripTrailingZeros().toPlainString()).append(' ');
            }
        }
        assertThat(history.toString().trim()).isEqualTo("2019-08-20=4.25 2019-09-20=4.2 2019-11-20=4.15 2020-02-20=4.05 2020-04-20=3.85 "
                + "2021-12-20=3.8 2022-01-20=3.7 2022-08-22=3.65 2023-06-20=3.55 2023-08-21=3.45 2024-07-22=3.35 2024-10-21=3.1 2025-05-20=3");
        Api.call(mvc, get("/api/lpr-rates"), "lprlegal", null).andExpect(status().isOk());
        Api.call(mvc, get("/api/lpr-rates"), "lprcol", null).andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorAddsARateAndTheInterestSplitsOnIt() throws Exception {
        Api.call(mvc, post("/api/lpr-rates"), "admin", """
                {"effectiveFrom":"2026-01-20","rate":2.90,"source":"全国银行间同业拆借中心公告（测试）"}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("LPR")).andExpect(jsonPath("$.updatedBy").value("admin"));
        JsonNode r = Api.json(Api.call(mvc, get("/api/calculators/late-interest").param("principal", "365000").param("from", "2026-01-11")
                .param("to", "2026-01-30").param("basis", "LPR"), "lprcol", null).andExpect(status().isOk()));
        // 365,000 × 3.00% × 9 / 365 = 270.00, then × 2.90% × 11 / 365 = 319.00
        assertThat(r.get("periods")).hasSize(2);
        assertThat(r.get("periods").get(0).get("interest").asString()).isEqualTo("270.00");
        assertThat(r.get("periods").get(1).get("from").asString()).isEqualTo("2026-01-20");
        assertThat(r.get("periods").get(1).get("interest").asString()).isEqualTo("319.00");
        assertThat(r.get("interest").asString()).isEqualTo("589.00");

        // a duplicate date is named; a correction replaces the rate
        Api.call(mvc, post("/api/lpr-rates"), "admin", """
                {"effectiveFrom":"2026-01-20","rate":2.80,"source":"again"}""")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
        Api.call(mvc, put("/api/lpr-rates/2026-01-20"), "admin", """
                {"rate":2.80,"source":"全国银行间同业拆借中心公告（更正）"}""").andExpect(status().isOk()).andExpect(jsonPath("$.rate").value(2.8));
        Api.call(mvc, put("/api/lpr-rates/2026-03-20"), "admin", """
                {"rate":2.80,"source":"x"}""").andExpect(status().isNotFound());
    }

    @Test
    void onlyAdministratorsMaintainItAndBadInputIsNamed() throws Exception {
        String ok = """
                {"effectiveFrom":"2026-02-20","rate":2.85,"source":"公告"}""";
        Api.call(mvc, post("/api/lpr-rates"), "lprfin", ok).andExpect(status().isForbidden());
        Api.call(mvc, post("/api/lpr-rates"), "lprlegal", ok).andExpect(status().isForbidden());
        Api.call(mvc, post("/api/lpr-rates"), "admin", """
                {"effectiveFrom":"2026-02-20","source":"公告"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("rate"));
        Api.call(mvc, post("/api/lpr-rates"), "admin", """
                {"effectiveFrom":"2026-02-20","rate":2.85,"source":"  "}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("source"));
        Api.call(mvc, post("/api/lpr-rates"), "admin", """
                {"rate":2.85,"source":"公告"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
        Api.call(mvc, post("/api/lpr-rates"), "admin", """
                {"effectiveFrom":"2026-02-20","rate":-1,"source":"公告"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rate"));
        Api.call(mvc, post("/api/lpr-rates"), "admin", """
                {"effectiveFrom":"2026-02-20","rate":2.12345,"source":"公告"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rate"));
        Api.call(mvc, get("/api/lpr-rates"), "lprfin", null).andExpect(jsonPath("$[?(@.effectiveFrom == '2026-02-20')]").isEmpty());
    }

    @Test
    void thePageAddsARateAndNamesADuplicateDate() throws Exception {
        mvc.perform(post("/admin/lpr").param("effectiveFrom", "2026-04-20").param("rate", "2.75").param("source", "全国银行间同业拆借中心公告")
                .with(user("admin").roles("ADMIN")).with(csrf())).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/admin/lpr").param("lang", "en").with(user("lprfin").roles("FINANCE"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-date=\"2026-04-20\"", "2.75", "Benchmark lending rate").doesNotContain("id=\"lpr-form\"");
        var dup = mvc.perform(post("/admin/lpr").param("effectiveFrom", "2026-04-20").param("rate", "2.70").param("source", "x")
                .with(user("admin").roles("ADMIN")).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        String again = mvc.perform(get("/admin/lpr").param("lang", "en").with(user("admin").roles("ADMIN"))
                .flashAttrs(dup.getFlashMap())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("id=\"lpr-form\"", "利率表中已有 2026-04-20 的利率"); // said in the language of the POST (zh by default)
        mvc.perform(get("/admin/lpr").with(user("lprcol").roles("COLLECTOR"))).andExpect(status().isForbidden());
    }
}
