package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The calculators' API keeps its contract ({@code fee}; {@code days}, {@code interest}, {@code periods[from,to,days,rate,interest]}),
 * names every bad parameter, answers any signed-in role and nobody else; the page shows the bands and the periods.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CalculatorApiIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    @BeforeEach
    void users() {
        Api.user(users, "calclegal", Role.LEGAL);
        Api.user(users, "calccol", Role.COLLECTOR);
        Api.user(users, "calcfin", Role.FINANCE);
    }

    private JsonNode fee(String claim, String procedure) throws Exception {
        MockHttpServletRequestBuilder req = get("/api/calculators/court-fee").param("claim", claim);
        if (procedure != null) {
            req.param("procedure", procedure);
        }
        return Api.json(Api.call(mvc, req, "calclegal", null).andExpect(status().isOk()));
    }

    @Test
    void courtFeesOnTheWorkedExamples() throws Exception {
        JsonNode lawsuit = fee("1000000.00", "LAWSUIT");
        assertThat(lawsuit.get("fee").asString()).isEqualTo("13800.00");
        assertThat(lawsuit.get("bands")).hasSize(5);
        assertThat(lawsuit.get("bands").get(1).get("rate").asString()).isEqualTo("0.025");
        assertThat(lawsuit.get("article").asString()).contains("第十三条");
        assertThat(fee("1000000.00", null).get("fee").asString()).isEqualTo("13800.00"); // LAWSUIT by default
        assertThat(fee("1000000.00", "SUMMARY").get("fee").asString()).isEqualTo("6900.00");
        assertThat(fee("1000000.00", "PAYMENT_ORDER").get("fee").asString()).isEqualTo("4600.00");
        JsonNode preservation = fee("1000000", "PRESERVATION");
        assertThat(preservation.get("fee").asString()).isEqualTo("5000.00");
        assertThat(preservation.get("reduction").asString()).isEqualTo("CAPPED");
        assertThat(fee("5000", "LAWSUIT").get("fee").asString()).isEqualTo("50.00");
        JsonNode mediated = Api.json(Api.call(mvc, get("/api/calculators/court-fee").param("claim", "1000000").param("mediated", "true"),
                "calccol", null).andExpect(status().isOk()));
        assertThat(mediated.get("fee").asString()).isEqualTo("6900.00");
    }

    @Test
    void badCourtFeeInputNamesTheParameter() throws Exception {
        for (String bad : List.of("", "-100", "0", "100.001", "abc", "1e400")) {
            MockHttpServletRequestBuilder req = get("/api/calculators/court-fee").param("procedure", "LAWSUIT");
            if (!bad.isEmpty()) {
                req.param("claim", bad);
            }
            Api.call(mvc, req, "calclegal", null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("claim"));
        }
        Api.call(mvc, get("/api/calculators/court-fee").param("claim", "1000").param("procedure", "APPEAL"), "calclegal", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("procedure"));
        Api.call(mvc, get("/api/calculators/court-fee").param("claim", "1000").param("procedure", "PRESERVATION").param("mediated", "true"),
                "calclegal", null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mediated"));
    }

    @Test
    void lateInterestAcrossAnLprChangeKeepsTheContract() throws Exception {
        JsonNode r = Api.json(Api.call(mvc, get("/api/calculators/late-interest").param("principal", "1000000.00").param("from", "2024-07-01")
                .param("to", "2024-10-31").param("basis", "LPR"), "calccol", null).andExpect(status().isOk()));
        assertThat(r.get("days").asLong()).isEqualTo(123);
        assertThat(r.get("interest").asString()).isEqualTo("11271.23");
        assertThat(r.get("periods")).hasSize(3);
        JsonNode first = r.get("periods").get(0);
        assertThat(first.get("from").asString()).isEqualTo("2024-07-01");
        assertThat(first.get("to").asString()).isEqualTo("2024-07-21");
        assertThat(first.get("days").asLong()).isEqualTo(21);
        assertThat(first.get("rate").asString()).isEqualTo("0.0345");
        assertThat(first.get("interest").asString()).isEqualTo("1984.93");

        JsonNode daily = Api.json(Api.call(mvc, get("/api/calculators/late-interest").param("principal", "100000").param("from", "2026-03-01")
                .param("to", "2026-03-31").param("basis", "DAILY_RATE").param("rate", "0.0005"), "calcfin", null).andExpect(status().isOk()));
        assertThat(daily.get("interest").asString()).isEqualTo("1550.00");
        assertThat(daily.get("days").asLong()).isEqualTo(31);

        JsonNode marked = Api.json(Api.call(mvc, get("/api/calculators/late-interest").param("principal", "200000").param("from", "2025-06-01")
                .param("to", "2025-09-08").param("basis", "LPR").param("markup", "0.5").param("dayBasis", "360"), "calcfin", null)
                .andExpect(status().isOk()));
        // 200,000 × 3.00% × 1.5 × 100 / 360 = 2,500.00
        assertThat(marked.get("interest").asString()).isEqualTo("2500.00");
        assertThat(marked.get("dayBasis").asInt()).isEqualTo(360);
    }

    @Test
    void badInterestInputNamesTheParameter() throws Exception {
        bad("to", "principal", "100", "from", "2026-03-10", "to", "2026-03-09", "basis", "DAILY_RATE", "rate", "0.0005");
        bad("rate", "principal", "100", "from", "2026-03-01", "to", "2026-03-09", "basis", "DAILY_RATE");
        bad("rate", "principal", "100", "from", "2026-03-01", "to", "2026-03-09", "basis", "CONTRACT");
        bad("from", "principal", "100", "from", "2026-02-30", "to", "2026-03-09", "basis", "LPR");
        bad("basis", "principal", "100", "from", "2026-03-01", "to", "2026-03-09", "basis", "WEEKLY");
        bad("dayBasis", "principal", "100", "from", "2026-03-01", "to", "2026-03-09", "basis", "LPR", "dayBasis", "366");
        bad("principal", "principal", "ten", "from", "2026-03-01", "to", "2026-03-09", "basis", "LPR");
        String body = bad("from", "principal", "100", "from", "2015-01-01", "to", "2015-12-31", "basis", "LPR");
        assertThat(body).contains("no LPR is known for 2015-01-01");
    }

    private String bad(String field, String... params) throws Exception {
        MockHttpServletRequestBuilder req = get("/api/calculators/late-interest");
        for (int i = 0; i + 1 < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        return Api.call(mvc, req, "calclegal", null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everySignedInRoleMayComputeNobodyElse() throws Exception {
        mvc.perform(get("/api/calculators/court-fee").param("claim", "1000")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/calculators/court-fee").param("claim", "1000").with(httpBasic("calccol", "wrong"))).andExpect(status().isUnauthorized());
        Api.call(mvc, get("/api/calculators/court-fee").param("claim", "1000"), "calccol", null).andExpect(status().isOk());
    }

    @Test
    void thePageShowsTheBandsThePeriodsAndTheErrorsByField() throws Exception {
        String fee = page("calccol", "zh-CN", "calc", "fee", "claim", "1,000,000", "procedure", "LAWSUIT");
        assertThat(fee).contains("id=\"fee-amount\">13,800.00<", "id=\"fee-bands\"", "2.5%", "第十三条", "id=\"nav-legal-calculators\"")
                .doesNotContain("id=\"nav-lpr\"", "id=\"calc-lpr-link\""); // a collector has no LPR table page
        String interest = page("calclegal", "en", "calc", "interest", "principal", "1000000", "from", "2024-07-01", "to", "2024-10-31",
                "basis", "LPR", "dayBasis", "365");
        assertThat(interest).contains("id=\"interest-amount\">11,271.23<", "id=\"interest-periods\"", "3.45%", "Interest (123 days)",
                "id=\"nav-lpr\"");
        String wrong = page("calclegal", "en", "calc", "interest", "principal", "100", "from", "2026-03-10", "to", "2026-03-01", "basis",
                "DAILY_RATE");
        assertThat(wrong).contains("Cannot compute", "is before the first day late, 2026-03-10").doesNotContain("id=\"interest-result\"");
        String zh = page("calclegal", "zh-CN", "calc", "fee", "claim", "-5");
        assertThat(zh).contains("无法计算", "金额必须大于 0").doesNotContain("id=\"fee-result\"");
    }

    private String page(String user, String lang, String... params) throws Exception {
        MockHttpServletRequestBuilder req = get("/legal/calculators").param("lang", lang);
        for (int i = 0; i + 1 < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        return mvc.perform(req.with(httpBasic(user, user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
