package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import io.huikuan.correspondence.outbox.OutboxSender;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.TestSmtp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Limitation events recorded from what Huikuan already does: an e-mail delivered to a real SMTP server (GreenMail)
 * interrupts the clock on its day; a PDF demand letter waits for its courier receipt and counts from the day it
 * was delivered; a written promise acknowledges the debt, an oral one is recorded without counting. On H2.
 */
@SpringBootTest(properties = {"huikuan.outbox.enabled=false", "huikuan.mail.from=ar@huikuan.test"})
@AutoConfigureMockMvc
class LimitationAutomaticIntegrationTests {

    static final GreenMail SMTP = TestSmtp.start();

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        TestSmtp.register(r, SMTP);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    OutboxSender sender;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    String code;
    LocalDate today;

    @BeforeEach
    void customer() throws Exception {
        today = LocalDate.now(clock);
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "laboss", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "lalegal", Role.LEGAL);
        Api.user(users, "lacol", Role.COLLECTOR);
        code = "LA" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"常州天宁电气有限公司","owner":"lacol"}""".formatted(code)).andExpect(status().isCreated());
        call(post("/api/customers/" + code + "/contacts"), "admin", """
                {"name":"钱丽","role":"FINANCE","email":"qian@tianning.example"}""").andExpect(status().isCreated());
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-A","customerCode":"%s","issueDate":"2024-01-15","dueDate":"2024-02-15","amount":8600.00}"""
                .formatted(code, code)).andExpect(status().isCreated());
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    /** The event recorded from the source for this customer, waiting for the asynchronous listener. */
    Map<String, Object> awaitEvent(String source) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var rows = jdbc.sql("""
                    SELECT e.* FROM limitation_event e JOIN customer c ON c.id = e.customer_id WHERE c.code = ? AND e.source = ?""")
                    .params(code, source).query().listOfRows();
            if (!rows.isEmpty()) {
                assertThat(rows).as("recorded once").hasSize(1);
                return rows.getFirst();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + source + " limitation event for " + code);
    }

    JsonNode clock() throws Exception {
        JsonNode body = Api.json(call(get("/api/limitation").param("customer", code), "lalegal", null).andExpect(status().isOk()));
        assertThat(body.get("total").asLong()).isEqualTo(1);
        return body.get("items").get(0);
    }

    @Test
    void aDeliveredEMailInterruptsTheClockOnItsDay() throws Exception {
        assertThat(clock().get("runsFrom").asString()).isEqualTo("2024-02-15");
        JsonNode doc = Api.json(call(post("/api/customers/" + code + "/statements").param("from", "2024-01-01"), "lacol", null)
                .andExpect(status().isCreated()));
        call(post("/api/customers/" + code + "/messages"), "lacol", """
                {"template":"statement_cover","documentIds":[%d],"idempotencyKey":"k-%s"}""".formatted(doc.get("id").asLong(), code))
                .andExpect(status().isCreated());
        assertThat(sender.runOnce().sent()).isEqualTo(1);
        Map<String, Object> e = awaitEvent("MESSAGE");
        assertThat(e.get("counts")).isEqualTo(true);
        assertThat((String) e.get("evidence")).contains("qian@tianning.example").contains("accepted at");
        JsonNode item = clock();
        assertThat(item.get("runsFrom").asString()).isEqualTo(today.toString());
        assertThat(item.get("lastEvent").get("kind").asString()).isEqualTo("DEMAND_DELIVERED");
        assertThat(jdbc.sql("SELECT count(*) FROM limitation_event e JOIN customer c ON c.id = e.customer_id WHERE c.code = ? AND e.source = 'DOCUMENT'")
                .param(code).query(Long.class).single()).as("a statement is not a demand").isZero();
    }

    void companyProfile() throws Exception {
        call(put("/api/company-profile"), "laboss", """
                {"name":"上海汇通工业品有限公司","address":"上海市浦东新区张江路 88 号","phone":"021-5555 8888","email":"ar@huitong.example",
                 "bankName":"招商银行上海张江支行","bankAccount":"1219 0888 0000 6666","taxId":"91310115MA1H000000",
                 "signatoryName":"周明","signatoryTitle":"财务总监","payByDays":10}""").andExpect(status().isOk());
    }

    @Test
    void aBalanceConfirmationCountsOnlyOnceItsSignedReplyIsRecorded() throws Exception {
        companyProfile();
        JsonNode doc = Api.json(call(post("/api/customers/" + code + "/letters").param("kind", "BALANCE_CONFIRMATION"), "laboss", null)
                .andExpect(status().isCreated()));
        long id = doc.get("id").asLong();
        Thread.sleep(500);
        assertThat(clock().get("lastEvent").isNull()).as("issuing a confirmation interrupts nothing").isTrue();
        String html = Api.json(call(get("/api/limitation-events").param("customer", code), "lalegal", null).andExpect(status().isOk())).toString();
        assertThat(html).isEqualTo("[]");

        String body = """
                {"customerCode":"%s","documentId":%d,"signedOn":"%s","evidence":"原件已收，盖有公章"}""";
        call(post("/api/limitation-events/signed-confirmations"), "lacol", body.formatted(code, id, today)).andExpect(status().isForbidden());
        call(post("/api/limitation-events/signed-confirmations"), "lalegal", body.formatted(code, id, today.minusDays(400)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("signedOn"));
        call(post("/api/limitation-events/signed-confirmations"), "lalegal", body.formatted(code, id + 100000, today))
                .andExpect(status().isNotFound());
        assertThat(call(get("/legal/limitation/customers/" + code), "lalegal", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("id=\"limitation-confirmations\"", doc.get("number").asString(),
                "登记签回").doesNotContain("??");
        call(post("/api/limitation-events/signed-confirmations"), "lalegal", body.formatted(code, id, today)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("ACKNOWLEDGED")).andExpect(jsonPath("$.counts").value(true))
                .andExpect(jsonPath("$.source").value("CONFIRMATION"));
        call(post("/api/limitation-events/signed-confirmations"), "lalegal", body.formatted(code, id, today)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("documentId"));
        assertThat(call(get("/legal/limitation/customers/" + code), "lalegal", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("已登记签回", "对账确认函");
        JsonNode item = clock();
        assertThat(item.get("runsFrom").asString()).isEqualTo(today.toString());
        assertThat(item.get("lastEvent").get("evidence").asString()).contains("balance confirmation " + doc.get("number").asString());
    }

    @Test
    void aDemandLetterCountsFromTheDayItsCourierReceiptSaysItWasDelivered() throws Exception {
        call(put("/api/company-profile"), "laboss", """
                {"name":"上海汇通工业品有限公司","address":"上海市浦东新区张江路 88 号","phone":"021-5555 8888","email":"ar@huitong.example",
                 "bankName":"招商银行上海张江支行","bankAccount":"1219 0888 0000 6666","taxId":"91310115MA1H000000",
                 "signatoryName":"周明","signatoryTitle":"财务总监","payByDays":10}""").andExpect(status().isOk());
        call(post("/api/customers/" + code + "/letters").param("kind", "DEMAND_LETTER"), "laboss", null).andExpect(status().isCreated());
        Map<String, Object> e = awaitEvent("DOCUMENT");
        assertThat(e.get("counts")).isEqualTo(false);
        assertThat((String) e.get("note")).isEqualTo("counts once the courier receipt is entered");
        assertThat(clock().get("lastEvent").isNull()).as("not counting yet").isTrue();
        long id = ((Number) e.get("id")).longValue();

        call(post("/api/limitation-events/" + id + "/courier-receipt"), "lacol", """
                {"courierNo":"SF1234567890","deliveredOn":"%s"}""".formatted(today)).andExpect(status().isForbidden());
        call(post("/api/limitation-events/" + id + "/courier-receipt"), "lalegal", """
                {"courierNo":" ","deliveredOn":"%s"}""".formatted(today.plusDays(1))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("courierNo")).andExpect(jsonPath("$.errors[1].field").value("deliveredOn"));
        call(post("/api/limitation-events/" + id + "/courier-receipt"), "lalegal", """
                {"courierNo":"SF1234567890","deliveredOn":"%s"}""".formatted(today)).andExpect(status().isOk())
                .andExpect(jsonPath("$.counts").value(true)).andExpect(jsonPath("$.date").value(today.toString()));
        JsonNode item = clock();
        assertThat(item.get("runsFrom").asString()).isEqualTo(today.toString());
        assertThat(item.get("lastEvent").get("evidence").asString()).contains("SF1234567890");
        call(post("/api/limitation-events/" + id + "/courier-receipt"), "lalegal", """
                {"courierNo":"SF1234567890","deliveredOn":"%s"}""".formatted(today)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("eventId"));
    }

    @Test
    void aWrittenPromiseAcknowledgesTheDebtAndAnOralOneWaitsForEvidence() throws Exception {
        call(post("/api/promises"), "lacol", """
                {"customerCode":"%s","channel":"phone","amount":1000,"madeOn":"%s","promisedDate":"%s"}"""
                .formatted(code, today.minusDays(2), today.plusDays(10))).andExpect(status().isCreated());
        Map<String, Object> oral = awaitEvent("PROMISE");
        assertThat(oral.get("counts")).isEqualTo(false);
        assertThat((String) oral.get("note")).contains("oral promise");
        assertThat(clock().get("lastEvent").isNull()).isTrue();

        jdbc.sql("DELETE FROM limitation_event_invoice WHERE event_id = ?").param(oral.get("id")).update();
        jdbc.sql("DELETE FROM limitation_event WHERE id = ?").param(oral.get("id")).update();
        call(post("/api/promises"), "lacol", """
                {"customerCode":"%s","channel":"email","amount":1000,"madeOn":"%s","promisedDate":"%s","notes":"邮件确认月底付款"}"""
                .formatted(code, today.minusDays(1), today.plusDays(10))).andExpect(status().isCreated());
        Map<String, Object> written = awaitEvent("PROMISE");
        assertThat(written.get("counts")).isEqualTo(true);
        assertThat((String) written.get("evidence")).contains("by email").contains("邮件确认月底付款");
        JsonNode item = clock();
        assertThat(item.get("runsFrom").asString()).isEqualTo(today.minusDays(1).toString());
        assertThat(item.get("lastEvent").get("kind").asString()).isEqualTo("ACKNOWLEDGED");
    }
}
