package io.huikuan.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.strategy.CollectionRunCompleted;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.math.BigDecimal;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Concessions with authority (issue 13, item 3) through the API, on H2 and PostgreSQL: the authority matrix (a
 * collector's 800 approved at once, 5,000 waiting for a manager, 80,000 for a manager and finance, never the same person
 * twice), its limits and their bad input, a 5% prompt-payment discount posted as credit notes spread over the invoices
 * only when the full payment is dated by payBy (else EXPIRED after the run, nothing posted), a conditional write-off of
 * the remainder, bad input named.
 */
@SpringBootTest(properties = "huikuan.outbox.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class ConcessionBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Concessions concessions;

    String token;
    String collector;

    @BeforeEach
    void setUp() {
        clock.set(LocalDate.parse("2025-06-10"), LocalTime.of(10, 0));
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "boss", Role.MANAGER);
        Api.user(users, "boss2", Role.MANAGER);
        token = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        collector = "cc-" + token.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, "other-" + token.toLowerCase(), Role.COLLECTOR);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    String customer(String suffix) throws Exception {
        String code = "CC-" + token + "-" + suffix;
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"无锡新区精工 %s","owner":"%s"}""".formatted(code, suffix, collector)).andExpect(status().isCreated());
        return code;
    }

    String invoice(String customer, String suffix, String amount) throws Exception {
        String no = customer + "-" + suffix;
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"2025-05-01","dueDate":"2025-05-31","amount":%s}"""
                .formatted(no, customer, amount)).andExpect(status().isCreated());
        return no;
    }

    void pay(String customer, String ref, String date, String amount, String allocations) throws Exception {
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s","customerCode":"%s","paymentDate":"%s","amount":%s%s}"""
                .formatted(ref, customer, date, amount, allocations == null ? "" : ",\"allocations\":" + allocations))
                .andExpect(status().isCreated());
    }

    JsonNode propose(String user, String json, int expected) throws Exception {
        return Api.json(call(post("/api/concessions"), user, json).andExpect(status().is(expected)));
    }

    JsonNode concession(long id) throws Exception {
        return Api.json(call(get("/api/concessions/" + id), "boss", null).andExpect(status().isOk()));
    }

    BigDecimal open(String invoiceNo) throws Exception {
        return Api.json(call(get("/api/invoices/" + invoiceNo), "finance", null).andExpect(status().isOk())).get("open").decimalValue();
    }

    List<Map<String, Object>> creditNotes(String invoiceNo) {
        return jdbc.sql("SELECT n.credit_note_no, n.note_date, n.amount FROM credit_note n JOIN invoice i ON i.id = n.invoice_id WHERE i.invoice_no = ?")
                .param(invoiceNo).query().listOfRows();
    }

    void runCompleted(String asOf) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> publisher.publishEvent(new CollectionRunCompleted(-1, LocalDate.parse(asOf))));
    }

    String statusOf(long id) {
        return jdbc.sql("SELECT status FROM concession WHERE id = ?").param(id).query(String.class).single();
    }

    <T> T await(String what, Supplier<T> probe) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            T v = probe.get();
            if (v != null && !(v instanceof Boolean b && !b)) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    void awaitStatus(long id, String status) throws InterruptedException {
        await("concession " + id + " " + status, () -> statusOf(id).equals(status));
    }

    static String waiver(String customer, String invoice, String amount) {
        return """
                {"customerCode":"%s","kind":"INTEREST_WAIVER","invoiceNos":["%s"],"amount":"%s","reason":"客户长期合作，免除逾期利息"}"""
                .formatted(customer, invoice, amount);
    }

    @Test
    void theAuthorityMatrixDecidesWhoApprovesByAmount() throws Exception {
        String c = customer("A");
        String inv = invoice(c, "1", "200000.00");

        JsonNode small = propose(collector, waiver(c, inv, "800.00"), 201);
        assertThat(small.get("authority").asString()).isEqualTo("COLLECTOR");
        assertThat(small.get("status").asString()).as("within the collector's own authority, unconditional: posted at once").isEqualTo("POSTED");
        assertThat(small.get("approvals").get(0).get("username").asString()).isEqualTo(collector);
        assertThat(open(inv)).as("a waiver of interest does not touch the invoice").isEqualByComparingTo("200000.00");

        JsonNode mid = propose(collector, """
                {"customerCode":"%s","kind":"PENALTY_WAIVER","invoiceNos":["%s"],"amount":"5000.00","reason":"质量问题补偿"}""".formatted(c, inv), 201);
        long midId = mid.get("id").asLong();
        assertThat(mid.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(mid.get("authority").asString()).isEqualTo("MANAGER");
        assertThat(mid.get("missing").toString()).isEqualTo("[\"MANAGER\"]");
        call(post("/api/concessions/" + midId + "/approve"), collector, null).andExpect(status().isForbidden());
        call(get("/api/concessions/" + midId), "other-" + token.toLowerCase(), null).andExpect(status().isNotFound());
        call(post("/api/concessions/" + midId + "/approve"), "boss", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("POSTED")).andExpect(jsonPath("$.closedBy").value("boss"))
                .andExpect(jsonPath("$.approvals[0].username").value("boss"))
                .andExpect(jsonPath("$.approvals[0].role").value("MANAGER")).andExpect(jsonPath("$.proposedBy").value(collector));
        call(post("/api/concessions/" + midId + "/approve"), "boss", null).andExpect(status().isConflict());

        String c2 = customer("B");
        String big = invoice(c2, "1", "300000.00");
        JsonNode top = propose(collector, """
                {"customerCode":"%s","kind":"WRITE_OFF_REMAINDER","invoiceNos":["%s"],"payBy":"2025-06-30","payAmount":"220000.00",
                 "reason":"和解：付22万其余核销"}""".formatted(c2, big), 201);
        long topId = top.get("id").asLong();
        assertThat(top.get("amount").decimalValue()).as("the remainder to write off").isEqualByComparingTo("80000.00");
        assertThat(top.get("authority").asString()).isEqualTo("MANAGER_AND_FINANCE");
        assertThat(top.get("missing").toString()).isEqualTo("[\"MANAGER\",\"FINANCE\"]");
        call(post("/api/concessions/" + topId + "/approve"), "admin", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_APPROVAL")).andExpect(jsonPath("$.missing[0]").value("FINANCE"));
        // the same person twice
        call(post("/api/concessions/" + topId + "/approve"), "admin", null).andExpect(status().isConflict());
        // the manager's part is given: another manager may not fill finance's
        call(post("/api/concessions/" + topId + "/approve"), "boss2", null).andExpect(status().isForbidden());
        call(post("/api/concessions/" + topId + "/approve"), "finance", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        assertThat(open(big)).as("nothing posted before the condition is met").isEqualByComparingTo("300000.00");

        JsonNode rejected = propose(collector, """
                {"customerCode":"%s","kind":"PENALTY_WAIVER","invoiceNos":["%s"],"amount":"3000.00","reason":"再免一次"}""".formatted(c, inv), 201);
        long rid = rejected.get("id").asLong();
        call(post("/api/concessions/" + rid + "/reject"), "boss", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(statusOf(rid)).isEqualTo("PENDING_APPROVAL");
        call(post("/api/concessions/" + rid + "/reject"), "boss", """
                {"reason":"已免过一次违约金"}""").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.closeNote").value("已免过一次违约金"));
        call(post("/api/concessions/" + rid + "/approve"), "boss", null).andExpect(status().isConflict());

        call(get("/api/concessions").param("status", "PENDING_APPROVAL"), collector, null).andExpect(status().isOk());
        call(get("/api/concessions").param("customer", c), collector, null).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(3));
        call(get("/api/concessions").param("customer", c), "other-" + token.toLowerCase(), null).andExpect(status().isNotFound());
        Concessions.CustomerSummary summary = CurrentUser.asSystem(() -> concessions.forCustomer(c));
        assertThat(summary.posted()).isEqualTo(2);
        assertThat(summary.postedAmount()).isEqualByComparingTo("5800.00");
        assertThat(summary.recent()).hasSize(3);
    }

    @Test
    void aManagerEditsTheLimitsAndBadLimitsAreRefused() throws Exception {
        call(get("/api/negotiation/authority"), collector, null).andExpect(status().isOk()).andExpect(jsonPath("$.collectorLimit").value(1000.00))
                .andExpect(jsonPath("$.managerLimit").value(50000.00));
        call(put("/api/negotiation/authority"), collector, """
                {"collectorLimit":"2000","managerLimit":"60000"}""").andExpect(status().isForbidden());
        call(put("/api/negotiation/authority"), "finance", """
                {"collectorLimit":"2000","managerLimit":"60000"}""").andExpect(status().isForbidden());
        call(put("/api/negotiation/authority"), "boss", """
                {"collectorLimit":"-1","managerLimit":"60000"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("collectorLimit"));
        call(put("/api/negotiation/authority"), "boss", """
                {"collectorLimit":"2000","managerLimit":"1500"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("managerLimit"));
        call(put("/api/negotiation/authority"), "boss", """
                {"collectorLimit":"2000.001","managerLimit":"60000"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("collectorLimit"));
        call(put("/api/negotiation/authority"), "boss", "{}").andExpect(status().isBadRequest());
        String c = customer("L");
        String inv = invoice(c, "1", "50000.00");
        try {
            call(put("/api/negotiation/authority"), "boss", """
                    {"collectorLimit":"6000","managerLimit":"60000"}""").andExpect(status().isOk()).andExpect(jsonPath("$.updatedBy").value("boss"));
            assertThat(propose(collector, waiver(c, inv, "5000.00"), 201).get("status").asString()).as("now within the collector's limit")
                    .isEqualTo("POSTED");
        } finally {
            call(put("/api/negotiation/authority"), "boss", """
                    {"collectorLimit":"1000","managerLimit":"50000"}""").andExpect(status().isOk());
        }
        assertThat(propose(collector, """
                {"customerCode":"%s","kind":"PENALTY_WAIVER","invoiceNos":["%s"],"amount":"5000.00","reason":"x"}""".formatted(c, inv), 201)
                .get("status").asString()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void aPromptPaymentDiscountIsCreditedOnlyWhenTheFullPaymentIsDatedByPayBy() throws Exception {
        String c = customer("D");
        String a = invoice(c, "A", "6000.00");
        String b = invoice(c, "B", "4000.00");
        JsonNode d = propose("boss", """
                {"customerCode":"%s","kind":"PROMPT_PAYMENT_DISCOUNT","invoiceNos":["%s","%s"],"percent":"5","payBy":"2025-06-30",
                 "reason":"6月30日前付清享受5%%折扣"}""".formatted(c, a, b), 201);
        long id = d.get("id").asLong();
        assertThat(d.get("amount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(d.get("status").asString()).as("within the manager's authority: waiting for the payment").isEqualTo("APPROVED");
        assertThat(d.get("invoices").get(0).get("share").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(d.get("invoices").get(1).get("share").decimalValue()).isEqualByComparingTo("200.00");

        clock.set(LocalDate.parse("2025-06-20"), LocalTime.of(9, 0));
        pay(c, c + "-P1", "2025-06-18", "5000.00", null);
        Thread.sleep(800);
        assertThat(statusOf(id)).as("not yet paid in full").isEqualTo("APPROVED");
        pay(c, c + "-P2", "2025-06-20", "4500.00", null);
        awaitStatus(id, "POSTED");
        JsonNode posted = concession(id);
        assertThat(posted.get("closedOn").asString()).as("dated the day the condition was met").isEqualTo("2025-06-20");
        assertThat(posted.get("postedAmount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(posted.get("closedBy").asString()).as("posted by the system when the payment arrived").isEqualTo("system");
        assertThat(open(a)).isEqualByComparingTo("0.00");
        assertThat(open(b)).as("the payment went to the oldest first; the credit note covers the rest").isEqualByComparingTo("0.00");
        List<Map<String, Object>> notes = creditNotes(b);
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("note_date").toString()).isEqualTo("2025-06-20");
        assertThat(posted.get("invoices").get(1).get("reference").asString()).isEqualTo(notes.get(0).get("credit_note_no"));
        runCompleted("2025-07-05");
        Thread.sleep(500);
        assertThat(creditNotes(a).size() + creditNotes(b).size()).as("posted once").isEqualTo(1);

        // paid in proportion: the credit note spreads over both invoices in exact cents
        String c2 = customer("E");
        String x = invoice(c2, "X", "3333.33");
        String y = invoice(c2, "Y", "6666.67");
        long id2 = propose("boss", """
                {"customerCode":"%s","kind":"PROMPT_PAYMENT_DISCOUNT","invoiceNos":["%s","%s"],"percent":"2.5","payBy":"2025-06-30","reason":"2.5%%"}"""
                .formatted(c2, x, y), 201).get("id").asLong();
        pay(c2, c2 + "-P", "2025-06-20", "9750.00", """
                [{"invoiceNo":"%s","amount":"3250.00"},{"invoiceNo":"%s","amount":"6500.00"}]""".formatted(x, y));
        awaitStatus(id2, "POSTED");
        assertThat(creditNotes(x).get(0).get("amount").toString()).isEqualTo("83.33");
        assertThat(creditNotes(y).get(0).get("amount").toString()).isEqualTo("166.67");
        assertThat(open(x)).isEqualByComparingTo("0.00");
        assertThat(open(y)).isEqualByComparingTo("0.00");
    }

    @Test
    void aLatePaymentNeverEarnsTheDiscountAndTheConcessionExpires() throws Exception {
        String c = customer("X");
        String a = invoice(c, "A", "10000.00");
        long id = propose(collector, """
                {"customerCode":"%s","kind":"PROMPT_PAYMENT_DISCOUNT","invoiceNos":["%s"],"amount":"200.00","payBy":"2025-06-30","reason":"早付优惠"}"""
                .formatted(c, a), 201).get("id").asLong();
        assertThat(statusOf(id)).isEqualTo("APPROVED");
        // entered on 2025-06-20 but dated after payBy: it never qualifies
        clock.set(LocalDate.parse("2025-06-20"), LocalTime.of(9, 0));
        pay(c, c + "-P1", "2025-07-01", "9800.00", null);
        Thread.sleep(800);
        assertThat(statusOf(id)).isEqualTo("APPROVED");
        runCompleted("2025-06-30");
        Thread.sleep(800);
        assertThat(statusOf(id)).as("payBy is not yet past on the 30th").isEqualTo("APPROVED");
        clock.set(LocalDate.parse("2025-07-01"), LocalTime.of(9, 0));
        runCompleted("2025-07-01");
        awaitStatus(id, "EXPIRED");
        assertThat(creditNotes(a)).isEmpty();
        assertThat(open(a)).isEqualByComparingTo("200.00");
        JsonNode e = concession(id);
        assertThat(e.get("closedOn").asString()).isEqualTo("2025-07-01");
        assertThat(e.get("postedAmount").isNull()).isTrue();
        call(post("/api/concessions/" + id + "/cancel"), collector, "{}").andExpect(status().isConflict());
    }

    @Test
    void aRemainderIsWrittenOffWhenTheAgreedAmountIsPaidInTime() throws Exception {
        String c = customer("W");
        String a = invoice(c, "A", "10000.00");
        JsonNode w = propose("boss", """
                {"customerCode":"%s","kind":"WRITE_OFF_REMAINDER","invoiceNos":["%s"],"payBy":"2025-06-30","payAmount":"6000.00",
                 "reason":"和解：付六千其余核销","activityId":42}""".formatted(c, a), 201);
        long id = w.get("id").asLong();
        assertThat(w.get("amount").decimalValue()).isEqualByComparingTo("4000.00");
        assertThat(w.get("status").asString()).isEqualTo("APPROVED");
        assertThat(w.get("activityId").asLong()).isEqualTo(42);
        clock.set(LocalDate.parse("2025-06-26"), LocalTime.of(9, 0));
        pay(c, c + "-P1", "2025-06-25", "5999.99", null);
        Thread.sleep(800);
        assertThat(statusOf(id)).as("one cent short").isEqualTo("APPROVED");
        pay(c, c + "-P2", "2025-06-26", "0.01", null);
        awaitStatus(id, "POSTED");
        assertThat(open(a)).isEqualByComparingTo("0.00");
        List<Map<String, Object>> offs = jdbc.sql("""
                SELECT w.id, w.write_off_date, w.amount FROM write_off w JOIN invoice i ON i.id = w.invoice_id WHERE i.invoice_no = ?""")
                .param(a).query().listOfRows();
        assertThat(offs).hasSize(1);
        assertThat(offs.get(0).get("write_off_date").toString()).isEqualTo("2025-06-26");
        assertThat(new BigDecimal(offs.get(0).get("amount").toString())).isEqualByComparingTo("4000.00");
        assertThat(concession(id).get("invoices").get(0).get("reference").asString()).isEqualTo(offs.get(0).get("id").toString());

        // an unconditional write-off within the manager's authority is posted at approval
        String c2 = customer("V");
        String v = invoice(c2, "A", "2500.00");
        pay(c2, c2 + "-P", "2025-06-26", "2000.00", null);
        JsonNode u = propose(collector, """
                {"customerCode":"%s","kind":"WRITE_OFF_REMAINDER","invoiceNos":["%s"],"reason":"尾差核销"}""".formatted(c2, v), 201);
        assertThat(u.get("amount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(u.get("status").asString()).isEqualTo("POSTED");
        assertThat(open(v)).isEqualByComparingTo("0.00");
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        String c = customer("Z");
        String a = invoice(c, "A", "1000.00");
        String other = customer("Y");
        String o = invoice(other, "A", "500.00");
        propose("boss", "{}", 400);
        call(post("/api/concessions"), "boss", """
                {"customerCode":"%s","kind":"GIFT","invoiceNos":["%s"],"amount":"10","reason":"x"}""".formatted(c, a))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        call(post("/api/concessions"), "boss", """
                {"customerCode":"%s","kind":"INTEREST_WAIVER","invoiceNos":["%s","%s"],"amount":"10","reason":"x"}""".formatted(c, a, o))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("invoiceNos[1]"));
        call(post("/api/concessions"), "boss", """
                {"customerCode":"%s","kind":"PROMPT_PAYMENT_DISCOUNT","invoiceNos":["%s"],"percent":"150","payBy":"2025-06-30","reason":"x"}"""
                .formatted(c, a)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("percent"));
        call(post("/api/concessions"), "boss", """
                {"customerCode":"%s","kind":"PROMPT_PAYMENT_DISCOUNT","invoiceNos":["%s"],"percent":"5","reason":"x"}"""
                .formatted(c, a)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("payBy"));
        call(post("/api/concessions"), "boss", """
                {"customerCode":"%s","kind":"PROMPT_PAYMENT_DISCOUNT","invoiceNos":["%s"],"percent":"5","amount":"10","payBy":"2025-06-30","reason":"x"}"""
                .formatted(c, a)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
        call(post("/api/concessions"), "boss", """
                {"customerCode":"%s","kind":"PROMPT_PAYMENT_DISCOUNT","invoiceNos":["%s"],"amount":"1000.00","payBy":"2025-06-30","reason":"x"}"""
                .formatted(c, a)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.errors[0].code").value("concession.belowOpen"));
        call(post("/api/concessions"), "boss", """
                {"customerCode":"%s","kind":"PROMPT_PAYMENT_DISCOUNT","invoiceNos":["%s"],"amount":"10","payBy":"2025-06-09","reason":"x"}"""
                .formatted(c, a)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("payBy"));
        call(post("/api/concessions"), "boss", """
                {"customerCode":"%s","kind":"WRITE_OFF_REMAINDER","invoiceNos":["%s"],"payAmount":"100","reason":"x"}"""
                .formatted(c, a)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("payBy"));
        call(post("/api/concessions"), "boss", """
                {"customerCode":"%s","kind":"WRITE_OFF_REMAINDER","invoiceNos":["%s"],"amount":"100","reason":"x"}"""
                .formatted(c, a)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
        call(post("/api/concessions"), "boss", """
                {"customerCode":"%s","kind":"INTEREST_WAIVER","invoiceNos":["%s"],"amount":"10.001"}"""
                .formatted(c, a)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[?(@.field == 'amount')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'reason')]").exists());
        call(post("/api/concessions"), "boss", """
                {"customerCode":"%s","kind":"INTEREST_WAIVER","invoiceNos":["%s"],"amount":"10","payBy":"2025-13-01","reason":"x"}"""
                .formatted(c, a)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("payBy"));
        call(post("/api/concessions"), "other-" + token.toLowerCase(), waiver(c, a, "10")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customerCode"));
        call(post("/api/concessions"), "legal-" + token.toLowerCase(), waiver(c, a, "10")).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM concession k JOIN customer c ON c.id = k.customer_id WHERE c.code = ?").param(c)
                .query(Long.class).single()).as("nothing written").isZero();

        long id = propose(collector, waiver(c, a, "5000.00").replace("INTEREST_WAIVER", "PENALTY_WAIVER"), 201).get("id").asLong();
        call(post("/api/concessions"), "boss", waiver(c, a, "10").replace("INTEREST_WAIVER", "PENALTY_WAIVER"))
                .andExpect(status().isConflict());
        propose("boss", waiver(c, a, "10"), 201);
        call(post("/api/concessions/" + id + "/cancel"), "other-" + token.toLowerCase(), "{}").andExpect(status().isNotFound());
        call(post("/api/concessions/" + id + "/cancel"), collector, """
                {"reason":"客户撤回"}""").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        propose("boss", waiver(c, a, "10").replace("INTEREST_WAIVER", "PENALTY_WAIVER"), 201);
        call(get("/api/concessions").param("status", "FROZEN"), "boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        call(get("/api/concessions/999999999"), "boss", null).andExpect(status().isNotFound());
    }

    String html(MockHttpServletRequestBuilder req, String user) throws Exception {
        return mvc.perform(req.accept(org.springframework.http.MediaType.TEXT_HTML)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(user, user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    ResultActions form(MockHttpServletRequestBuilder req, String user) throws Exception {
        return mvc.perform(req.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(user, user)));
    }

    @Test
    void theCollectorProposesOnTheFormAndTheManagerApprovesFromTheQueue() throws Exception {
        String c = customer("P");
        String a = invoice(c, "A", "8000.00");
        String page = html(get("/concessions/new").param("customer", c), collector);
        assertThat(page).contains("id=\"concession-form\"").contains(a).contains("付款后优惠").contains("核销余额");
        // a bad percent: the form comes back with the field marked and nothing is written
        String bad = form(post("/concessions").param("customerCode", c).param("kind", "PROMPT_PAYMENT_DISCOUNT").param("invoiceNos", a)
                .param("percent", "120").param("payBy", "2025-06-30").param("reason", "早付优惠"), collector)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bad).contains("须大于 0 且小于 100").contains("value=\"120\"");
        assertThat(jdbc.sql("SELECT count(*) FROM concession k JOIN customer c ON c.id = k.customer_id WHERE c.code = ?").param(c)
                .query(Long.class).single()).isZero();
        String location = form(post("/concessions").param("customerCode", c).param("kind", "PENALTY_WAIVER").param("invoiceNos", a)
                .param("amount", "2,000.00").param("reason", "质量问题，免除违约金"), collector)
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(statusOf(id)).isEqualTo("PENDING_APPROVAL");

        String mine = html(get("/concessions/" + id), collector);
        assertThat(mine).contains("待审批").contains("质量问题，免除违约金").doesNotContain("id=\"concession-approve\"").contains("concession-cancel");
        String queue = html(get("/concessions"), "boss");
        assertThat(queue).contains("id=\"nav-concessions\"").contains("concessions-awaiting-table").contains("/concessions/" + id + "\"");
        assertThat(html(get("/concessions"), collector)).contains("concessions-awaiting-empty").contains(c);
        assertThat(html(get("/concessions"), "other-" + token.toLowerCase())).doesNotContain(c);
        assertThat(html(get("/concessions/" + id), "boss")).contains("id=\"concession-approve\"");
        form(post("/concessions/" + id + "/approve"), "boss").andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/concessions/" + id));
        assertThat(statusOf(id)).isEqualTo("POSTED");
        String done = html(get("/concessions/" + id), "boss");
        assertThat(done).contains("已入账").contains("boss").doesNotContain("id=\"concession-approve\"");
        assertThat(html(get("/concessions").param("lang", "en"), "boss")).contains("Concessions").contains("Waiver of penalty");
        assertThat(html(get("/concessions").param("customer", "NOPE-" + token), "boss")).contains("concessions-empty").contains("flash bad");
        String panel = html(get("/customers/" + c + "/concessions"), collector);
        assertThat(panel).contains("待审批 0 项，已批准待条件 0 项，已入账 1 项（2,000.00）").contains("免除违约金").contains("concession-panel-new");
        mvc.perform(get("/customers/" + c + "/concessions").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic("other-" + token.toLowerCase(), "other-" + token.toLowerCase()))).andExpect(status().isNotFound());
    }

    @Test
    void aManagerEditsTheAuthorityOnItsPageAndOthersOnlyReadIt() throws Exception {
        String view = html(get("/negotiation/authority"), collector);
        assertThat(view).contains("1,000.00").contains("50,000.00").doesNotContain("authority-form");
        String edit = html(get("/negotiation/authority"), "boss");
        assertThat(edit).contains("id=\"authority-form\"").contains("id=\"nav-authority\"");
        String bad = form(post("/negotiation/authority").param("collectorLimit", "3000").param("managerLimit", "2000"), "boss")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bad).contains("不得低于催收员权限 3000");
        form(post("/negotiation/authority").param("collectorLimit", "3000").param("managerLimit", "90000"), collector)
                .andExpect(status().isForbidden());
        assertThat(html(get("/negotiation/authority"), "finance")).contains("1,000.00");
    }
}
