package io.huikuan.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import io.huikuan.support.WebhookReceiver;
import io.huikuan.support.WebhookReceiver.Received;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credit check (issue 15, item 2) on H2 and PostgreSQL: each decision with its reasons (fits: APPROVE; on hold: BLOCK;
 * over the limit beyond the tolerance: BLOCK; within the tolerance or a poor grade: REVIEW), every check recorded, the
 * review approved or rejected by finance or a manager and the answer signed to the ERP, the policy, roles and bad input.
 */
@SpringBootTest(properties = "huikuan.outbox.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class CreditCheckBehaviour {

    static final String SECRET = "erp-credit-secret-15";
    static final WebhookReceiver ERP = WebhookReceiver.start("/erp/credit");
    static final List<Received> RECEIVED = ERP.received();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void erp(DynamicPropertyRegistry r) {
        r.add("huikuan.credit.check-webhook.url", ERP::url);
        r.add("huikuan.credit.check-webhook.secret", () -> SECRET);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String token;
    String collector;

    @BeforeEach
    void setUp() {
        clock.set(LocalDate.parse("2025-06-10"), LocalTime.of(10, 0));
        Api.user(users, "cc-admin", Role.ADMIN);
        Api.user(users, "cc-finance", Role.FINANCE);
        Api.user(users, "cc-boss", Role.MANAGER);
        token = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        collector = "cc-" + token.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, "cc-other-" + token.toLowerCase(), Role.COLLECTOR);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    /** A customer with the limit, owing 10,000 not yet due (invoiced 2025-06-01, due 2025-07-01). */
    String customer(String suffix, String limit) throws Exception {
        String code = "CC-" + token + "-" + suffix;
        call(post("/api/customers"), "cc-admin", """
                {"code":"%s","name":"常州机电 %s","owner":"%s"%s}""".formatted(code, suffix, collector,
                limit == null ? "" : ",\"creditLimit\":" + limit)).andExpect(status().isCreated());
        call(post("/api/invoices"), "cc-finance", """
                {"invoiceNo":"%s-1","customerCode":"%s","issueDate":"2025-06-01","dueDate":"2025-07-01","amount":10000.00}"""
                .formatted(code, code)).andExpect(status().isCreated());
        return code;
    }

    JsonNode check(String code, String amount, String user, String lang) throws Exception {
        return Api.json(call(post("/api/credit-checks").param("lang", lang), user, """
                {"customerCode":"%s","amount":"%s","reference":"SO-%s"}""".formatted(code, amount, token)).andExpect(status().isCreated()));
    }

    List<String> reasons(JsonNode check) {
        return check.get("reasons").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void anOrderThatFitsTheAvailableLimitIsApprovedAndRecorded() throws Exception {
        String c = customer("F", "50000.00");
        JsonNode r = check(c, "1000.00", collector, "zh-CN");
        assertThat(r.get("decision").asString()).isEqualTo("APPROVE");
        assertThat(r.get("exposure").decimalValue()).isEqualByComparingTo("10000");
        assertThat(r.get("limit").decimalValue()).isEqualByComparingTo("50000");
        assertThat(r.get("available").decimalValue()).isEqualByComparingTo("40000");
        assertThat(r.get("grade").asString()).isEqualTo("A");
        assertThat(r.get("score").asInt()).isBetween(85, 100);
        assertThat(reasons(r)).contains("订单金额1000.00在可用额度40000.00内", "信用等级A不低于需审核等级C");
        assertThat(r.get("review").isNull()).as("nothing to review").isTrue();
        assertThat(reasons(check(c, "40000.00", collector, "en"))).as("exactly the available amount fits")
                .contains("the order of 40000.00 fits the available limit of 40000.00");

        JsonNode recorded = Api.json(call(get("/api/credit-checks").param("customer", c), "cc-finance", null).andExpect(status().isOk()));
        assertThat(recorded.size()).isEqualTo(2);
        assertThat(recorded.get(1).get("id").asLong()).isEqualTo(r.get("id").asLong());
        assertThat(recorded.get(1).get("reference").asString()).isEqualTo("SO-" + token);
        assertThat(recorded.get(1).get("checkedBy").asString()).isEqualTo(collector);
        assertThat(recorded.get(1).get("amount").decimalValue()).isEqualByComparingTo("1000");
        call(get("/api/credit-checks").param("customer", c).param("decision", "BLOCK"), "cc-finance", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aCustomerOnHoldIsBlockedWhateverTheAmount() throws Exception {
        String c = customer("H", "50000.00");
        call(post("/api/customers/" + c + "/supply-holds"), "cc-boss", """
                {"reason":"质量纠纷期间暂停发货","since":"2025-06-01"}""").andExpect(status().isCreated());
        JsonNode r = check(c, "100.00", "cc-finance", "zh-CN");
        assertThat(r.get("decision").asString()).isEqualTo("BLOCK");
        assertThat(reasons(r)).contains("客户处于暂停供货状态：质量纠纷期间暂停发货");
    }

    @Test
    void overTheLimitBeyondTheToleranceIsBlockedWithinItReviewed() throws Exception {
        String c = customer("O", "10000.00");
        JsonNode within = check(c, "1000.00", collector, "zh-CN");
        assertThat(within.get("decision").asString()).as("11,000 is the limit + 10 %").isEqualTo("REVIEW");
        assertThat(within.get("available").decimalValue()).isEqualByComparingTo("0");
        assertThat(reasons(within)).contains("下单后敞口11000.00超出信用额度10000.00，但在10%的容差内");
        assertThat(within.get("review").asString()).isEqualTo("PENDING");
        JsonNode beyond = check(c, "1000.01", collector, "en");
        assertThat(beyond.get("decision").asString()).isEqualTo("BLOCK");
        assertThat(reasons(beyond)).contains("exposure after the order 11000.01 exceeds the credit limit 10000.00 beyond the 10% tolerance");
        assertThat(beyond.get("review").isNull()).isTrue();
    }

    @Test
    void aGradeBelowTheReviewGradeIsReviewedAndWithoutALimitToo() throws Exception {
        String c = customer("G", "50000.00");
        call(put("/api/customers/" + c + "/credit/override"), "cc-boss", """
                {"grade":"D","reason":"涉诉","expiresOn":"2025-12-31"}""").andExpect(status().isOk());
        JsonNode r = check(c, "1000.00", collector, "zh-CN");
        assertThat(r.get("decision").asString()).isEqualTo("REVIEW");
        assertThat(r.get("grade").asString()).isEqualTo("D");
        assertThat(reasons(r)).anyMatch(s -> s.startsWith("信用等级D（评分") && s.endsWith("低于需审核等级C"));

        String none = customer("N", null);
        JsonNode n = check(none, "1.00", collector, "en");
        assertThat(n.get("decision").asString()).isEqualTo("REVIEW");
        assertThat(n.get("limit").isNull()).isTrue();
        assertThat(reasons(n)).contains("no credit limit set: needs a review");
    }

    @Test
    void aCheckUsesTheStoredGradeOfTheDayYetSeesAPaymentPostedSince() throws Exception {
        String c = customer("S", "10000.00");
        JsonNode first = check(c, "1000.00", collector, "zh-CN");
        assertThat(first.get("grade").asString()).isEqualTo("A");
        assertThat(first.get("decision").asString()).as("11,000 within the tolerance").isEqualTo("REVIEW");
        long id = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(c).query(Long.class).single();
        assertThat(jdbc.sql("SELECT grade FROM credit_score WHERE customer_id = ? AND as_of = ?")
                .params(id, java.sql.Date.valueOf("2025-06-10")).query(String.class).list())
                .as("the first check of the day stored the day's score").containsExactly("A");

        jdbc.sql("UPDATE credit_score SET score = 48, grade = 'D' WHERE customer_id = ? AND as_of = ?")
                .params(id, java.sql.Date.valueOf("2025-06-10")).update();
        call(post("/api/payments"), "cc-finance", """
                {"paymentRef":"%s-P1","customerCode":"%s","paymentDate":"2025-06-10","amount":6000.00}""".formatted(c, c))
                .andExpect(status().isCreated());

        JsonNode next = check(c, "1000.00", collector, "zh-CN");
        assertThat(next.get("exposure").decimalValue()).as("the payment counts at once").isEqualByComparingTo("4000");
        assertThat(next.get("available").decimalValue()).isEqualByComparingTo("6000");
        assertThat(next.get("grade").asString()).as("the day's stored grade, not recomputed").isEqualTo("D");
        assertThat(next.get("score").asInt()).isEqualTo(48);
        assertThat(next.get("decision").asString()).isEqualTo("REVIEW");
        assertThat(reasons(next)).containsExactly("订单金额1000.00在可用额度6000.00内", "信用等级D（评分48）低于需审核等级C");

        clock.set(LocalDate.parse("2025-06-11"), LocalTime.of(9, 0));
        JsonNode tomorrow = check(c, "1000.00", collector, "zh-CN");
        assertThat(tomorrow.get("grade").asString()).as("a new day is scored afresh").isEqualTo("A");
        assertThat(tomorrow.get("decision").asString()).isEqualTo("APPROVE");
    }

    @Test
    void aReviewIsDecidedByFinanceOrAManagerAndTheAnswerIsSignedToTheErp() throws Exception {
        String c = customer("R", "10000.00");
        long approved = check(c, "500.00", collector, "zh-CN").get("id").asLong();
        long rejected = check(c, "600.00", collector, "zh-CN").get("id").asLong();
        JsonNode pending = Api.json(call(get("/api/credit-checks").param("customer", c).param("review", "PENDING"), "cc-boss", null)
                .andExpect(status().isOk()));
        assertThat(pending.size()).isEqualTo(2);

        call(post("/api/credit-checks/" + approved + "/approve"), collector, "{\"note\":\"我批准\"}").andExpect(status().isForbidden());
        call(post("/api/credit-checks/" + rejected + "/reject"), "cc-boss", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        call(post("/api/credit-checks/" + approved + "/approve"), "cc-finance", "{\"note\":\"已收到预付款\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.review").value("APPROVED")).andExpect(jsonPath("$.decidedBy").value("cc-finance"))
                .andExpect(jsonPath("$.note").value("已收到预付款")).andExpect(jsonPath("$.decision").value("REVIEW"));
        call(post("/api/credit-checks/" + approved + "/reject"), "cc-boss", "{\"note\":\"晚了\"}").andExpect(status().isConflict());
        call(post("/api/credit-checks/" + rejected + "/reject"), "cc-boss", "{\"note\":\"风险过高\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.review").value("REJECTED"));
        call(post("/api/credit-checks/999999999/approve"), "cc-boss", "{}").andExpect(status().isNotFound());

        List<Received> got = awaitWebhooks(c, 2);
        JsonNode yes = got.stream().map(this::body).filter(b -> b.get("checkId").asLong() == approved).findFirst().orElseThrow();
        assertThat(yes.get("event").asString()).isEqualTo("credit.check.decided");
        assertThat(yes.get("decision").asString()).isEqualTo("APPROVE");
        assertThat(yes.get("reference").asString()).isEqualTo("SO-" + token);
        assertThat(yes.get("amount").asString()).isEqualTo("500.00");
        assertThat(yes.get("note").asString()).isEqualTo("已收到预付款");
        assertThat(yes.get("by").asString()).isEqualTo("cc-finance");
        JsonNode no = got.stream().map(this::body).filter(b -> b.get("checkId").asLong() == rejected).findFirst().orElseThrow();
        assertThat(no.get("decision").asString()).isEqualTo("BLOCK");
        assertThat(no.get("note").asString()).isEqualTo("风险过高");
        for (Received r : got) {
            String ts = r.header("X-Huikuan-Timestamp");
            assertThat(r.header("X-Huikuan-Event")).isEqualTo("credit.check.decided");
            assertThat(r.header("X-Huikuan-Signature")).as("the ERP recomputes the HMAC").isEqualTo(hmac(SECRET, ts, r.body()));
            assertThat(r.header("X-Huikuan-Signature")).isNotEqualTo(hmac("wrong-secret", ts, r.body()));
            assertThat(r.header("Idempotency-Key")).isEqualTo(body(r).get("id").asString());
        }
    }

    @Test
    void thePolicyIsTheManagersAndDecides() throws Exception {
        call(get("/api/credit/policy"), collector, null).andExpect(status().isOk()).andExpect(jsonPath("$.reviewGrade").value("C"));
        call(put("/api/credit/policy"), collector, "{\"tolerancePct\":\"0\"}").andExpect(status().isForbidden());
        call(put("/api/credit/policy"), "cc-finance", "{\"tolerancePct\":\"0\"}").andExpect(status().isForbidden());
        call(put("/api/credit/policy"), "cc-boss", "{\"reviewGrade\":\"F\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reviewGrade"));
        call(put("/api/credit/policy"), "cc-boss", "{\"tolerancePct\":\"101\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tolerancePct"));
        String c = customer("P", "10000.00");
        try {
            call(put("/api/credit/policy"), "cc-boss", "{\"tolerancePct\":\"0\"}").andExpect(status().isOk())
                    .andExpect(jsonPath("$.updatedBy").value("cc-boss"));
            assertThat(check(c, "0.01", collector, "zh-CN").get("decision").asString()).as("no tolerance").isEqualTo("BLOCK");
        } finally {
            call(put("/api/credit/policy"), "cc-boss", "{\"tolerancePct\":\"10\",\"reviewGrade\":\"C\"}").andExpect(status().isOk());
        }
        assertThat(check(c, "0.01", collector, "zh-CN").get("decision").asString()).isEqualTo("REVIEW");
    }

    @Test
    void badInputIsNamedAndCollectorsCheckOnlyTheirOwnCustomers() throws Exception {
        String c = customer("B", "50000.00");
        for (String amount : List.of("0", "-5.00", "1000.001", "abc", "")) {
            call(post("/api/credit-checks"), collector, """
                    {"customerCode":"%s","amount":"%s"}""".formatted(c, amount)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("amount")).andExpect(jsonPath("$.errors[0].code").value("credit.check.amount"));
        }
        call(post("/api/credit-checks"), collector, "{\"amount\":\"5.00\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customerCode"));
        call(post("/api/credit-checks"), collector, "{\"customerCode\":\"NO-SUCH-" + token + "\",\"amount\":\"5.00\"}")
                .andExpect(status().isNotFound());
        call(post("/api/credit-checks"), "cc-other-" + token.toLowerCase(), "{\"customerCode\":\"" + c + "\",\"amount\":\"5.00\"}")
                .andExpect(status().isNotFound());
        call(post("/api/credit-checks"), collector, "{\"customerCode\":\"" + c + "\",\"amount\":\"5.00\",\"reference\":\"" + "x".repeat(101) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reference"));
        call(post("/api/credit-checks"), collector, "{\"customerCode\":\"" + c + "\",\"amount\":\"5.00\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.reference").doesNotExist()).andExpect(jsonPath("$.decision").value("APPROVE"));
        call(get("/api/credit-checks").param("decision", "MAYBE"), collector, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
        call(get("/api/credit-checks").param("customer", c), "cc-other-" + token.toLowerCase(), null).andExpect(status().isNotFound());
        mvc.perform(post("/api/credit-checks").contentType("application/json").content("{\"customerCode\":\"" + c + "\",\"amount\":\"5.00\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theQueuePageShowsPendingReviewsAndFinanceDecidesThere() throws Exception {
        String c = customer("Q", "10000.00");
        long id = check(c, "500.00", collector, "zh-CN").get("id").asLong();
        String asCollector = page(collector);
        assertThat(asCollector).contains("data-id=\"" + id + "\"", "下单后敞口10500.00超出信用额度10000.00，但在10%的容差内")
                .doesNotContain("/credit/checks/" + id + "/approve").doesNotContain("credit-policy-form");
        assertThat(page("cc-other-" + token.toLowerCase())).as("not their customer").doesNotContain("data-customer=\"" + c + "\"");
        assertThat(page("cc-finance")).contains("/credit/checks/" + id + "/approve").doesNotContain("credit-policy-form");
        assertThat(page("cc-boss")).contains("credit-policy-form");

        mvc.perform(post("/credit/checks/" + id + "/reject").with(httpBasic("cc-finance", "cc-finance")).with(csrf()).param("note", ""))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flashError"));
        mvc.perform(post("/credit/checks/" + id + "/approve").with(httpBasic("cc-finance", "cc-finance")).with(csrf()).param("note", "预付30%"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "已批准，结果已通知 ERP。"));
        call(get("/api/credit-checks/" + id), collector, null).andExpect(jsonPath("$.review").value("APPROVED"))
                .andExpect(jsonPath("$.note").value("预付30%"));
        assertThat(page("cc-finance")).doesNotContain("/credit/checks/" + id + "/approve");
        assertThat(awaitWebhooks(c, 1)).hasSize(1);
    }

    String page(String user) throws Exception {
        return mvc.perform(get("/credit/checks").with(httpBasic(user, user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    JsonNode body(Received r) {
        return JSON.readTree(r.body());
    }

    List<Received> awaitWebhooks(String code, int n) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            List<Received> got = RECEIVED.stream().filter(r -> r.body().contains(code)).toList();
            if (got.size() >= n) {
                return got;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("expected " + n + " webhooks for " + code + ", got " + RECEIVED.stream().filter(r -> r.body().contains(code)).count());
    }

    static String hmac(String secret, String timestamp, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder("sha256=");
        for (byte b : mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
