package io.huikuan.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The credit score (issue 15, item 1) through the API, on H2 and PostgreSQL: the score as of any date from facts dated on
 * or before it (a payment dated later does not change it), the reasons in Chinese and English, the neutral score without
 * history, the customer's credit (limit, exposure, available, hold, history), the manager's override with its expiry,
 * bad input named, the portfolio rule; and the validation on generated portfolios (customers scored lower pay later).
 */
@SpringBootTest(properties = "huikuan.outbox.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class CreditScoreBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreditScoreQueries queries;
    @Autowired
    io.huikuan.ledger.BalancePeriods balances;
    @Autowired
    CreditScores scoresBean;

    String token;
    String collector;

    @BeforeEach
    void setUp() {
        clock.set(LocalDate.parse("2025-06-10"), LocalTime.of(10, 0));
        Api.user(users, "cs-admin", Role.ADMIN);
        Api.user(users, "cs-finance", Role.FINANCE);
        Api.user(users, "cs-boss", Role.MANAGER);
        token = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        collector = "cs-" + token.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, "cs-other-" + token.toLowerCase(), Role.COLLECTOR);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    String customer(String suffix, String limit) throws Exception {
        String code = "CS-" + token + "-" + suffix;
        call(post("/api/customers"), "cs-admin", """
                {"code":"%s","name":"无锡精工 %s","owner":"%s"%s}""".formatted(code, suffix, collector,
                limit == null ? "" : ",\"creditLimit\":" + limit)).andExpect(status().isCreated());
        return code;
    }

    void invoice(String customer, String no, String issue, String due, String amount) throws Exception {
        call(post("/api/invoices"), "cs-finance", """
                {"invoiceNo":"%s-%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(customer, no, customer, issue, due, amount)).andExpect(status().isCreated());
    }

    void pay(String customer, String ref, String date, String amount, String invoiceNo) throws Exception {
        call(post("/api/payments"), "cs-finance", """
                {"paymentRef":"%s-%s","customerCode":"%s","paymentDate":"%s","amount":%s,"method":"BANK_TRANSFER",
                 "allocations":[{"invoiceNo":"%s-%s","amount":%s}]}""".formatted(customer, ref, customer, date, amount, customer, invoiceNo, amount))
                .andExpect(status().isCreated());
    }

    JsonNode credit(String code, String asOf, String lang) throws Exception {
        MockHttpServletRequestBuilder req = get("/api/customers/" + code + "/credit").param("lang", lang);
        if (asOf != null) {
            req.param("asOf", asOf);
        }
        return Api.json(call(req, collector, null).andExpect(status().isOk()));
    }

    /**
     * Five invoices of 10,000: one settled more than a year before 2025-06-01 (the relationship is older than a year), then
     * in the last 12 months two paid 30 days late and one on time (none in the last 3 months), one still open and overdue.
     */
    String latePayer() throws Exception {
        String c = customer("L", "50000.00");
        invoice(c, "0", "2024-05-01", "2024-05-31", "10000.00");
        invoice(c, "1", "2024-09-01", "2024-10-01", "10000.00");
        invoice(c, "2", "2024-11-01", "2024-12-01", "10000.00");
        invoice(c, "3", "2024-12-02", "2025-01-02", "10000.00");
        invoice(c, "4", "2025-03-01", "2025-04-01", "10000.00");
        pay(c, "P0", "2024-05-31", "10000.00", "0");
        pay(c, "P1", "2024-10-31", "10000.00", "1");
        pay(c, "P2", "2024-12-01", "10000.00", "2");
        pay(c, "P3", "2025-02-01", "10000.00", "3");
        return c;
    }

    @Test
    void theScoreAsOfADateIgnoresAPaymentDatedLaterAndSaysWhyInBothLanguages() throws Exception {
        String c = latePayer();
        JsonNode before = credit(c, "2025-06-01", "zh-CN");
        // 2 of 3 settled late (30 days each): 15 × 2/3 + 15 × 20/60 = 15; the open one 61 days overdue, all the overdue: 12 + 13 × 61/120
        assertThat(before.get("score").asInt()).isEqualTo(66);
        assertThat(before.get("grade").asString()).isEqualTo("C");
        assertThat(before.get("effectiveGrade").asString()).isEqualTo("C");
        assertThat(before.get("reasons").get(0).asString()).isEqualTo("逾期金额占未付款的100%，最久已逾期61天");
        assertThat(before.get("reasons").get(1).asString()).isEqualTo("过去12个月67%的发票逾期付款，平均逾期30天");
        assertThat(before.get("limit").decimalValue()).isEqualByComparingTo("50000");
        assertThat(before.get("exposure").decimalValue()).isEqualByComparingTo("10000");
        assertThat(before.get("available").decimalValue()).isEqualByComparingTo("40000");
        assertThat(before.get("utilisation").asInt()).isEqualTo(20);
        assertThat(before.get("hold").asBoolean()).isFalse();
        JsonNode en = credit(c, "2025-06-01", "en");
        assertThat(en.get("reasons").get(1).asString()).isEqualTo("paid 67% of invoices late in the last 12 months, 30 days late on average");

        pay(c, "P4", "2025-06-05", "10000.00", "4");
        assertThat(credit(c, "2025-06-01", "zh-CN")).as("a payment dated after the date changes nothing").isEqualTo(before);
        JsonNode after = credit(c, "2025-06-05", "en");
        assertThat(after.get("score").asInt()).as("3 of 4 late, nothing open").isGreaterThan(before.get("score").asInt());
        assertThat(after.get("exposure").decimalValue()).isEqualByComparingTo("0");
        assertThat(after.get("reasons").get(0).asString()).startsWith("paid 75% of invoices late");
    }

    @Test
    void aCustomerWithoutHistoryIsNeutralAndTheListIsPagedAndLimitedToThePortfolio() throws Exception {
        String fresh = customer("N", null);
        String late = latePayer();
        JsonNode one = credit(fresh, null, "zh-CN");
        assertThat(one.get("score").asInt()).isEqualTo(60);
        assertThat(one.get("grade").asString()).isEqualTo("C");
        assertThat(one.get("reasons").get(0).asString()).isEqualTo("尚无交易记录，给予中性评分60分");
        assertThat(one.get("limit").isNull()).isTrue();
        assertThat(one.get("history")).as("today's score is stored when looked at").hasSize(1);

        JsonNode page = Api.json(call(get("/api/credit/scores").param("asOf", "2025-06-01").param("page", "0").param("size", "10"), collector, null)
                .andExpect(status().isOk()));
        assertThat(page.get("total").asInt()).as("the collector's own two customers").isEqualTo(2);
        assertThat(page.get("items")).extracting(i -> i.get("customerCode").asString()).containsExactly(late, fresh);
        assertThat(page.get("items").get(0).get("score").asInt()).isEqualTo(66);
        assertThat(page.get("items").get(0).get("grade").asString()).isEqualTo("C");
        assertThat(page.get("items").get(0).get("reasons")).hasSize(2);
        call(get("/api/credit/scores").param("size", "1").param("page", "1"), collector, null).andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].customerCode").value(fresh));
        call(get("/api/credit/scores"), "cs-other-" + token.toLowerCase(), null).andExpect(jsonPath("$.total").value(0));
        call(get("/api/customers/" + late + "/credit"), "cs-other-" + token.toLowerCase(), null).andExpect(status().isNotFound());
        call(get("/api/credit/scores").param("asOf", "2025-02-30"), collector, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        call(get("/api/credit/scores").param("page", "-1"), collector, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void aManagerOverridesTheGradeUntilItExpiresAndBadInputIsNamed() throws Exception {
        String c = latePayer();
        String url = "/api/customers/" + c + "/credit/override";
        call(put(url), collector, """
                {"grade":"B","reason":"担保到位","expiresOn":"2025-06-20"}""").andExpect(status().isForbidden());
        call(put(url), "cs-boss", """
                {"grade":"F","reason":"担保到位","expiresOn":"2025-06-20"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("grade")).andExpect(jsonPath("$.errors[0].code").value("credit.grade"));
        call(put(url), "cs-boss", """
                {"grade":"B","reason":"担保到位","expiresOn":"2025-06-09"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresOn")).andExpect(jsonPath("$.errors[0].code").value("credit.expiresPast"));
        call(put(url), "cs-boss", """
                {"grade":"B","reason":" ","expiresOn":"2025-06-20"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(put(url), "cs-boss", """
                {"grade":"b","reason":"母公司提供担保","expiresOn":"2025-06-20"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.grade").value("B")).andExpect(jsonPath("$.setBy").value("cs-boss"));

        JsonNode now = credit(c, null, "zh-CN");
        assertThat(now.get("grade").asString()).as("the computed grade stays").isEqualTo("C");
        assertThat(now.get("override").get("grade").asString()).isEqualTo("B");
        assertThat(now.get("override").get("reason").asString()).isEqualTo("母公司提供担保");
        assertThat(now.get("effectiveGrade").asString()).isEqualTo("B");
        assertThat(credit(c, "2025-06-20", "zh-CN").get("effectiveGrade").asString()).as("the last day").isEqualTo("B");
        JsonNode expired = credit(c, "2025-06-21", "zh-CN");
        assertThat(expired.get("override").isNull()).isTrue();
        assertThat(expired.get("effectiveGrade").asString()).isEqualTo(expired.get("grade").asString());
        call(get("/api/credit/scores"), collector, null).andExpect(jsonPath("$.items[0].override").value("B"))
                .andExpect(jsonPath("$.items[0].effectiveGrade").value("B"));

        call(delete(url), collector, null).andExpect(status().isForbidden());
        call(delete(url), "cs-boss", null).andExpect(status().isNoContent());
        call(delete(url), "cs-boss", null).andExpect(status().isNotFound());
        assertThat(credit(c, null, "zh-CN").get("effectiveGrade").asString()).isEqualTo("C");
    }

    @Test
    void brokenPromisesDisputesAndTheLimitUsedCountFromTheirDates() throws Exception {
        String c = customer("P", "12000.00");
        invoice(c, "1", "2024-01-02", "2024-02-01", "10000.00");
        invoice(c, "2", "2025-05-10", "2025-06-30", "12000.00");
        pay(c, "P1", "2024-02-01", "10000.00", "1");
        long id = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(c).query(Long.class).single();
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        for (String settled : List.of("2025-03-10", "2025-04-10", "2025-06-08")) {
            jdbc.sql("""
                    INSERT INTO promise (customer_id, amount, made_on, promised_date, status, paid_amount, settled_on, created_by, created_at)
                    VALUES (?, 5000, ?, ?, 'BROKEN', 0, ?, 'cs-boss', ?)""").params(id, java.sql.Date.valueOf(LocalDate.parse(settled).minusDays(20)),
                    java.sql.Date.valueOf(LocalDate.parse(settled).minusDays(3)), java.sql.Date.valueOf(settled), now).update();
        }
        long invoice = jdbc.sql("SELECT id FROM invoice WHERE invoice_no = ?").param(c + "-2").query(Long.class).single();
        jdbc.sql("INSERT INTO invoice_dispute (invoice_id, opened_on, reason, opened_by, created_at, amount) VALUES (?, ?, '货物破损', 'cs-boss', ?, 2000)")
                .params(invoice, java.sql.Date.valueOf("2025-05-20"), now).update();

        JsonNode june1 = credit(c, "2025-06-01", "zh-CN");
        assertThat(june1.get("reasons")).extracting(JsonNode::asString).containsExactly("过去12个月2次付款承诺未兑现，0次部分兑现",
                "已使用信用额度的100%", "过去12个月提出1次争议");
        // promises 10, utilisation 100% of the limit: 5, one dispute 1.25
        assertThat(june1.get("score").asInt()).isEqualTo(84);
        assertThat(june1.get("grade").asString()).isEqualTo("B");
        assertThat(credit(c, "2025-05-19", "zh-CN").get("reasons")).as("before the dispute").extracting(JsonNode::asString)
                .containsExactly("过去12个月2次付款承诺未兑现，0次部分兑现", "已使用信用额度的100%");
        assertThat(credit(c, "2025-06-08", "en").get("reasons").get(0).asString()).isEqualTo("3 broken and 0 partly kept promises to pay in the last 12 months");
    }

    @Test
    void theDailySnapshotMakesTheHistory() throws Exception {
        String c = latePayer();
        CreditScores scores = scoresBean;
        scores.snapshot(LocalDate.parse("2025-05-01"));
        scores.snapshot(LocalDate.parse("2025-06-01"));
        JsonNode credit = credit(c, "2025-06-05", "zh-CN");
        assertThat(credit.get("history")).extracting(h -> h.get("asOf").asString()).containsExactly("2025-05-01", "2025-06-01", "2025-06-05");
        assertThat(credit.get("history").get(1).get("score").asInt()).isEqualTo(66);
        assertThat(credit.get("history").get(1).get("grade").asString()).isEqualTo("C");
        assertThat(credit(c, "2025-05-15", "zh-CN").get("history")).extracting(h -> h.get("asOf").asString())
                .as("only what is dated on or before the date").containsExactly("2025-05-01", "2025-05-15");
    }

    @Test
    void theCustomerPageShowsTheCreditSection() throws Exception {
        String c = latePayer();
        String html = call(get("/customers/" + c + "/credit-panel").param("lang", "zh-CN"), collector, null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"credit-score\"").contains("逾期金额占未付款的100%").contains("信用额度").doesNotContain("credit-override-form");
        String boss = call(get("/customers/" + c + "/credit-panel").param("lang", "en"), "cs-boss", null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(boss).contains("credit-override-form").contains("Credit score");
    }

    @Test
    void customersScoredLowerPayLaterInTheFollowingSixMonths() {
        GeneratedPortfolio portfolio = GeneratedPortfolio.create(jdbc, balances, "GP-" + token, 60, 20251);
        LocalDate at = GeneratedPortfolio.SCORED_AT;
        List<CreditScoreQueries.Row> rows = queries.of(at, portfolio.customerIds());
        double[] scores = new double[rows.size()];
        double[] lateness = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            scores[i] = ScoreModel.score(rows.get(i).figures(), at).score();
            lateness[i] = portfolio.latenessAfter(rows.get(i).customerId());
        }
        double rho = Spearman.rho(scores, lateness);
        System.out.printf("credit score validation: Spearman rank correlation between the score at %s and the amount-weighted days late of "
                + "the invoices due in the following six months, %d generated customers: %.3f%n", at, rows.size(), rho);
        assertThat(rho).isLessThanOrEqualTo(-0.8);
    }
}
