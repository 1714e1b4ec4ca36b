package io.huikuan.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Credit applications and scheduled reviews (issue 15, item 3) on H2 and PostgreSQL: the recommendation from the policy
 * with its reasons, approval by authority changing the limit and landing in the history, a rejection's reason, documents
 * checked for type and size and stored with their SHA-256, bad input naming its field, a new customer's application, and the
 * reviews falling due by grade with exactly one task.
 */
@SpringBootTest(properties = {"huikuan.outbox.enabled=false", "huikuan.legal.documents.max-size=64KB"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class CreditApplicationBehaviour {

    static final byte[] PDF = "%PDF-1.4\n% 2024年度财务报表\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreditReviews reviews;

    String token;
    String collector;

    @BeforeEach
    void setUp() {
        clock.set(LocalDate.parse("2025-06-10"), LocalTime.of(10, 0));
        Api.user(users, "ca-admin", Role.ADMIN);
        Api.user(users, "ca-finance", Role.FINANCE);
        Api.user(users, "ca-boss", Role.MANAGER);
        token = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        collector = "ca-" + token.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, "ca-other-" + token.toLowerCase(), Role.COLLECTOR);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    /** A customer of the collector without invoices (neutral score 60, grade C). */
    String customer(String suffix, String limit, String grade) throws Exception {
        String code = "CA-" + token + "-" + suffix;
        call(post("/api/customers"), "ca-admin", """
                {"code":"%s","name":"无锡精工 %s","owner":"%s"%s%s}""".formatted(code, suffix, collector,
                limit == null ? "" : ",\"creditLimit\":" + limit, grade == null ? "" : ",\"grade\":\"" + grade + "\"")).andExpect(status().isCreated());
        return code;
    }

    static String application(String code, String requested, String revenue, String equity) {
        return """
                {"customerCode":"%s","requestedLimit":"%s","creditDays":"60","revenue":"%s","profit":"120000.00","equity":"%s",
                 "totalLiabilities":"800000.00","registeredCapital":"1000000","yearsInBusiness":"8","guarantees":"法人代表个人担保",
                 "bankReferences":"工商银行无锡分行：往来良好"}""".formatted(code, requested, revenue, equity);
    }

    JsonNode apply(String user, String json) throws Exception {
        return Api.json(call(post("/api/credit/applications").param("lang", "zh-CN"), user, json).andExpect(status().isCreated()));
    }

    static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void theRecommendationIsTheLowerShareOfEquityAndRevenueCappedByTheGradeWithReasons() throws Exception {
        String c = customer("R", "100000.00", null);
        JsonNode a = apply(collector, application(c, "250000.00", "3000000.00", "2000000.00"));
        assertThat(a.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(a.get("kind").asString()).isEqualTo("INCREASE");
        assertThat(a.get("score").asInt()).isEqualTo(60);
        assertThat(a.get("grade").asString()).isEqualTo("C");
        assertThat(a.get("currentLimit").decimalValue()).isEqualByComparingTo("100000");
        assertThat(a.get("recommendedLimit").decimalValue()).as("min(20% of 2M, 10% of 3M, cap C 1M)").isEqualByComparingTo("300000");
        assertThat(texts(a.get("reasons"))).contains("净资产2000000.00的20%：400000.00", "年营业收入3000000.00的10%：300000.00",
                "信用等级C（评分60）的额度上限：1000000.00", "推荐额度300000.00（取以上较低者）");
        assertThat(a.get("requiredRole").asString()).isEqualTo("FINANCE");

        JsonNode big = apply(collector, application(c, "900000.00", "50000000.00", "20000000.00"));
        assertThat(big.get("recommendedLimit").decimalValue()).as("capped by grade C").isEqualByComparingTo("1000000");
        JsonNode en = Api.json(call(post("/api/credit/applications").param("lang", "en"), collector,
                application(c, "100000.00", "1000000.00", "-50000.00")).andExpect(status().isCreated()));
        assertThat(en.get("recommendedLimit").decimalValue()).isEqualByComparingTo("0");
        assertThat(texts(en.get("reasons"))).contains("the equity is -50000.00 (not positive): no credit by equity",
                "the requested 100000.00 is above the recommended 0.00: approving it needs one level more authority");

        call(put("/api/credit/application-policy"), collector, "{\"revenueSharePct\":\"5\"}").andExpect(status().isForbidden());
        call(put("/api/credit/application-policy"), "ca-boss", "{\"revenueSharePct\":\"101\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("revenueSharePct"));
        call(put("/api/credit/application-policy"), "ca-boss", "{\"caps\":{\"C\":\"-1\"}}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("caps.C"));
        try {
            call(put("/api/credit/application-policy"), "ca-boss", "{\"revenueSharePct\":\"5\",\"caps\":{\"C\":\"120000\"}}")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.revenueSharePct").value(5)).andExpect(jsonPath("$.caps.C").value(120000));
            JsonNode after = apply(collector, application(c, "100000.00", "3000000.00", "2000000.00"));
            assertThat(after.get("recommendedLimit").decimalValue()).as("min(400000, 5% of 3M = 150000, cap C 120000)").isEqualByComparingTo("120000");
        } finally {
            call(put("/api/credit/application-policy"), "ca-boss", "{\"revenueSharePct\":\"10\",\"caps\":{\"C\":\"1000000\"}}").andExpect(status().isOk());
        }
    }

    @Test
    void anApprovalWithinTheAuthorityChangesTheLimitAndLandsInTheHistory() throws Exception {
        String c = customer("A", "100000.00", null);
        JsonNode a = apply(collector, application(c, "800000.00", "10000000.00", "5000000.00"));
        assertThat(a.get("recommendedLimit").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(a.get("requiredRole").asString()).as("above the finance authority of 500,000").isEqualTo("MANAGER");
        long id = a.get("id").asLong();

        call(post("/api/credit/applications/" + id + "/approve"), collector, "{}").andExpect(status().isForbidden());
        call(post("/api/credit/applications/" + id + "/approve"), "ca-finance", "{}").andExpect(status().isForbidden());
        call(post("/api/credit/applications/" + id + "/approve"), "ca-finance", "{\"limit\":\"450000.00\",\"note\":\"先批一半\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approvedLimit").value(450000.00)).andExpect(jsonPath("$.decidedBy").value("ca-finance"));
        call(post("/api/credit/applications/" + id + "/approve"), "ca-boss", "{}").andExpect(status().isConflict());

        JsonNode credit = Api.json(call(get("/api/customers/" + c + "/credit"), collector, null).andExpect(status().isOk()));
        assertThat(credit.get("limit").decimalValue()).isEqualByComparingTo("450000");
        JsonNode h = credit.get("limitHistory").get(0);
        assertThat(h.get("source").asString()).isEqualTo("APPLICATION");
        assertThat(h.get("sourceId").asLong()).isEqualTo(id);
        assertThat(h.get("oldLimit").decimalValue()).isEqualByComparingTo("100000");
        assertThat(h.get("newLimit").decimalValue()).isEqualByComparingTo("450000");
        assertThat(h.get("newDays").asInt()).isEqualTo(60);
        assertThat(h.get("changedBy").asString()).isEqualTo("ca-finance");
        assertThat(h.get("reason").asString()).isEqualTo("先批一半");
        assertThat(credit.get("limitHistory").size()).as("the limit set when the customer was created, then the approval").isEqualTo(2);
        assertThat(credit.get("limitHistory").get(1).get("source").asString()).isEqualTo("MANUAL");
        assertThat(credit.get("limitHistory").get(1).get("oldLimit").isNull()).isTrue();
        JsonNode before = Api.json(call(get("/api/customers/" + c + "/credit").param("asOf", "2025-06-09"), collector, null));
        assertThat(before.get("limitHistory").size()).as("as of the day before: no change yet").isZero();

        JsonNode above = apply(collector, application(c, "2000000.00", "10000000.00", "5000000.00"));
        assertThat(above.get("requiredRole").asString()).as("above the recommendation: one level more than MANAGER").isEqualTo("ADMIN");
        call(post("/api/credit/applications/" + above.get("id").asLong() + "/approve"), "ca-boss", "{}").andExpect(status().isForbidden());
        call(post("/api/credit/applications/" + above.get("id").asLong() + "/approve"), "ca-admin", "{\"grade\":\"B\"}").andExpect(status().isOk());
        credit = Api.json(call(get("/api/customers/" + c + "/credit"), "ca-boss", null));
        assertThat(credit.get("limit").decimalValue()).isEqualByComparingTo("2000000");
        assertThat(credit.get("limitHistory").get(0).get("newGrade").asString()).isEqualTo("B");

        call(put("/api/customers/" + c), "ca-boss", """
                {"name":"无锡精工 A","owner":"%s","creditLimit":1500000,"creditDays":60,"grade":"B"}""".formatted(collector))
                .andExpect(status().isOk());
        credit = Api.json(call(get("/api/customers/" + c + "/credit"), "ca-boss", null));
        assertThat(credit.get("limitHistory").get(0).get("source").asString()).as("an edit of the customer").isEqualTo("MANUAL");
        assertThat(credit.get("limitHistory").get(0).get("newLimit").decimalValue()).isEqualByComparingTo("1500000");

        JsonNode listed = Api.json(call(get("/api/credit/applications").param("status", "APPROVED").param("customer", c), collector, null));
        assertThat(listed.size()).isEqualTo(2);
        call(get("/api/credit/applications").param("customer", c), "ca-other-" + token.toLowerCase(), null).andExpect(status().isNotFound());
    }

    @Test
    void aRejectionNeedsAReasonAndLeavesTheLimit() throws Exception {
        String c = customer("J", "100000.00", null);
        long id = apply(collector, application(c, "300000.00", "10000000.00", "5000000.00")).get("id").asLong();
        call(post("/api/credit/applications/" + id + "/reject"), "ca-finance", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(post("/api/credit/applications/" + id + "/reject"), "ca-finance", "{\"reason\":\"财务报表未经审计\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED")).andExpect(jsonPath("$.decisionNote").value("财务报表未经审计"));
        JsonNode credit = Api.json(call(get("/api/customers/" + c + "/credit"), collector, null));
        assertThat(credit.get("limit").decimalValue()).isEqualByComparingTo("100000");
        assertThat(texts(credit.get("limitHistory").findValues("source").stream().collect(
                tools.jackson.databind.node.JsonNodeFactory.instance::arrayNode, tools.jackson.databind.node.ArrayNode::add,
                tools.jackson.databind.node.ArrayNode::addAll))).as("only the creation").containsExactly("MANUAL");
        long other = apply(collector, application(c, "300000.00", "10000000.00", "5000000.00")).get("id").asLong();
        call(post("/api/credit/applications/" + other + "/withdraw"), "ca-other-" + token.toLowerCase(), null).andExpect(status().isNotFound());
        call(post("/api/credit/applications/" + other + "/withdraw"), collector, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() throws Exception {
        String c = customer("B", null, null);
        call(post("/api/credit/applications"), collector, application(c, "100000.00", "-1.00", "100.00")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("revenue"));
        call(post("/api/credit/applications"), collector, application(c, "0", "100.00", "100.00")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("requestedLimit"));
        call(post("/api/credit/applications"), collector, application(c, "1.001", "100.00", "abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("requestedLimit")).andExpect(jsonPath("$.errors[1].field").value("equity"));
        call(post("/api/credit/applications"), collector, "{\"customerCode\":\"" + c + "\",\"requestedLimit\":\"1000\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("revenue", "profit", "equity", "totalLiabilities")));
        call(post("/api/credit/applications"), collector, application("NO-SUCH-" + token, "1000", "100", "100")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customerCode"));
        call(post("/api/credit/applications"), "ca-other-" + token.toLowerCase(), application(c, "1000", "100", "100"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("customerCode"));
        call(post("/api/credit/applications"), collector, "{}").andExpect(status().isBadRequest());
        call(post("/api/credit/applications"), "ca-boss", """
                {"newCustomer":{"code":"%s","name":"新客户"},"requestedLimit":"1000","revenue":"-5","profit":"0","equity":"0","totalLiabilities":"0"}"""
                .formatted("CA-" + token + "-NEWBAD")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("revenue"));
        call(get("/api/customers/CA-" + token + "-NEWBAD"), "ca-boss", null).andExpect(status().isNotFound());
        assertThat(Api.json(call(get("/api/credit/applications").param("customer", c), collector, null)).size()).as("nothing written").isZero();
        call(get("/api/credit/applications").param("status", "DONE"), collector, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void documentsAreCheckedForTypeAndSizeAndStoredWithTheirHash() throws Exception {
        String c = customer("D", "100000.00", null);
        long id = apply(collector, application(c, "300000.00", "10000000.00", "5000000.00")).get("id").asLong();
        JsonNode a = Api.json(mvc.perform(multipart("/api/credit/applications/" + id + "/documents")
                .file(new MockMultipartFile("file", "2024年报.pdf", "application/pdf", PDF))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(collector, collector)))
                .andExpect(status().isCreated()));
        JsonNode doc = a.get("documents").get(0);
        assertThat(doc.get("fileName").asString()).isEqualTo("2024年报.pdf");
        assertThat(doc.get("size").asLong()).isEqualTo(PDF.length);
        assertThat(doc.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
        mvc.perform(get("/api/attachments/" + doc.get("id").asLong())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("ca-finance", "ca-finance")))
                .andExpect(status().isOk());

        upload(id, new MockMultipartFile("file", "setup.exe", "application/octet-stream", new byte[] {'M', 'Z', 0, 0}))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        upload(id, new MockMultipartFile("file", "fake.pdf", "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        byte[] big = new byte[64 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload(id, new MockMultipartFile("file", "big.pdf", "application/pdf", big))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(Api.json(call(get("/api/credit/applications/" + id), "ca-finance", null)).get("documents").size()).isEqualTo(1);
    }

    ResultActions upload(long id, MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/api/credit/applications/" + id + "/documents").file(file)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(collector, collector)));
    }

    @Test
    void aNewCustomersApplicationCreatesTheCustomerWhoseLimitIsSetOnApproval() throws Exception {
        String code = "CA-" + token + "-NEW";
        JsonNode a = apply(collector, """
                {"newCustomer":{"code":"%s","name":"苏州新材料有限公司"},"requestedLimit":"200000","creditDays":"45","revenue":"5000000",
                 "profit":"300000","equity":"1500000","totalLiabilities":"900000"}""".formatted(code));
        assertThat(a.get("kind").asString()).isEqualTo("NEW_CUSTOMER");
        assertThat(a.get("customerCode").asString()).isEqualTo(code);
        assertThat(a.get("recommendedLimit").decimalValue()).isEqualByComparingTo("300000");
        JsonNode customer = Api.json(call(get("/api/customers/" + code), collector, null).andExpect(status().isOk()));
        assertThat(customer.get("owner").asString()).as("the collector's own").isEqualTo(collector);
        assertThat(customer.get("creditLimit").isNull()).isTrue();
        call(post("/api/credit/applications/" + a.get("id").asLong() + "/approve"), "ca-finance", "{}").andExpect(status().isOk());
        customer = Api.json(call(get("/api/customers/" + code), collector, null));
        assertThat(customer.get("creditLimit").decimalValue()).isEqualByComparingTo("200000");
        assertThat(customer.get("creditDays").asInt()).isEqualTo(45);
        call(post("/api/credit/applications"), collector, """
                {"newCustomer":{"code":"%s","name":"重复"},"requestedLimit":"1","revenue":"1","profit":"1","equity":"1","totalLiabilities":"1"}"""
                .formatted(code)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("newCustomer.code"));
    }

    @Test
    void aReviewFallsDueByGradeWithExactlyOneTaskAndRecordsItsOutcome() throws Exception {
        String e = customer("E", "50000.00", "E");
        String a = customer("G", "50000.00", "A");
        long eId = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(e).query(Long.class).single();

        reviews.openDue(LocalDate.parse("2025-07-09"));
        assertThat(open(e)).as("grade E: monthly, not due before 2025-07-10").isZero();
        reviews.openDue(LocalDate.parse("2025-07-10"));
        reviews.openDue(LocalDate.parse("2025-07-11"));
        assertThat(open(e)).as("due: one open review, however often the schedule runs").isEqualTo(1);
        assertThat(open(a)).as("grade A: yearly").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM collection_task WHERE customer_id = ? AND task_key LIKE 'CREDIT-REVIEW-%' AND status = 'OPEN' AND assignee = ?")
                .params(eId, collector).query(Integer.class).single()).isEqualTo(1);
        JsonNode due = Api.json(call(get("/api/credit/reviews").param("due", "2025-07-10").param("customer", e), collector, null));
        assertThat(due.size()).isEqualTo(1);
        assertThat(due.get(0).get("dueOn").asString()).isEqualTo("2025-07-10");
        assertThat(due.get(0).get("gradeAtDue").asString()).isEqualTo("E");

        clock.set(LocalDate.parse("2025-07-11"), LocalTime.of(9, 0));
        call(post("/api/customers/" + e + "/credit/reviews"), collector, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        call(post("/api/customers/" + e + "/credit/reviews"), collector, "{\"note\":\"x\",\"limit\":\"90000\"}").andExpect(status().isForbidden());
        call(post("/api/customers/" + e + "/credit/reviews"), collector, "{\"note\":\"x\",\"nextDueOn\":\"2025-07-11\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nextDueOn"));
        JsonNode kept = Api.json(call(post("/api/customers/" + e + "/credit/reviews"), collector, "{\"note\":\"走访：经营正常，维持额度\"}")
                .andExpect(status().isCreated()));
        assertThat(kept.get("status").asString()).isEqualTo("DONE");
        assertThat(kept.get("outcome").asString()).isEqualTo("KEPT");
        assertThat(kept.get("nextDueOn").asString()).isEqualTo("2025-08-11");
        assertThat(open(e)).isZero();
        assertThat(jdbc.sql("SELECT status FROM collection_task WHERE customer_id = ? AND task_key LIKE 'CREDIT-REVIEW-%'").param(eId)
                .query(String.class).single()).isEqualTo("DONE");
        reviews.openDue(LocalDate.parse("2025-08-10"));
        assertThat(open(e)).as("next due 2025-08-11").isZero();
        reviews.openDue(LocalDate.parse("2025-08-11"));
        assertThat(open(e)).isEqualTo(1);

        JsonNode changed = Api.json(call(post("/api/customers/" + e + "/credit/reviews"), "ca-finance",
                "{\"note\":\"回款改善\",\"limit\":\"80000\",\"grade\":\"D\"}").andExpect(status().isCreated()));
        assertThat(changed.get("outcome").asString()).isEqualTo("CHANGED");
        assertThat(changed.get("nextDueOn").asString()).as("grade D: every two months").isEqualTo("2025-09-11");
        JsonNode credit = Api.json(call(get("/api/customers/" + e + "/credit"), collector, null));
        assertThat(credit.get("limit").decimalValue()).isEqualByComparingTo("80000");
        JsonNode h = credit.get("limitHistory").get(0);
        assertThat(h.get("source").asString()).isEqualTo("REVIEW");
        assertThat(h.get("sourceId").asLong()).isEqualTo(changed.get("id").asLong());
        assertThat(h.get("oldGrade").asString()).isEqualTo("E");
        assertThat(h.get("newGrade").asString()).isEqualTo("D");
        assertThat(h.get("reason").asString()).isEqualTo("回款改善");
    }

    @Test
    void thePagesTakeANewCustomersApplicationShowTheQueueAndRecordAReview() throws Exception {
        String code = "CA-" + token + "-WEB";
        assertThat(mvc.perform(get("/credit/applications/new").with(httpBasic(collector, collector))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("credit-new-form").contains("name=\"totalLiabilities\"");
        String bad = mvc.perform(post("/credit/applications/new").with(httpBasic(collector, collector)).with(csrf()).param("code", code)
                        .param("name", "杭州网页测试有限公司").param("requestedLimit", "100000").param("revenue", "-1").param("profit", "0")
                        .param("equity", "500000").param("totalLiabilities", "0").param("lang", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("年营业收入: 须为0或以上的金额，最多两位小数").contains("value=\"杭州网页测试有限公司\"");
        call(get("/api/customers/" + code), "ca-boss", null).andExpect(status().isNotFound());
        mvc.perform(multipart("/credit/applications/new").file(new MockMultipartFile("file", "报表.pdf", "application/pdf", PDF))
                        .with(httpBasic(collector, collector)).with(csrf()).param("code", code).param("name", "杭州网页测试有限公司")
                        .param("requestedLimit", "100,000").param("revenue", "2,000,000").param("profit", "0").param("equity", "500000")
                        .param("totalLiabilities", "0"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flash"));
        JsonNode a = Api.json(call(get("/api/credit/applications").param("customer", code), collector, null)).get(0);
        assertThat(a.get("documents").get(0).get("fileName").asString()).isEqualTo("报表.pdf");

        String queue = mvc.perform(get("/credit/applications").with(httpBasic("ca-finance", "ca-finance")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(queue).contains("/credit/applications/" + a.get("id").asLong() + "/approve").contains("报表.pdf")
                .doesNotContain("credit-app-policy-form");
        mvc.perform(post("/credit/applications/" + a.get("id").asLong() + "/reject").with(httpBasic("ca-finance", "ca-finance")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flashError"));
        mvc.perform(post("/credit/applications/" + a.get("id").asLong() + "/approve").with(httpBasic("ca-finance", "ca-finance")).with(csrf())
                        .param("limit", "90000"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flash"));
        call(get("/api/customers/" + code), collector, null).andExpect(jsonPath("$.creditLimit").value(90000.00));

        mvc.perform(post("/customers/" + code + "/credit-reviews").with(httpBasic(collector, collector)).with(csrf()).param("note", "走访正常"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flash"));
        String panel = mvc.perform(get("/customers/" + code + "/credit-panel").with(httpBasic(collector, collector)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(panel).contains("credit-limit-history").contains("走访正常").contains("credit-apply-form").contains("90,000.00");
    }

    int open(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM credit_review r JOIN customer c ON c.id = r.customer_id WHERE c.code = ? AND r.status = 'OPEN'")
                .param(code).query(Integer.class).single();
    }
}
