package io.huikuan.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Supply holds (issue 13, item 4) through the API, on H2 and PostgreSQL: a manual hold and its release answered as of
 * any date, the overdue rule proposing a hold after the daily run for a customer overdue more than 60 days (not 60),
 * the manager's approval, the release by the payment that clears a rule-based hold (never a manual one), the
 * {@code supply.hold.changed} webhook received by a JDK HTTP server that recomputes its HMAC, bad input named, roles.
 */
@SpringBootTest(properties = "huikuan.outbox.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class SupplyHoldBehaviour {

    static final String SECRET = "erp-supply-secret-13";
    static final WebhookReceiver ERP = WebhookReceiver.start("/erp/supply");
    static final List<Received> RECEIVED = ERP.received();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void erp(DynamicPropertyRegistry r) {
        r.add("huikuan.negotiation.supply-webhook.url", ERP::url);
        r.add("huikuan.negotiation.supply-webhook.secret", () -> SECRET);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    String token;
    String collector;

    @BeforeEach
    void setUp() {
        clock.set(LocalDate.parse("2025-06-10"), LocalTime.of(10, 0));
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "boss", Role.MANAGER);
        Api.user(users, "legal", Role.LEGAL);
        token = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        collector = "sh-" + token.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, "other-" + token.toLowerCase(), Role.COLLECTOR);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    String customer(String suffix) throws Exception {
        String code = "SH-" + token + "-" + suffix;
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"苏州工业园区精密机械 %s","owner":"%s"}""".formatted(code, suffix, collector)).andExpect(status().isCreated());
        return code;
    }

    void invoice(String customer, String suffix, String due, String amount) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(customer, suffix, customer, LocalDate.parse(due).minusDays(30), due, amount)).andExpect(status().isCreated());
    }

    JsonNode supply(String code, String asOf) throws Exception {
        MockHttpServletRequestBuilder req = get("/api/customers/" + code + "/supply-status");
        if (asOf != null) {
            req.param("asOf", asOf);
        }
        return Api.json(call(req, "legal", null).andExpect(status().isOk()));
    }

    List<JsonNode> webhooks(String code) throws Exception {
        return RECEIVED.stream().map(r -> JSON.readTree(r.body())).filter(b -> b.get("customerCode").asString().equals(code)).toList();
    }

    <T> T await(String what, Supplier<T> probe) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            T v = probe.get();
            if (v != null && !(v instanceof Boolean b && !b) && !(v instanceof List<?> l && l.isEmpty())) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    List<JsonNode> awaitWebhooks(String code, int n) throws InterruptedException {
        return await(n + " webhooks for " + code, () -> {
            try {
                List<JsonNode> got = webhooks(code);
                return got.size() >= n ? got : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
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

    @Test
    void aManualHoldAndItsReleaseAreAnsweredAsOfAnyDateAndSignedToTheErp() throws Exception {
        String c = customer("M");
        assertThat(supply(c, null).get("hold").asBoolean()).isFalse();
        JsonNode h = Api.json(call(post("/api/customers/" + c + "/supply-holds"), "boss", """
                {"reason":"质量纠纷期间暂停发货","since":"2025-06-01"}""").andExpect(status().isCreated()));
        assertThat(h.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(h.get("heldBy").asString()).isEqualTo("boss");

        assertThat(supply(c, "2025-05-31").get("hold").asBoolean()).as("before the hold").isFalse();
        JsonNode on = supply(c, "2025-06-01");
        assertThat(on.get("hold").asBoolean()).isTrue();
        assertThat(on.get("reason").asString()).isEqualTo("质量纠纷期间暂停发货");
        assertThat(on.get("since").asString()).isEqualTo("2025-06-01");
        assertThat(on.get("by").asString()).isEqualTo("boss");
        assertThat(supply(c, null).get("hold").asBoolean()).as("today").isTrue();

        call(post("/api/customers/" + c + "/supply-holds/release"), "finance", """
                {"reason":"客户已付清争议外货款","releasedOn":"2025-06-08"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RELEASED")).andExpect(jsonPath("$.releasedBy").value("finance"));
        assertThat(supply(c, "2025-06-07").get("hold").asBoolean()).as("the day before the release").isTrue();
        assertThat(supply(c, "2025-06-08").get("hold").asBoolean()).as("released that day").isFalse();
        assertThat(supply(c, null).get("hold").asBoolean()).isFalse();
        call(get("/api/customers/" + c + "/supply-holds"), collector, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].releaseReason").value("客户已付清争议外货款"));

        List<JsonNode> sent = awaitWebhooks(c, 2);
        JsonNode held = sent.stream().filter(b -> b.get("hold").asBoolean()).findFirst().orElseThrow();
        assertThat(held.get("event").asString()).isEqualTo("supply.hold.changed");
        assertThat(held.get("reason").asString()).isEqualTo("质量纠纷期间暂停发货");
        assertThat(held.get("since").asString()).isEqualTo("2025-06-01");
        assertThat(held.get("by").asString()).isEqualTo("boss");
        JsonNode released = sent.stream().filter(b -> !b.get("hold").asBoolean()).findFirst().orElseThrow();
        assertThat(released.get("until").asString()).isEqualTo("2025-06-08");
        assertThat(released.get("reason").asString()).isEqualTo("客户已付清争议外货款");
        assertThat(released.get("holdReason").asString()).isEqualTo("质量纠纷期间暂停发货");
        assertThat(released.get("by").asString()).isEqualTo("finance");
        for (Received r : RECEIVED.stream().filter(r -> r.body().contains(c)).toList()) {
            String ts = r.header("X-Huikuan-Timestamp");
            assertThat(r.header("X-Huikuan-Event")).isEqualTo("supply.hold.changed");
            assertThat(r.header("X-Huikuan-Signature")).as("the ERP recomputes the HMAC").isEqualTo(hmac(SECRET, ts, r.body()));
            assertThat(r.header("X-Huikuan-Signature")).isNotEqualTo(hmac("wrong-secret", ts, r.body()));
            assertThat(r.header("Idempotency-Key")).isEqualTo(JSON.readTree(r.body()).get("id").asString());
        }
    }

    @Test
    void afterTheRunTheOverdueRuleProposesAHoldBeyond60DaysAndAManagerApprovesIt() throws Exception {
        String late = customer("L");
        String edge = customer("E");
        invoice(late, "A", "2025-04-09", "12000.00"); // 62 days overdue on 2025-06-10
        invoice(edge, "A", "2025-04-11", "3000.00"); // exactly 60 days: not more than 60
        // as the daily run does when it has committed (the limitation notices are tested the same way)
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(
                s -> publisher.publishEvent(new io.huikuan.strategy.CollectionRunCompleted(-1, LocalDate.parse("2025-06-10"))));

        List<Map<String, Object>> proposed = await("a proposal for " + late, () -> holdRows(late));
        assertThat(proposed).hasSize(1);
        assertThat(proposed.get(0).get("status")).isEqualTo("PROPOSED");
        assertThat(proposed.get(0).get("source")).isEqualTo("OVERDUE");
        assertThat((String) proposed.get(0).get("reason")).contains("62 days").contains("2025-04-09");
        assertThat(holdRows(edge)).as("60 days is not more than 60").isEmpty();
        assertThat(supply(late, null).get("hold").asBoolean()).as("a proposal is not a hold").isFalse();
        List<Map<String, Object>> tasks = jdbc.sql("""
                SELECT t.kind, t.owner_role, t.assignee, t.link FROM collection_task t JOIN customer c ON c.id = t.customer_id
                WHERE c.code = ? AND t.kind = 'SUPPLY_HOLD'""").param(late).query().listOfRows();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("owner_role")).isEqualTo("MANAGER");
        assertThat(tasks.get(0).get("link")).isEqualTo("/holds");

        SupplyHoldRules.Result again = io.huikuan.identity.CurrentUser.asSystem(() -> rulesBean().evaluate(LocalDate.parse("2025-06-11")));
        assertThat(holdRows(late)).as("the same overdue item is proposed once").hasSize(1);
        assertThat(again).isNotNull();

        long id = ((Number) proposed.get(0).get("id")).longValue();
        call(post("/api/supply-holds/" + id + "/approve"), collector, "{}").andExpect(status().isForbidden());
        call(post("/api/supply-holds/" + id + "/approve"), "boss", """
                {"note":"同意"}""").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.heldOn").value("2025-06-10"));
        JsonNode s = supply(late, "2025-06-10");
        assertThat(s.get("hold").asBoolean()).isTrue();
        assertThat(s.get("source").asString()).isEqualTo("OVERDUE");
        call(post("/api/supply-holds/" + id + "/approve"), "boss", "{}").andExpect(status().isConflict());
        assertThat(jdbc.sql("""
                SELECT t.status FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = ? AND t.kind = 'SUPPLY_HOLD'""")
                .param(late).query(String.class).single()).as("the managers' task is done once decided").isEqualTo("DONE");
        assertThat(awaitWebhooks(late, 1).get(0).get("by").asString()).isEqualTo("boss");
    }

    @Test
    void aPaymentThatClearsTheOverdueReleasesARuleBasedHoldButNotAManualOne() throws Exception {
        String ruled = customer("R");
        String manual = customer("H");
        invoice(ruled, "A", "2025-03-01", "5000.00");
        invoice(ruled, "B", "2025-06-01", "800.00"); // overdue 9 days: below the rule
        invoice(manual, "A", "2025-03-01", "5000.00");
        io.huikuan.identity.CurrentUser.asSystem(() -> rulesBean().evaluate(LocalDate.parse("2025-06-10")));
        long id = ((Number) holdRows(ruled).get(0).get("id")).longValue();
        call(post("/api/supply-holds/" + id + "/approve"), "admin", "{}").andExpect(status().isOk());
        call(post("/api/customers/" + manual + "/supply-holds"), "boss", """
                {"reason":"拒不对账"}""").andExpect(status().isCreated());

        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s-P1","customerCode":"%s","paymentDate":"2025-06-10","amount":3000.00}""".formatted(ruled, ruled))
                .andExpect(status().isCreated());
        Thread.sleep(800);
        assertThat(supply(ruled, null).get("hold").asBoolean()).as("part of the old invoice still open").isTrue();

        clock.set(LocalDate.parse("2025-06-12"), LocalTime.of(9, 0));
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s-P2","customerCode":"%s","paymentDate":"2025-06-12","amount":2000.00}""".formatted(ruled, ruled))
                .andExpect(status().isCreated());
        await("the release of " + ruled, () -> holdRows(ruled).stream().anyMatch(r -> "RELEASED".equals(r.get("status"))));
        Map<String, Object> row = holdRows(ruled).get(0);
        assertThat(row.get("released_by")).isEqualTo("system");
        assertThat((String) row.get("release_reason")).contains(ruled + "-P2");
        assertThat(supply(ruled, "2025-06-11").get("hold").asBoolean()).isTrue();
        assertThat(supply(ruled, "2025-06-12").get("hold").asBoolean()).as("released the day the payment cleared it").isFalse();
        JsonNode release = awaitWebhooks(ruled, 2).stream().filter(b -> !b.get("hold").asBoolean()).findFirst().orElseThrow();
        assertThat(release.get("by").asString()).isEqualTo("system");
        assertThat(release.get("until").asString()).isEqualTo("2025-06-12");

        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s-P1","customerCode":"%s","paymentDate":"2025-06-12","amount":5000.00}""".formatted(manual, manual))
                .andExpect(status().isCreated());
        Thread.sleep(800);
        assertThat(supply(manual, null).get("hold").asBoolean()).as("a manual hold is released by hand only").isTrue();
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        String c = customer("B");
        call(post("/api/customers/" + c + "/supply-holds"), "boss", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(post("/api/customers/" + c + "/supply-holds"), "boss", """
                {"reason":"x","since":"2025-06-11"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("since"));
        call(post("/api/customers/" + c + "/supply-holds"), "boss", """
                {"reason":"x","since":"2025-13-01"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("since"));
        call(get("/api/customers/" + c + "/supply-status").param("asOf", "yesterday"), "boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        call(post("/api/customers/" + c + "/supply-holds/release"), "boss", """
                {"reason":"x"}""").andExpect(status().isConflict());
        call(post("/api/customers/" + c + "/supply-holds"), "boss", """
                {"reason":"停供","since":"2025-06-05"}""").andExpect(status().isCreated());
        call(post("/api/customers/" + c + "/supply-holds"), "boss", """
                {"reason":"again"}""").andExpect(status().isConflict());
        call(post("/api/customers/" + c + "/supply-holds/release"), "boss", """
                {"reason":"x","releasedOn":"2025-06-04"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("releasedOn"));
        call(post("/api/customers/" + c + "/supply-holds/release"), "boss", """
                {"releasedOn":"2025-06-06"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(supply(c, null).get("hold").asBoolean()).as("nothing half-written").isTrue();
        call(put("/api/supply-hold-rules"), "boss", """
                {"overdueDays":0}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("overdueDays"));
        call(get("/api/supply-holds").param("status", "FROZEN"), "boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        call(get("/api/customers/NOPE-" + token + "/supply-status"), "boss", null).andExpect(status().isNotFound());
    }

    @Test
    void aCollectorProposesForOwnCustomersOnlyAndOnlyDecidersHoldReleaseAndEditRules() throws Exception {
        String c = customer("C");
        JsonNode p = Api.json(call(post("/api/customers/" + c + "/supply-holds"), collector, """
                {"reason":"多次承诺未兑现，建议停供"}""").andExpect(status().isCreated()));
        assertThat(p.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(supply(c, null).get("hold").asBoolean()).isFalse();
        call(post("/api/customers/" + c + "/supply-holds"), collector, """
                {"reason":"again"}""").andExpect(status().isConflict());
        call(get("/api/customers/" + c + "/supply-status"), "other-" + token.toLowerCase(), null).andExpect(status().isNotFound());
        call(post("/api/customers/" + c + "/supply-holds"), "other-" + token.toLowerCase(), """
                {"reason":"x"}""").andExpect(status().isNotFound());
        call(get("/api/supply-holds"), "other-" + token.toLowerCase(), null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.customerCode == '" + c + "')]").isEmpty());
        call(get("/api/supply-holds"), collector, null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.customerCode == '" + c + "')].status").value("PROPOSED"));
        call(put("/api/supply-hold-rules"), collector, "{\"overdueDays\":30}").andExpect(status().isForbidden());
        call(put("/api/supply-hold-rules"), "finance", "{\"overdueDays\":30}").andExpect(status().isForbidden());
        call(put("/api/supply-hold-rules"), "boss", "{\"overdueDays\":60}").andExpect(status().isOk()).andExpect(jsonPath("$.overdueDays").value(60));

        long id = p.get("id").asLong();
        call(post("/api/supply-holds/" + id + "/reject"), "legal", "{\"reason\":\"no\"}").andExpect(status().isForbidden());
        call(post("/api/supply-holds/" + id + "/reject"), "boss", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(post("/api/supply-holds/" + id + "/reject"), "boss", """
                {"reason":"先发律师函"}""").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
        call(post("/api/customers/" + c + "/supply-holds"), "finance", """
                {"reason":"财务停供"}""").andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("ACTIVE"));
        call(post("/api/customers/" + c + "/supply-holds/release"), collector, "{\"reason\":\"x\"}").andExpect(status().isForbidden());
        assertThat(supply(c, null).get("hold").asBoolean()).isTrue();
    }

    @Test
    void aBrokenPromiseProposesAHoldAndWithHoldAtOnceABrokenPlanHoldsTheCustomerUntilNothingIsOverdue() throws Exception {
        String c = customer("K");
        invoice(c, "A", "2025-05-20", "900.00");
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(s -> publisher.publishEvent(
                new io.huikuan.worklist.PromiseBroken(c, 4711, new java.math.BigDecimal("900.00"), java.math.BigDecimal.ZERO,
                        LocalDate.parse("2025-06-05"), io.huikuan.worklist.PromiseStatus.BROKEN)));
        List<Map<String, Object>> rows = await("a proposal for " + c, () -> holdRows(c));
        assertThat(rows.get(0).get("source")).isEqualTo("PROMISE_BROKEN");
        assertThat(rows.get(0).get("status")).isEqualTo("PROPOSED");
        assertThat((String) rows.get(0).get("reason")).contains("4711");
        call(post("/api/supply-holds/" + rows.get(0).get("id") + "/reject"), "boss", """
                {"reason":"客户已说明原因"}""").andExpect(status().isOk());

        call(put("/api/supply-hold-rules"), "boss", "{\"autoHold\":true}").andExpect(status().isOk()).andExpect(jsonPath("$.autoHold").value(true));
        try {
            io.huikuan.identity.CurrentUser.asSystem(() -> rules.planBroken(c, 99, LocalDate.parse("2025-06-10")));
        } finally {
            call(put("/api/supply-hold-rules"), "boss", "{\"autoHold\":false}").andExpect(status().isOk());
        }
        JsonNode s = supply(c, null);
        assertThat(s.get("hold").asBoolean()).as("hold at once").isTrue();
        assertThat(s.get("source").asString()).isEqualTo("PLAN_BROKEN");
        assertThat(s.get("by").asString()).isEqualTo("system");
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s-P","customerCode":"%s","paymentDate":"2025-06-10","amount":900.00}""".formatted(c, c))
                .andExpect(status().isCreated());
        await("the release of " + c, () -> holdRows(c).stream().anyMatch(r -> "RELEASED".equals(r.get("status"))));
        assertThat(supply(c, null).get("hold").asBoolean()).as("nothing overdue any more").isFalse();
    }

    String html(MockHttpServletRequestBuilder req, String user) throws Exception {
        return mvc.perform(req.accept(org.springframework.http.MediaType.TEXT_HTML)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(user, user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    ResultActions form(MockHttpServletRequestBuilder req, String user) throws Exception {
        return mvc.perform(req.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(user, user)));
    }

    @Test
    void theHoldsPageAndTheCustomerPanelShowHoldsProposalsAndTheirForms() throws Exception {
        String c = customer("P");
        call(post("/api/customers/" + c + "/supply-holds"), collector, """
                {"reason":"建议停供 P"}""").andExpect(status().isCreated());
        String page = html(get("/holds"), "boss");
        assertThat(page).contains(c).contains("建议停供 P").contains("hold-approve").contains("id=\"nav-holds\"").contains("hold-rules-form");
        String mine = html(get("/holds"), collector);
        assertThat(mine).contains(c).doesNotContain("hold-approve").doesNotContain("hold-rules-form");
        assertThat(html(get("/holds"), "other-" + token.toLowerCase())).doesNotContain(c);
        assertThat(html(get("/customers/" + c), collector)).contains("/customers/" + c + "/supply-badge").contains("id=\"supply-hold\"");
        String panel = html(get("/customers/" + c + "/supply-hold"), collector);
        assertThat(panel).contains("建议停供 P").contains("待审批").contains("建议停供（待主管批准）").doesNotContain("supply-release-form");

        // a manager's form without a reason is refused naming the field; nothing is written
        form(post("/customers/" + c + "/supply-hold").param("reason", " "), "boss").andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("flashError",
                        org.hamcrest.Matchers.containsString("原因")));
        assertThat(supply(c, null).get("hold").asBoolean()).isFalse();
        // the manager's hold takes effect at once and closes the collector's proposal
        form(post("/customers/" + c + "/supply-hold").param("reason", "主管停供 P"), "boss").andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/customers/" + c));
        assertThat(holdRows(c)).extracting(r -> r.get("status")).containsExactly("REJECTED", "ACTIVE");
        assertThat(html(get("/customers/" + c + "/supply-badge"), collector)).contains("停止供货（自 2025-06-10）");
        assertThat(html(get("/customers/" + c + "/supply-hold"), "boss")).contains("supply-release-form").contains("主管停供 P");
        form(post("/customers/" + c + "/supply-hold/release").param("reason", "已付款"), "boss").andExpect(status().is3xxRedirection());
        assertThat(html(get("/customers/" + c + "/supply-badge"), "boss")).contains("正常供货");
        mvc.perform(get("/customers/" + c + "/supply-badge").with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("other-" + token.toLowerCase(),
                        "other-" + token.toLowerCase()))).andExpect(status().isNotFound());
    }

    SupplyHoldRules rulesBean() {
        return rules;
    }

    @Autowired
    SupplyHoldRules rules;

    List<Map<String, Object>> holdRows(String code) {
        return jdbc.sql("SELECT h.* FROM supply_hold h JOIN customer c ON c.id = h.customer_id WHERE c.code = ? ORDER BY h.id").param(code)
                .query().listOfRows();
    }
}
