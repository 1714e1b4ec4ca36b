package io.huikuan.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Promises to pay through the API, settled by the evaluation from payments (grace 3 days): kept on the last
 * grace day, kept early, partly kept, broken one day after the grace period, a payment before the promise not
 * counting, overlapping promises, idempotent evaluation with one escalation task and one event, the keeping
 * rate, bad input named and the collectors' scope. Each test has its own collector and customers. H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
abstract class PromiseBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    String collector;
    String customer;
    String token;

    @BeforeEach
    void setUp() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "manager", Role.MANAGER);
        token = UUID.randomUUID().toString().substring(0, 8);
        collector = "pc-" + token;
        customer = "PR-" + token;
        Api.user(users, collector, Role.COLLECTOR);
        customer(customer, collector);
        invoice("I1-" + customer, customer, "2026-03-01", "2026-03-31", "5000.00");
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    JsonNode customer(String code, String owner) throws Exception {
        return Api.json(call(post("/api/customers"), "admin", """
                {"code":"%s","name":"承诺客户 %s","owner":"%s","grade":"D","contacts":[{"name":"王会计","role":"FINANCE"}]}"""
                .formatted(code, code, owner)).andExpect(status().isCreated()));
    }

    void invoice(String no, String code, String issue, String due, String amount) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(no, code, issue, due, amount)).andExpect(status().isCreated());
    }

    void pay(String date, String amount) throws Exception {
        String ref = "PP-" + UUID.randomUUID().toString().substring(0, 12);
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s","customerCode":"%s","paymentDate":"%s","amount":%s,"allocations":[{"invoiceNo":"%s","amount":%s}]}"""
                .formatted(ref, customer, date, amount, "I1-" + customer, amount)).andExpect(status().isCreated());
    }

    long promise(String amount, String madeOn, String promisedDate) throws Exception {
        JsonNode p = Api.json(call(post("/api/promises"), collector, """
                {"customerCode":"%s","channel":"phone","amount":%s,"madeOn":"%s","promisedDate":"%s","notes":"月底前付"}"""
                .formatted(customer, amount, madeOn, promisedDate)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN")).andExpect(jsonPath("$.customerCode").value(customer))
                .andExpect(jsonPath("$.createdBy").value(collector)));
        return p.get("id").asLong();
    }

    JsonNode evaluate(String asOf) throws Exception {
        return Api.json(call(post("/api/promises/evaluate?asOf=" + asOf), "manager", null).andExpect(status().isOk()));
    }

    JsonNode promise(long id) throws Exception {
        return Api.json(call(get("/api/promises/" + id), collector, null).andExpect(status().isOk()));
    }

    void assertPromise(long id, String status, String paid, String settledOn) throws Exception {
        JsonNode p = promise(id);
        assertThat(p.get("status").asString()).as("status").isEqualTo(status);
        assertThat(p.get("paidAmount").decimalValue()).as("paid").isEqualByComparingTo(paid);
        assertThat(p.get("settledOn").isNull() ? null : p.get("settledOn").asString()).as("settled on").isEqualTo(settledOn);
    }

    List<Map<String, Object>> tasks(long promiseId) {
        return jdbc.sql("SELECT * FROM collection_task WHERE task_key = ?").param("P:" + promiseId).query().listOfRows();
    }

    List<PromiseBroken> broken(long promiseId) {
        return events.stream(PromiseBroken.class).filter(e -> e.promiseId() == promiseId).toList();
    }

    @Test
    void aPaymentOnTheLastGraceDayKeepsThePromise() throws Exception {
        long id = promise("1000.00", "2026-05-01", "2026-05-10");
        pay("2026-05-13", "1000.00");
        evaluate("2026-05-12");
        assertPromise(id, "OPEN", "0", null);
        evaluate("2026-05-14");
        assertPromise(id, "KEPT", "1000.00", "2026-05-13");
        assertThat(tasks(id)).isEmpty();
        assertThat(broken(id)).isEmpty();
    }

    @Test
    void aPromiseIsKeptAsSoonAsThePaymentsReachItsAmountEvenBeforeItsDate() throws Exception {
        long id = promise("1000.00", "2026-05-01", "2026-05-10");
        pay("2026-05-03", "600.00");
        evaluate("2026-05-04");
        assertPromise(id, "OPEN", "600.00", null);
        pay("2026-05-05", "400.00");
        evaluate("2026-05-06");
        assertPromise(id, "KEPT", "1000.00", "2026-05-05");
    }

    @Test
    void aPartPaymentByTheDeadlineMakesItPartlyKeptAndEscalates() throws Exception {
        long id = promise("1000.00", "2026-05-01", "2026-05-10");
        pay("2026-05-11", "400.00");
        evaluate("2026-05-14");
        assertPromise(id, "PARTLY_KEPT", "400.00", "2026-05-13");
        assertThat(broken(id)).containsExactly(new PromiseBroken(customer, id, new BigDecimal("1000.00"), new BigDecimal("400.00"),
                java.time.LocalDate.parse("2026-05-10"), PromiseStatus.PARTLY_KEPT));
        List<Map<String, Object>> tasks = tasks(id);
        assertThat(tasks).hasSize(1);
        Map<String, Object> task = tasks.get(0);
        assertThat(task.get("kind")).isEqualTo("PROMISE_BROKEN");
        assertThat(task.get("channel")).isEqualTo("PHONE");
        assertThat(task.get("tone")).isEqualTo("FIRM");
        assertThat(task.get("owner_role")).isEqualTo("COLLECTOR");
        assertThat(task.get("assignee")).isEqualTo(collector);
        assertThat(task.get("status")).isEqualTo("OPEN");
        assertThat(task.get("due_date").toString()).isEqualTo("2026-05-14");
        // overdue as of 05-14: 5000 − 400 = 4600, due 03-31 → 44 days; grade D risk 1.30; broken promise × 2.5
        assertThat((BigDecimal) task.get("overdue_amount")).isEqualByComparingTo("4600.00");
        assertThat(((Number) task.get("days_overdue")).intValue()).isEqualTo(44);
        assertThat((BigDecimal) task.get("risk_factor")).isEqualByComparingTo("1.30");
        assertThat((BigDecimal) task.get("priority")).isEqualByComparingTo(Priority.score(new BigDecimal("4600.00"), new BigDecimal("1.30"), 44,
                new BigDecimal("2.5")));
        assertThat((String) task.get("reason")).contains("broken promise × 2.5");
    }

    @Test
    void withoutPaymentItIsBrokenOneDayAfterTheGracePeriodAndLaterPaymentsDoNotHelp() throws Exception {
        long id = promise("1000.00", "2026-05-01", "2026-05-10");
        evaluate("2026-05-13");
        assertPromise(id, "OPEN", "0", null);
        assertThat(tasks(id)).isEmpty();
        pay("2026-05-14", "1000.00");
        evaluate("2026-05-14");
        assertPromise(id, "BROKEN", "0", "2026-05-13");
        assertThat(broken(id)).singleElement().extracting(PromiseBroken::status).isEqualTo(PromiseStatus.BROKEN);
        assertThat(tasks(id)).singleElement().satisfies(t -> assertThat(t.get("channel")).isEqualTo("PHONE"));
    }

    @Test
    void aPaymentMadeBeforeThePromiseDoesNotKeepIt() throws Exception {
        pay("2026-04-30", "1000.00");
        long id = promise("1000.00", "2026-05-01", "2026-05-10");
        evaluate("2026-05-20");
        assertPromise(id, "BROKEN", "0", "2026-05-13");
    }

    @Test
    void evaluatingTwiceChangesNothingTheSecondTimeAndARepeatedBreachGoesToTheManager() throws Exception {
        long first = promise("1000.00", "2026-05-01", "2026-05-10");
        JsonNode once = evaluate("2026-05-20");
        assertThat(once.get("broken").asInt()).isPositive();
        JsonNode twice = evaluate("2026-05-20");
        assertThat(twice.get("kept").asInt() + twice.get("partlyKept").asInt() + twice.get("broken").asInt()).isZero();
        assertPromise(first, "BROKEN", "0", "2026-05-13");
        assertThat(tasks(first)).hasSize(1);
        assertThat(broken(first)).hasSize(1);

        long second = promise("800.00", "2026-05-21", "2026-05-25");
        evaluate("2026-06-30");
        evaluate("2026-06-30");
        assertPromise(second, "BROKEN", "0", "2026-05-28");
        assertThat(tasks(second)).singleElement().satisfies(t -> {
            assertThat(t.get("channel")).isEqualTo("MANAGER_CALL");
            assertThat(t.get("owner_role")).isEqualTo("MANAGER");
            assertThat(t.get("assignee")).isNull();
        });
        assertThat(broken(second)).hasSize(1);
    }

    @Test
    void overlappingPromisesTakeThePaymentsEarliestPromiseFirst() throws Exception {
        long early = promise("500.00", "2026-05-01", "2026-05-10");
        long late = promise("500.00", "2026-05-05", "2026-05-20");
        pay("2026-05-08", "700.00");
        evaluate("2026-05-09");
        assertPromise(early, "KEPT", "500.00", "2026-05-08");
        assertPromise(late, "OPEN", "200.00", null);
        pay("2026-05-22", "300.00");
        evaluate("2026-05-23");
        assertPromise(late, "KEPT", "500.00", "2026-05-22");
    }

    @Test
    void theKeepingRateCountsAPartlyKeptPromiseAsThePaidShare() throws Exception {
        call(get("/api/customers/" + customer + "/promise-keeping"), collector, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.rate").isEmpty());
        long kept = promise("100.00", "2026-04-01", "2026-04-05");
        pay("2026-04-02", "100.00");
        long partly = promise("1000.00", "2026-04-10", "2026-04-15");
        pay("2026-04-16", "400.00");
        long broken = promise("300.00", "2026-04-20", "2026-04-25");
        long open = promise("300.00", "2026-06-28", "2026-07-05");
        evaluate("2026-06-30");
        assertPromise(kept, "KEPT", "100.00", "2026-04-02");
        assertPromise(partly, "PARTLY_KEPT", "400.00", "2026-04-18");
        assertPromise(broken, "BROKEN", "0", "2026-04-28");
        assertPromise(open, "OPEN", "0", null);
        // (1 + 400/1000 + 0) ÷ 3 × 100 = 46.67
        call(get("/api/customers/" + customer + "/promise-keeping"), collector, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.kept").value(1)).andExpect(jsonPath("$.partlyKept").value(1)).andExpect(jsonPath("$.broken").value(1))
                .andExpect(jsonPath("$.rate").value(46.67));
        assertThat(customerId()).satisfies(cid -> assertThat(new BigDecimal(String.valueOf(
                jdbc.sql("SELECT keeping_rate FROM (" + Promises.KEEPING_RATES_SQL + ") k WHERE customer_id = ?").param(cid).query().singleValue())))
                .isEqualByComparingTo("46.67"));

        call(get("/api/promises?status=Partly_Kept&customer=" + customer), collector, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(partly));
        call(get("/api/promises?customer=" + customer), collector, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4)).andExpect(jsonPath("$.items[0].id").value(open));
        call(get("/api/promises?status=open"), collector, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
    }

    long customerId() {
        return jdbc.sql("SELECT id FROM customer WHERE code = ?").param(customer).query(Long.class).single();
    }

    @Test
    void badInputIsNamed() throws Exception {
        String body = """
                {"customerCode":"%s","amount":%s,"madeOn":"%s","promisedDate":"%s"%s}""";
        call(post("/api/promises"), collector, body.formatted(customer, "0", "2026-06-01", "2026-06-10", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
        call(post("/api/promises"), collector, body.formatted(customer, "-5", "2026-06-01", "2026-06-10", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
        call(post("/api/promises"), collector, body.formatted(customer, "10.005", "2026-06-01", "2026-06-10", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
        call(post("/api/promises"), collector, body.formatted(customer, "100", "2026-06-10", "2026-06-09", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("promisedDate"));
        call(post("/api/promises"), collector, body.formatted(customer, "100", "2026-07-01", "2026-07-09", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("madeOn"));
        call(post("/api/promises"), collector, body.formatted("NO-SUCH-" + token, "100", "2026-06-01", "2026-06-10", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("customerCode"));
        call(post("/api/promises"), collector, body.formatted(customer, "100", "2026-06-01", "2026-06-10", ",\"channel\":\"pigeon\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channel"));
        String other = "PO-" + token;
        long foreignContact = customer(other, "manager").get("contacts").get(0).get("id").asLong();
        call(post("/api/promises"), collector, body.formatted(customer, "100", "2026-06-01", "2026-06-10", ",\"contactId\":" + foreignContact))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("contactId"));
        long ownContact = Api.json(call(get("/api/customers/" + customer), collector, null)).get("contacts").get(0).get("id").asLong();
        call(post("/api/promises"), collector, body.formatted(customer, "100", "2026-06-01", "2026-06-10", ",\"contactId\":" + ownContact))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.contactId").value(ownContact))
                .andExpect(jsonPath("$.amount").value(100.00)).andExpect(jsonPath("$.currency").value("CNY"));
        call(get("/api/promises?status=pending"), collector, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        call(post("/api/promises/evaluate?asOf=2026-13-01"), "manager", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        call(post("/api/promises/evaluate?asOf=2026-06-01"), collector, null).andExpect(status().isForbidden());
        call(post("/api/promises/evaluate?asOf=2026-07-01"), "manager", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void collectorsRecordAndSeePromisesOfTheirOwnCustomersOnly() throws Exception {
        long id = promise("250.00", "2026-06-01", "2026-06-20");
        String stranger = "pc-x" + token;
        Api.user(users, stranger, Role.COLLECTOR);
        call(post("/api/promises"), stranger, """
                {"customerCode":"%s","amount":100,"promisedDate":"2026-07-10"}""".formatted(customer)).andExpect(status().isNotFound());
        call(get("/api/promises/" + id), stranger, null).andExpect(status().isNotFound());
        call(get("/api/promises?customer=" + customer), stranger, null).andExpect(status().isNotFound());
        call(get("/api/customers/" + customer + "/promise-keeping"), stranger, null).andExpect(status().isNotFound());
        call(get("/api/promises"), stranger, null).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        call(get("/api/promises?customer=" + customer), "manager", null).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        // madeOn defaults to today
        call(post("/api/promises"), collector, """
                {"customerCode":"%s","amount":100,"promisedDate":"2026-07-10"}""".formatted(customer)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.madeOn").value("2026-06-30"));
    }
}
