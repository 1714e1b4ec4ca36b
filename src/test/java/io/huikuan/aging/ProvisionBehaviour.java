package io.huikuan.aging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provisions as an API client sees them, on a context of its own (a fresh database) holding one
 * small portfolio, so totals are exact. Today is 2026-06-30 in tests. The portfolio:
 * <ul>
 * <li>X: issued 2025-12-31 (6 months old), due 2026-01-31, 1000.00; 400.00 paid 2026-03-15 and
 * 100.00 paid 2026-07-10 (after D);</li>
 * <li>W: issued 2025-06-30 (exactly one year old), due 2025-08-29, 300.00;</li>
 * <li>Y: issued 2024-12-31 (18 months old), due 2025-01-30, 2000.00;</li>
 * <li>Z: issued 2020-06-01 (6 years old), due 2020-07-01, 500.00.</li>
 * </ul>
 * The month-end amounts per bucket these give are {@link ProvisionsTests#MONTH_ENDS}.
 */
@SpringBootTest(properties = "huikuan.test-context=provisions")
@AutoConfigureMockMvc
abstract class ProvisionBehaviour {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final String OWNER = "pv-collector";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    @BeforeEach
    void portfolio() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "manager", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "legal", Role.LEGAL);
        Api.user(users, OWNER, Role.COLLECTOR);
        if (mvc.perform(get("/api/customers/PV-A").with(httpBasic("admin", "admin"))).andReturn().getResponse().getStatus() == 200) {
            return;
        }
        call(post("/api/customers"), "admin", """
                {"code":"PV-A","name":"客户 PV-A","owner":"%s"}""".formatted(OWNER)).andExpect(status().isCreated());
        invoice("PV-X", "2025-12-31", "2026-01-31", "1000.00");
        invoice("PV-W", "2025-06-30", "2025-08-29", "300.00");
        invoice("PV-Y", "2024-12-31", "2025-01-30", "2000.00");
        invoice("PV-Z", "2020-06-01", "2020-07-01", "500.00");
        payment("PV-P1", "2026-03-15", "PV-X", "400.00");
        payment("PV-P2", "2026-07-10", "PV-X", "100.00");
    }

    @Test
    void agingMethodByInvoiceAgeWithTheDefaultRates() throws Exception {
        JsonNode r = provisions("manager", "asOf=2026-06-30");
        assertThat(r.get("asOf").asString()).isEqualTo("2026-06-30");
        JsonNode bands = r.get("agingMethod").get("bands");
        assertThat(bands).hasSize(6);
        assertThat(labels(bands)).containsExactly("under 1 year", "1-2 years", "2-3 years", "3-4 years", "4-5 years", "over 5 years");
        assertThat(bands.get(0).get("fromYears").asInt()).isZero();
        assertThat(bands.get(0).get("toYears").asInt()).isEqualTo(1);
        assertThat(bands.get(5).get("fromYears").asInt()).isEqualTo(5);
        assertThat(bands.get(5).get("toYears").isNull()).isTrue();
        // X 600 (400 paid before D, 100 after) under 1 year; W (exactly a year) and Y in 1-2 years; Z over 5 years
        assertThat(column(bands, "balance")).containsExactlyElementsOf(money("600.00", "2300.00", "0.00", "0.00", "0.00", "500.00"));
        assertThat(column(bands, "rate")).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(money("0.05", "0.1", "0.2", "0.5", "0.8", "1"));
        assertThat(column(bands, "provision")).containsExactlyElementsOf(money("30.00", "230.00", "0.00", "0.00", "0.00", "500.00"));
        assertThat(money(r.get("agingMethod").get("total"))).isEqualTo(new BigDecimal("760.00"));
    }

    @Test
    void ratesCanBeGivenAndPaymentsCountFromTheirDate() throws Exception {
        JsonNode custom = provisions("finance", "asOf=2026-06-30&rates=0.01,0.1,0.3,0.5,0.8,0.9");
        assertThat(column(custom.get("agingMethod").get("bands"), "provision"))
                .containsExactlyElementsOf(money("6.00", "230.00", "0.00", "0.00", "0.00", "450.00"));
        assertThat(money(custom.get("agingMethod").get("total"))).isEqualTo(new BigDecimal("686.00"));

        // a month later the July payment counts: X 500 → 25.00
        JsonNode july = provisions("legal", "asOf=2026-07-31");
        assertThat(column(july.get("agingMethod").get("bands"), "balance"))
                .containsExactlyElementsOf(money("500.00", "2300.00", "0.00", "0.00", "0.00", "500.00"));
        assertThat(money(july.get("agingMethod").get("total"))).isEqualTo(new BigDecimal("755.00"));

        // before anything was issued
        JsonNode early = provisions("admin", "asOf=2020-01-01");
        assertThat(money(early.get("agingMethod").get("total"))).isEqualTo(new BigDecimal("0.00"));
        assertThat(money(early.get("expectedCreditLoss").get("total"))).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void expectedCreditLossFromTheRollRatesOfTheLastTwelveMonthEnds() throws Exception {
        // today (2026-06-30) by default
        JsonNode ecl = provisions("manager", "").get("expectedCreditLoss");
        JsonNode buckets = ecl.get("buckets");
        assertThat(labels(buckets)).containsExactly("not due", "1-30", "31-60", "61-90", "91-180", "181-365", "over 365");
        assertThat(column(buckets, "balance")).containsExactlyElementsOf(money("0.00", "0.00", "0.00", "0.00", "600.00", "300.00", "2500.00"));
        List<BigDecimal> rolls = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            rolls.add(buckets.get(k).get("rollRate").decimalValue());
        }
        assertThat(rolls).containsExactlyElementsOf(money("0.500000", "0.800000", "1.000000", "1.000000", "0.750000", "0.583333"));
        assertThat(buckets.get(6).get("rollRate").isNull()).isTrue();
        List<BigDecimal> losses = new ArrayList<>();
        buckets.forEach(b -> losses.add(b.get("lossRate").decimalValue()));
        assertThat(losses).containsExactlyElementsOf(
                money("0.175000", "0.350000", "0.437500", "0.437500", "0.437500", "0.583333", "1.000000"));
        assertThat(column(buckets, "provision")).containsExactlyElementsOf(money("0.00", "0.00", "0.00", "0.00", "262.50", "175.00", "2500.00"));
        assertThat(money(ecl.get("total"))).isEqualTo(new BigDecimal("2937.50"));
        assertThat(money(ecl.get("balance"))).isEqualTo(new BigDecimal("3400.00"));
    }

    @Test
    void collectorsAreRefusedAndStrangersMustSignIn() throws Exception {
        mvc.perform(get("/api/provisions").with(httpBasic(OWNER, OWNER))).andExpect(status().isForbidden());
        mvc.perform(get("/api/provisions")).andExpect(status().isUnauthorized());
    }

    @Test
    void badRatesOrDateAreRefusedNamingTheParameter() throws Exception {
        for (String rates : List.of("0.05,0.1,0.2,0.5,0.8", "0.05,0.1,0.2,0.5,0.8,1,1", "a,b,c,d,e,f",
                "0.05,0.1,0.2,0.5,0.8,1.5", "-0.05,0.1,0.2,0.5,0.8,1", "5,10,20,50,80,100", "0.05,,0.2,0.5,0.8,1")) {
            mvc.perform(get("/api/provisions").param("rates", rates).with(httpBasic("manager", "manager")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("rates"));
        }
        mvc.perform(get("/api/provisions?asOf=2026-13-01").with(httpBasic("manager", "manager")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    // --- helpers

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return mvc.perform(req.with(httpBasic(user, user)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    void invoice(String no, String issue, String due, String amount) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"PV-A","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(no, issue, due, amount)).andExpect(status().isCreated());
    }

    void payment(String ref, String date, String invoice, String amount) throws Exception {
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s","customerCode":"PV-A","paymentDate":"%s","amount":%s,
                 "allocations":[{"invoiceNo":"%s","amount":%s}]}"""
                .formatted(ref, date, amount, invoice, amount)).andExpect(status().isCreated());
    }

    /** The provisions as {@code user} sees them, checked for their sums. */
    JsonNode provisions(String user, String query) throws Exception {
        String body = mvc.perform(get("/api/provisions" + (query.isEmpty() ? "" : "?" + query)).with(httpBasic(user, user)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode r = JSON.readTree(body);
        for (String part : List.of("agingMethod", "expectedCreditLoss")) {
            JsonNode lines = r.get(part).get(part.equals("agingMethod") ? "bands" : "buckets");
            BigDecimal provisions = column(lines, "provision").stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal balances = column(lines, "balance").stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(money(r.get(part).get("total"))).as("%s total", part).isEqualByComparingTo(provisions);
            assertThat(money(r.get(part).get("balance"))).as("%s balance", part).isEqualByComparingTo(balances);
        }
        // both methods provide for the same receivables
        assertThat(money(r.get("agingMethod").get("balance"))).isEqualTo(money(r.get("expectedCreditLoss").get("balance")));
        return r;
    }

    static List<String> labels(JsonNode lines) {
        List<String> labels = new ArrayList<>();
        lines.forEach(l -> labels.add(l.get("label").asString()));
        return labels;
    }

    /** One field of every line; money fields are checked to have 2 decimals. */
    static List<BigDecimal> column(JsonNode lines, String field) {
        List<BigDecimal> values = new ArrayList<>();
        lines.forEach(l -> values.add(field.equals("rate") ? l.get(field).decimalValue() : money(l.get(field))));
        return values;
    }

    static List<BigDecimal> money(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    /** A JSON number written with exactly 2 decimals. */
    static BigDecimal money(JsonNode n) {
        assertThat(n.isNumber()).as("%s is a number", n).isTrue();
        BigDecimal v = n.decimalValue();
        assertThat(v.scale()).as("%s has 2 decimals", n).isEqualTo(2);
        return v;
    }
}
