package io.huikuan.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Payment plans (issue 13, items 1 and 2) through the API, on H2 and PostgreSQL: the waterfall and every status as of a
 * date, the sum rule, one live plan per invoice, the policy and the authority it requires, approvals by one and by two
 * people, the daily run (pauses, follow-ups, a missed installment breaking the plan with its escalation, resumed
 * pauses, the event and the supply hold proposal), the acknowledgement of the debt, bad input.
 */
@SpringBootTest(properties = "huikuan.outbox.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
@RecordApplicationEvents
abstract class PaymentPlanBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanDailyRun daily;
    @Autowired
    PlanDocuments documents;
    @Autowired
    ApplicationEvents events;
    @Autowired
    PaymentPlans plansBean;

    String token;
    String collector;

    @BeforeEach
    void setUp() {
        today("2025-06-10");
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "boss", Role.MANAGER);
        Api.user(users, "boss2", Role.MANAGER);
        token = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        collector = "pp-" + token.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, "other-" + token.toLowerCase(), Role.COLLECTOR);
    }

    @AfterEach
    void resetPolicy() {
        jdbc.sql("UPDATE payment_plan_policy SET min_down_payment_pct = 10, max_term_months = 12, max_installments = 12, interest_after_months = 6")
                .update();
    }

    void today(String day) {
        clock.set(LocalDate.parse(day), LocalTime.of(10, 0));
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    String customer(String suffix) throws Exception {
        String code = "PP-" + token + "-" + suffix;
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"无锡精工机电 %s","owner":"%s"}""".formatted(code, suffix, collector)).andExpect(status().isCreated());
        return code;
    }

    String invoice(String customer, String suffix, String due, String amount) throws Exception {
        String no = customer + "-" + suffix;
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(no, customer, LocalDate.parse(due).minusDays(30), due, amount)).andExpect(status().isCreated());
        return no;
    }

    void pay(String customer, String date, String amount) throws Exception {
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s-%s","customerCode":"%s","paymentDate":"%s","amount":%s}"""
                .formatted(customer, UUID.randomUUID().toString().substring(0, 8), customer, date, amount)).andExpect(status().isCreated());
    }

    static String body(String customer, List<String> invoices, String agreedOn, String extra, String... dueAmount) {
        StringBuilder inst = new StringBuilder();
        for (int i = 0; i < dueAmount.length; i += 2) {
            inst.append(inst.isEmpty() ? "" : ",").append("""
                    {"dueDate":"%s","amount":"%s"}""".formatted(dueAmount[i], dueAmount[i + 1]));
        }
        String nos = String.join(",", invoices.stream().map(n -> "\"" + n + "\"").toList());
        return """
                {"customerCode":"%s","invoiceNos":[%s],"agreedOn":"%s","installments":[%s],"note":"分期还款"%s}"""
                .formatted(customer, nos, agreedOn, inst, extra == null ? "" : "," + extra);
    }

    /** A 10,000.00 customer (two invoices) and the four-installment plan a collector proposes for it. */
    String tenThousand(String c) throws Exception {
        String a = invoice(c, "A", "2025-05-01", "6000.00");
        String b = invoice(c, "B", "2025-05-20", "4000.00");
        return body(c, List.of(a, b), "2025-06-10", null, "2025-06-10", "1000.00", "2025-07-10", "3000.00", "2025-08-10", "3000.00", "2025-09-10",
                "3000.00");
    }

    JsonNode propose(String user, String json) throws Exception {
        return Api.json(call(post("/api/payment-plans"), user, json).andExpect(status().isCreated()));
    }

    JsonNode plan(long id, String asOf) throws Exception {
        MockHttpServletRequestBuilder req = get("/api/payment-plans/" + id);
        if (asOf != null) {
            req.param("asOf", asOf);
        }
        return Api.json(call(req, "boss", null).andExpect(status().isOk()));
    }

    static List<String> installments(JsonNode plan) {
        return plan.get("installments").valueStream().map(i -> i.get("status").asString() + " " + i.get("paid").decimalValue().toPlainString()).toList();
    }

    List<Map<String, Object>> tasks(String customer, String kind) {
        return jdbc.sql("""
                SELECT t.task_key, t.status, t.owner_role, t.assignee, t.due_date, t.link FROM collection_task t JOIN customer c ON c.id = t.customer_id
                WHERE c.code = ? AND t.kind = ? ORDER BY t.id""").params(customer, kind).query().listOfRows();
    }

    PlanDailyRun.Result runPlans(String asOf) {
        today(asOf);
        return CurrentUser.asSystem(() -> daily.run(LocalDate.parse(asOf)));
    }

    @Test
    void aCollectorsPlanWaitsForTheManagerAndIsAnsweredAsOfAnyDateFromThePayments() throws Exception {
        String c = customer("W");
        JsonNode p = propose(collector, tenThousand(c));
        long id = p.get("id").asLong();
        assertThat(p.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(p.get("requiredAuthority").asString()).isEqualTo("MANAGER");
        assertThat(p.get("missingApprovals").valueStream().map(JsonNode::asString).toList()).containsExactly("MANAGER");
        assertThat(p.get("policyBreaches").size()).isZero();
        assertThat(p.get("total").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(p.get("negotiatedBy").asString()).isEqualTo(collector);

        call(post("/api/payment-plans/" + id + "/approve"), collector, "{}").andExpect(status().isForbidden());
        call(post("/api/payment-plans/" + id + "/approve"), "boss", """
                {"note":"同意"}""").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.approvedOn").value("2025-06-10"));
        call(post("/api/payment-plans/" + id + "/approve"), "boss2", "{}").andExpect(status().isConflict());

        pay(c, "2025-06-10", "1000.00");
        today("2025-07-12");
        pay(c, "2025-07-12", "2000.00");

        assertThat(plan(id, "2025-06-09").get("status").asString()).as("before the approval").isEqualTo("PENDING_APPROVAL");
        JsonNode first = plan(id, "2025-06-10");
        assertThat(first.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(installments(first)).containsExactly("PAID 1000.00", "DUE 0.00", "DUE 0.00", "DUE 0.00");
        assertThat(installments(plan(id, "2025-07-12"))).containsExactly("PAID 1000.00", "PARTLY_PAID 2000.00", "DUE 0.00", "DUE 0.00");
        assertThat(plan(id, "2025-07-13").get("status").asString()).as("within the grace days").isEqualTo("ACTIVE");
        today("2025-07-20");
        pay(c, "2025-07-20", "1000.00");
        JsonNode broken = plan(id, "2025-07-14");
        assertThat(broken.get("status").asString()).isEqualTo("BROKEN");
        assertThat(broken.get("brokenOn").asString()).isEqualTo("2025-07-14");
        assertThat(installments(broken)).as("the payment of 07-20 does not count on 07-14").containsExactly("PAID 1000.00", "MISSED 2000.00",
                "DUE 0.00", "DUE 0.00");
        JsonNode now = plan(id, null);
        assertThat(now.get("status").asString()).as("broken stays broken").isEqualTo("BROKEN");
        assertThat(now.get("paid").decimalValue()).isEqualByComparingTo("4000.00");
        assertThat(installments(now)).containsExactly("PAID 1000.00", "MISSED 3000.00", "DUE 0.00", "DUE 0.00");

        call(get("/api/payment-plans").param("customer", c).param("status", "BROKEN"), collector, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].id").value(id));
        call(get("/api/payment-plans").param("customer", c).param("status", "ACTIVE").param("asOf", "2025-07-13"), "boss", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(1));
        call(get("/api/payment-plans").param("customer", c).param("status", "PENDING_APPROVAL").param("asOf", "2025-06-09"), "boss", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(1));
        call(get("/api/payment-plans").param("customer", c).param("status", "CANCELLED"), "boss", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(0));
        List<PaymentPlans.PlanSummary> summary = CurrentUser.asSystem(() -> plansBean.forCustomer(c));
        assertThat(summary).hasSize(1);
        assertThat(summary.get(0).status()).isEqualTo(PaymentPlanStatus.BROKEN);
        assertThat(summary.get(0).paid()).isEqualByComparingTo("4000.00");
        assertThat(summary.get(0).nextDueDate()).as("the missed installment was paid late").isEqualTo("2025-08-10");
        assertThat(summary.get(0).nextDueAmount()).isEqualByComparingTo("3000.00");
        call(get("/api/payment-plans/" + id), "other-" + token.toLowerCase(), null).andExpect(status().isNotFound());
        call(get("/api/payment-plans").param("customer", c), "other-" + token.toLowerCase(), null).andExpect(status().isNotFound());
    }

    @Test
    void aPlanPaidInFullIsCompletedFromTheDayOfTheLastPaymentAndTheDailyRunEndsItsPauses() throws Exception {
        String c = customer("C");
        String a = invoice(c, "A", "2025-05-01", "2000.00");
        long id = propose("boss", body(c, List.of(a), "2025-06-10", null, "2025-06-10", "500.00", "2025-07-10", "1500.00")).get("id").asLong();
        assertThat(plan(id, null).get("status").asString()).as("within the manager's own authority").isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT count(*) FROM strategy_paused_invoice WHERE reason = 'PAYMENT_PLAN' AND source_ref = ? AND paused_to IS NULL")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        pay(c, "2025-06-10", "500.00");
        today("2025-06-20");
        pay(c, "2025-06-20", "700.00");
        today("2025-07-02");
        pay(c, "2025-07-02", "800.00");
        assertThat(installments(plan(id, "2025-07-01"))).containsExactly("PAID 500.00", "PARTLY_PAID 700.00");
        JsonNode done = plan(id, "2025-07-02");
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("completedOn").asString()).isEqualTo("2025-07-02");

        runPlans("2025-07-03");
        assertThat(jdbc.sql("SELECT completed_on FROM payment_plan WHERE id = ?").param(id).query(java.sql.Date.class).single().toLocalDate())
                .isEqualTo("2025-07-02");
        assertThat(jdbc.sql("SELECT paused_to FROM strategy_paused_invoice WHERE reason = 'PAYMENT_PLAN' AND source_ref = ?")
                .param(String.valueOf(id)).query(java.sql.Date.class).single().toLocalDate()).isEqualTo("2025-07-02");
        runPlans("2025-07-03");
        assertThat(jdbc.sql("SELECT count(*) FROM strategy_paused_invoice WHERE reason = 'PAYMENT_PLAN' AND source_ref = ?")
                .param(String.valueOf(id)).query(Long.class).single()).as("idempotent").isEqualTo(1);
    }

    BigDecimal openOf(String invoiceNo) throws Exception {
        return Api.json(call(get("/api/invoices/" + invoiceNo), "boss", null).andExpect(status().isOk())).get("open").decimalValue();
    }

    @Test
    void theAgreedInterestIsInvoicedAndTheWaiverIsCreditedOnlyWhenThePlanIsCompleted() throws Exception {
        String c = customer("IW");
        String a = invoice(c, "A", "2025-05-01", "2000.00");
        // 2,000.00 open + 100.00 interest - 300.00 waived = 1,800.00
        long id = propose("boss", body(c, List.of(a), "2025-06-10", "\"interest\":\"100.00\",\"waived\":\"300.00\"", "2025-06-10", "600.00",
                "2025-07-10", "1200.00")).get("id").asLong();
        String interest = "PP" + id + "-INT";
        assertThat(openOf(interest)).as("the interest is an invoice the debtor's payments can be allocated to").isEqualByComparingTo("100.00");
        assertThat(jdbc.sql("SELECT count(*) FROM strategy_paused_invoice WHERE reason = 'PAYMENT_PLAN' AND source_ref = ? AND paused_to IS NULL")
                .param(String.valueOf(id)).query(Long.class).single()).as("the interest invoice is paused with the plan's").isEqualTo(2);

        pay(c, "2025-06-10", "600.00");
        today("2025-07-08");
        pay(c, "2025-07-08", "1200.00");
        assertThat(plan(id, "2025-07-08").get("status").asString()).isEqualTo("COMPLETED");
        assertThat(openOf(a).add(openOf(interest))).as("before the daily run the waived 300.00 is still open").isEqualByComparingTo("300.00");

        runPlans("2025-07-09");
        assertThat(openOf(a)).as("the waiver is credited once the plan is completed").isEqualByComparingTo("0.00");
        assertThat(openOf(interest)).isEqualByComparingTo("0.00");
        assertThat(jdbc.sql("SELECT sum(amount) FROM credit_note WHERE credit_note_no LIKE ?").param("PP" + id + "-W%").query(BigDecimal.class).single())
                .isEqualByComparingTo("300.00");
        runPlans("2025-07-10");
        assertThat(jdbc.sql("SELECT count(*) FROM credit_note WHERE credit_note_no LIKE ?").param("PP" + id + "-W%").query(Long.class).single())
                .as("credited once").isEqualTo(2);
    }

    @Test
    void aBrokenPlanLosesItsWaiver() throws Exception {
        String c = customer("BW");
        String a = invoice(c, "A", "2025-05-01", "2000.00");
        long id = propose("boss", body(c, List.of(a), "2025-06-10", "\"waived\":\"200.00\"", "2025-06-10", "600.00", "2025-07-10", "1200.00"))
                .get("id").asLong();
        pay(c, "2025-06-10", "600.00");
        runPlans("2025-07-14");
        assertThat(plan(id, "2025-07-14").get("status").asString()).isEqualTo("BROKEN");
        assertThat(openOf(a)).as("the whole balance is due again, nothing waived").isEqualByComparingTo("1400.00");
    }

    @Test
    void theInstallmentsMustSumToTheOpenBalancePlusInterestLessTheWaivedAmount() throws Exception {
        String c = customer("S");
        String a = invoice(c, "A", "2025-05-01", "1000.00");
        call(post("/api/payment-plans"), collector, body(c, List.of(a), "2025-06-10", null, "2025-06-10", "400.00", "2025-07-10", "500.00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("installments"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("installments sum to 900.00, 100.00 less than the 1000.00 due")));
        call(post("/api/payment-plans"), collector, body(c, List.of(a), "2025-06-10", "\"interest\":\"50.00\",\"waived\":\"20.00\"", "2025-06-10",
                "400.00", "2025-07-10", "600.00")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("installments sum to 1000.00, 30.00 less than the 1030.00 due")));
        JsonNode check = Api.json(call(post("/api/payment-plans/check"), collector, body(c, List.of(a), "2025-06-10",
                "\"interest\":\"50.00\",\"waived\":\"20.00\"", "2025-06-10", "400.00", "2025-07-10", "600.00")).andExpect(status().isOk()));
        assertThat(check.get("total").decimalValue()).isEqualByComparingTo("1030.00");
        assertThat(check.get("difference").decimalValue()).isEqualByComparingTo("-30.00");
        assertThat(jdbc.sql("SELECT count(*) FROM payment_plan p JOIN customer c ON c.id = p.customer_id WHERE c.code = ?").param(c)
                .query(Long.class).single()).as("nothing stored").isZero();
        JsonNode ok = propose(collector, body(c, List.of(a), "2025-06-10", "\"interest\":\"50.00\",\"waived\":\"20.00\"", "2025-06-10", "430.00",
                "2025-07-10", "600.00"));
        assertThat(ok.get("openTotal").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(ok.get("total").decimalValue()).isEqualByComparingTo("1030.00");
        assertThat(ok.get("status").asString()).as("above the collector's 1,000").isEqualTo("PENDING_APPROVAL");
        mvc.perform(multipart("/api/payment-plans/" + ok.get("id").asLong() + "/signed-agreement")
                .file(new MockMultipartFile("file", "signed.pdf", "application/pdf", "%PDF-1.4\n".getBytes(StandardCharsets.UTF_8)))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(collector, collector))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void anInvoiceIsInOneLivePlanAtMostAndARejectedPlanFreesIt() throws Exception {
        String c = customer("L");
        String a = invoice(c, "A", "2025-05-01", "800.00");
        String plan = body(c, List.of(a), "2025-06-10", null, "2025-06-10", "100.00", "2025-07-10", "700.00");
        JsonNode first = propose(collector, plan);
        assertThat(first.get("status").asString()).as("800.00 is within the collector's own 1,000").isEqualTo("ACTIVE");
        call(post("/api/payment-plans"), "boss", plan).andExpect(status().isConflict());
        call(post("/api/payment-plans/" + first.get("id").asLong() + "/cancel"), collector, """
                {"reason":"客户反悔"}""").andExpect(status().isForbidden());
        call(post("/api/payment-plans/" + first.get("id").asLong() + "/cancel"), "boss", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(post("/api/payment-plans/" + first.get("id").asLong() + "/cancel"), "boss", """
                {"reason":"客户反悔"}""").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.decision").value("CANCELLED"));

        String big = body(c, List.of(a), "2025-06-10", "\"interest\":\"300.00\"", "2025-06-10", "200.00", "2025-07-10", "900.00");
        long second = propose(collector, big).get("id").asLong();
        call(post("/api/payment-plans"), collector, big).andExpect(status().isConflict());
        call(post("/api/payment-plans/" + second + "/reject"), "boss", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(post("/api/payment-plans/" + second + "/reject"), "boss", """
                {"reason":"首付太低"}""").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.decision").value("REJECTED")).andExpect(jsonPath("$.decisionReason").value("首付太低"));
        call(post("/api/payment-plans/" + second + "/approve"), "boss", "{}").andExpect(status().isConflict());
        propose(collector, big);
    }

    @Test
    void aProposalOutsideThePolicySaysWhichRulesItBreaksAndNeedsOneLevelMore() throws Exception {
        String c = customer("P");
        String a = invoice(c, "A", "2025-05-01", "10000.00");
        // down payment 5%, 14 installments, last on 2026-08-10 (15 months), no interest
        String[] schedule = new String[28];
        schedule[0] = "2025-06-10";
        schedule[1] = "500.00";
        for (int i = 1; i < 14; i++) {
            schedule[2 * i] = LocalDate.parse("2025-07-10").plusMonths(i + 1L).toString();
            schedule[2 * i + 1] = i < 13 ? "730.00" : "740.00";
        }
        String json = body(c, List.of(a), "2025-06-10", null, schedule);
        JsonNode check = Api.json(call(post("/api/payment-plans/check"), collector, json).andExpect(status().isOk()));
        assertThat(check.get("policyBreaches").valueStream().map(b -> b.get("code").asString()).toList())
                .containsExactly("DOWN_PAYMENT", "TERM", "INSTALLMENTS", "INTEREST");
        assertThat(check.get("policyBreaches").get(0).get("message").asString()).isEqualTo("down payment 5.00% is below the minimum 10%");
        assertThat(check.get("policyBreaches").get(1).get("message").asString()).isEqualTo("term of 15 months is above the maximum 12 months");
        assertThat(check.get("requiredAuthority").asString()).isEqualTo("MANAGER_AND_FINANCE");

        JsonNode p = propose("boss", json);
        assertThat(p.get("status").asString()).as("the manager's own approval is not enough").isEqualTo("PENDING_APPROVAL");
        assertThat(p.get("missingApprovals").valueStream().map(JsonNode::asString).toList()).containsExactly("FINANCE");
        assertThat(p.get("policyBreaches").size()).isEqualTo(4);
        call(post("/api/payment-plans/" + p.get("id").asLong() + "/approve"), "finance", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));

        call(put("/api/payment-plans/policy"), collector, """
                {"minDownPaymentPercent":5,"maxTermMonths":18,"maxInstallments":14,"interestAfterMonths":24}""").andExpect(status().isForbidden());
        call(put("/api/payment-plans/policy"), "boss", """
                {"minDownPaymentPercent":101,"maxTermMonths":0,"maxInstallments":14,"interestAfterMonths":24}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("minDownPaymentPercent")).andExpect(jsonPath("$.errors[1].field").value("maxTermMonths"));
        call(put("/api/payment-plans/policy"), "boss", """
                {"minDownPaymentPercent":5,"maxTermMonths":18,"maxInstallments":14,"interestAfterMonths":24}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.updatedBy").value("boss"));
        call(get("/api/payment-plans/policy"), collector, null).andExpect(status().isOk()).andExpect(jsonPath("$.maxTermMonths").value(18));
        String b = invoice(c, "B", "2025-05-01", "10000.00");
        JsonNode within = Api.json(call(post("/api/payment-plans/check"), collector, body(c, List.of(b), "2025-06-10", null, schedule))
                .andExpect(status().isOk()));
        assertThat(within.get("policyBreaches").size()).isZero();
        assertThat(within.get("requiredAuthority").asString()).isEqualTo("MANAGER");
    }

    @Test
    void aPlanAboveTheManagersLimitNeedsAManagerAndFinanceTwoPeople() throws Exception {
        String c = customer("B");
        String a = invoice(c, "A", "2025-05-01", "60000.00");
        long id = propose(collector, body(c, List.of(a), "2025-06-10", null, "2025-06-10", "10000.00", "2025-07-10", "50000.00")).get("id").asLong();
        call(post("/api/payment-plans/" + id + "/approve"), "boss", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_APPROVAL")).andExpect(jsonPath("$.missingApprovals[0]").value("FINANCE"));
        call(post("/api/payment-plans/" + id + "/approve"), "boss2", "{}").andExpect(status().isForbidden());
        call(post("/api/payment-plans/" + id + "/approve"), "finance", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE")).andExpect(jsonPath("$.approvals.length()").value(2));
        assertThat(jdbc.sql("SELECT kind, source FROM limitation_event WHERE source = 'PLAN' AND source_ref = ?").param(String.valueOf(id))
                .query().listOfRows()).as("the plan acknowledges the debt").hasSize(1).first().satisfies(r -> assertThat(r.get("kind")).isEqualTo("ACKNOWLEDGED"));

        PlanAgreement agreement = CurrentUser.asSystem(() -> documents.agreement(id));
        assertThat(agreement.customerCode()).isEqualTo(c);
        assertThat(agreement.debts()).extracting(PlanAgreement.Debt::invoiceNo).containsExactly(a);
        assertThat(agreement.debts().getFirst().open()).isEqualByComparingTo("60000.00");
        assertThat(agreement.total()).isEqualByComparingTo("60000.00");
        assertThat(agreement.installments()).extracting(i -> i.number() + " " + i.dueDate() + " " + i.amount().toPlainString())
                .containsExactly("1 2025-06-10 10000.00", "2 2025-07-10 50000.00");
        assertThat(agreement.graceDays()).isEqualTo(3);
        assertThat(agreement.negotiatedBy()).isEqualTo(collector);
        byte[] pdf = mvc.perform(get("/api/payment-plans/" + id + "/agreement.pdf")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(collector, collector)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).as("the printed agreement names the debt, the schedule and the acceleration").contains("还款协议", a, "60,000.00",
                    "10,000.00", "50,000.00");
        }

        MockMultipartFile file = new MockMultipartFile("file", "signed.pdf", "application/pdf", "%PDF-1.4\n%signed\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/payment-plans/" + id + "/signed-agreement").param("signedOn", "2025-06-10")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(collector, collector))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart("/api/payment-plans/" + id + "/signed-agreement").file(file).param("signedOn", "2025-06-10")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(collector, collector))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.ownerKind").value("PAYMENT_PLAN"));
        assertThat(jdbc.sql("SELECT count(*) FROM limitation_event WHERE source = 'PLAN_SIGNED' AND source_ref LIKE ?").param(id + ":%")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDailyRunPausesDunningFollowsUpBeforeEachInstallmentAndEscalatesAMissedOne() throws Exception {
        String c = customer("D");
        String control = customer("X");
        invoice(control, "A", "2025-05-01", "5000.00");
        long id = propose(collector, tenThousand(c)).get("id").asLong();
        call(post("/api/payment-plans/" + id + "/approve"), "boss", "{}").andExpect(status().isOk());
        pay(c, "2025-06-10", "1000.00");

        today("2025-06-11");
        JsonNode run = Api.json(call(post("/api/collection-runs").param("asOf", "2025-06-11"), "boss", null).andExpect(status().isOk()));
        assertThat(run).isNotNull();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = ? AND t.kind = 'STEP'""")
                .param(control).query(Long.class).single()).as("the control customer is dunned").isPositive();
        assertThat(tasks(c, "STEP")).as("the plan's invoices are paused").isEmpty();

        runPlans("2025-07-06");
        assertThat(tasks(c, "PLAN_INSTALLMENT")).as("three days before the installment of 07-10, not four").isEmpty();
        runPlans("2025-07-07");
        runPlans("2025-07-08");
        List<Map<String, Object>> followUps = tasks(c, "PLAN_INSTALLMENT");
        assertThat(followUps).hasSize(1);
        assertThat(followUps.get(0).get("assignee")).isEqualTo(collector);
        assertThat(followUps.get(0).get("link")).isEqualTo("/payment-plans/" + id);

        today("2025-07-12");
        pay(c, "2025-07-12", "500.00");
        runPlans("2025-07-13");
        assertThat(tasks(c, "PLAN_BROKEN")).as("still in the grace days").isEmpty();
        events.clear();
        runPlans("2025-07-14");
        assertThat(jdbc.sql("SELECT broken_on FROM payment_plan WHERE id = ?").param(id).query(java.sql.Date.class).single().toLocalDate())
                .isEqualTo("2025-07-14");
        List<Map<String, Object>> escalation = tasks(c, "PLAN_BROKEN");
        assertThat(escalation).hasSize(1);
        assertThat(escalation.get(0).get("assignee")).as("a first breaker goes to the collector").isEqualTo(collector);
        assertThat(tasks(c, "PLAN_INSTALLMENT").get(0).get("status")).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT paused_to FROM strategy_paused_invoice WHERE reason = 'PAYMENT_PLAN' AND source_ref = ?").param(String.valueOf(id))
                .query(java.sql.Date.class).list()).hasSize(2).allSatisfy(d -> assertThat(d.toLocalDate()).isEqualTo("2025-07-14"));
        List<PaymentPlanBroken> broken = events.stream(PaymentPlanBroken.class).filter(e -> e.planId() == id).toList();
        assertThat(broken).hasSize(1);
        assertThat(broken.get(0).planId()).isEqualTo(id);
        assertThat(broken.get(0).remaining()).isEqualByComparingTo("8500.00");
        assertThat(broken.get(0).repeat()).isFalse();
        assertThat(jdbc.sql("SELECT h.source FROM supply_hold h JOIN customer c ON c.id = h.customer_id WHERE c.code = ?").param(c)
                .query(String.class).list()).as("the plan broken rule proposes a supply hold").containsExactly("PLAN_BROKEN");

        events.clear();
        runPlans("2025-07-15");
        assertThat(tasks(c, "PLAN_BROKEN")).as("idempotent").hasSize(1);
        assertThat(events.stream(PaymentPlanBroken.class).filter(e -> e.planId() == id)).isEmpty();

        // a repeat breaker: the next broken plan escalates to the managers
        String a2 = invoice(c, "C", "2025-07-01", "900.00");
        long again = propose(collector, body(c, List.of(a2), "2025-07-15", null, "2025-07-15", "100.00", "2025-08-15", "800.00")).get("id").asLong();
        assertThat(plan(again, null).get("status").asString()).isEqualTo("ACTIVE");
        runPlans("2025-07-19");
        List<Map<String, Object>> managers = tasks(c, "PLAN_BROKEN");
        assertThat(managers).hasSize(2);
        assertThat(managers.get(1).get("owner_role")).isEqualTo("MANAGER");
        assertThat(managers.get(1).get("assignee")).isNull();
    }

    @Test
    void aCollectionRunTriggersThePlansDailyRun() throws Exception {
        String c = customer("R");
        String a = invoice(c, "A", "2025-05-01", "900.00");
        long id = propose(collector, body(c, List.of(a), "2025-06-10", null, "2025-06-10", "100.00", "2025-07-10", "800.00")).get("id").asLong();
        today("2025-06-14");
        call(post("/api/collection-runs").param("asOf", "2025-06-14"), "boss", null).andExpect(status().isOk());
        for (int i = 0; i < 100 && jdbc.sql("SELECT broken_on FROM payment_plan WHERE id = ?").param(id).query(java.sql.Date.class).optional()
                .isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(jdbc.sql("SELECT broken_on FROM payment_plan WHERE id = ?").param(id).query(java.sql.Date.class).single().toLocalDate())
                .as("the down payment was not paid by 06-13").isEqualTo("2025-06-14");
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        String c = customer("V");
        String a = invoice(c, "A", "2025-05-01", "1000.00");
        String other = customer("O");
        String foreign = invoice(other, "A", "2025-05-01", "500.00");
        call(post("/api/payment-plans"), collector, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("customerCode", "agreedOn", "installments", "invoiceNos")));
        call(post("/api/payment-plans"), collector, body("NOPE-" + token, List.of(a), "2025-06-10", null, "2025-06-10", "1000.00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("customerCode"));
        call(post("/api/payment-plans"), "other-" + token.toLowerCase(), body(c, List.of(a), "2025-06-10", null, "2025-06-10", "1000.00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("customerCode"));
        call(post("/api/payment-plans"), collector, body(c, List.of(a, foreign), "2025-06-10", null, "2025-06-10", "1000.00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("invoiceNos[1]"));
        call(post("/api/payment-plans"), collector, body(c, List.of(a, a), "2025-06-10", null, "2025-06-10", "1000.00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("invoiceNos[1]"));
        call(post("/api/payment-plans"), collector, body(c, List.of(a), "2025-06-11", null, "2025-06-11", "1000.00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("agreedOn"));
        call(post("/api/payment-plans"), collector, body(c, List.of(a), "2025-03-15", null, "2025-03-15", "1000.00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("plan.invoice.notOpen"));
        call(post("/api/payment-plans"), collector, body(c, List.of(a), "2025-06-10", null, "2025-06-09", "500.00", "2025-07-10", "500.00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("installments[0].dueDate"));
        call(post("/api/payment-plans"), collector, body(c, List.of(a), "2025-06-10", null, "2025-07-10", "500.00", "2025-07-10", "500.00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("installments[1].dueDate"));
        call(post("/api/payment-plans"), collector, body(c, List.of(a), "2025-06-10", null, "2025-06-10", "0", "2025-07-10", "10.001"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("installments[0].amount"))
                .andExpect(jsonPath("$.errors[1].field").value("installments[1].amount")).andExpect(jsonPath("$.errors[1].code").value("amount.decimals"));
        call(post("/api/payment-plans"), collector, body(c, List.of(a), "2025-06-10", "\"interest\":\"-1\"", "2025-06-10", "abc"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("interest"))
                .andExpect(jsonPath("$.errors[1].field").value("installments[0].amount"));
        call(post("/api/payment-plans"), "finance", body(c, List.of(a), "2025-06-10", null, "2025-06-10", "1000.00")).andExpect(status().isCreated());
        call(post("/api/payment-plans"), "admin", body(c, List.of(a), "2025-06-10", null, "2025-06-10", "1000.00")).andExpect(status().isConflict());
        call(get("/api/payment-plans/999999999"), "boss", null).andExpect(status().isNotFound());
        call(get("/api/payment-plans").param("status", "LOST"), "boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        call(get("/api/payment-plans/1").param("asOf", "2025-13-01"), "boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }
}
