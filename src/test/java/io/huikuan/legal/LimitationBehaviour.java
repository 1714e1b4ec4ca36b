package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The limitation clock through the API on a table of cases (due date only, a delivered demand, an
 * acknowledgement after the period had run, a part payment, an event before the due date, Feb 29, proceedings
 * filed then ended), as-of behaviour, the contract's shape, bad input and roles. Each test has its own customer.
 * H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class LimitationBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    String collector;
    String customer;

    @BeforeEach
    void setUp() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "legal", Role.LEGAL);
        String token = UUID.randomUUID().toString().substring(0, 8);
        collector = "lc-" + token;
        customer = "LM-" + token;
        Api.user(users, collector, Role.COLLECTOR);
        customer(customer, collector);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    void customer(String code, String owner) throws Exception {
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"时效客户 %s","owner":"%s","grade":"C"}""".formatted(code, code, owner)).andExpect(status().isCreated());
    }

    String invoice(String suffix, String issue, String due, String amount) throws Exception {
        String no = customer + "-" + suffix;
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(no, customer, issue, due, amount)).andExpect(status().isCreated());
        return no;
    }

    String pay(String invoiceNo, String date, String amount) throws Exception {
        String ref = "LP-" + UUID.randomUUID().toString().substring(0, 12);
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s","customerCode":"%s","paymentDate":"%s","amount":%s,"allocations":[{"invoiceNo":"%s","amount":%s}]}"""
                .formatted(ref, customer, date, amount, invoiceNo, amount)).andExpect(status().isCreated());
        return ref;
    }

    JsonNode event(String invoiceNo, String date, String kind, String evidence) throws Exception {
        return Api.json(call(post("/api/limitation-events"), "legal", """
                {"customerCode":"%s","invoiceNos":["%s"],"date":"%s","kind":"%s","evidence":"%s"}"""
                .formatted(customer, invoiceNo, date, kind, evidence)).andExpect(status().isCreated()));
    }

    JsonNode clock(String asOf) throws Exception {
        return Api.json(call(get("/api/limitation?customer=" + customer + "&asOf=" + asOf), "legal", null).andExpect(status().isOk()));
    }

    /** The only item of the customer's clock list as of the date. */
    JsonNode only(String asOf) throws Exception {
        JsonNode body = clock(asOf);
        assertThat(body.get("total").asLong()).as("total").isEqualTo(1);
        return body.get("items").get(0);
    }

    static void assertClock(JsonNode item, String runsFrom, String expiresOn, long daysLeft, String status) {
        assertThat(item.get("runsFrom").asString()).as("runsFrom").isEqualTo(runsFrom);
        assertThat(item.get("expiresOn").asString()).as("expiresOn").isEqualTo(expiresOn);
        assertThat(item.get("daysLeft").asLong()).as("daysLeft").isEqualTo(daysLeft);
        assertThat(item.get("status").asString()).as("status").isEqualTo(status);
    }

    @Test
    void dueDateOnlyRunsThreeYearsFromTheDueDateAndWarnsWithin180Days() throws Exception {
        String no = invoice("1", "2023-02-01", "2023-03-10", "8000.00");
        JsonNode item = only("2026-01-05");
        assertClock(item, "2023-03-10", "2026-03-10", 64, "EXPIRING");
        assertThat(item.get("invoiceNo").asString()).isEqualTo(no);
        assertThat(item.get("customerCode").asString()).isEqualTo(customer);
        assertThat(item.get("openAmount").decimalValue()).isEqualByComparingTo("8000.00");
        assertThat(item.get("lastEvent").isNull()).as("no interruption yet").isTrue();
        assertClock(only("2025-09-10"), "2023-03-10", "2026-03-10", 181, "RUNNING");
        assertClock(only("2026-03-10"), "2023-03-10", "2026-03-10", 0, "EXPIRING");
        assertClock(only("2026-03-11"), "2023-03-10", "2026-03-10", -1, "EXPIRED");
    }

    @Test
    void aDeliveredDemandRestartsTheClockFromItsDate() throws Exception {
        String no = invoice("1", "2023-02-01", "2023-03-10", "8000.00");
        JsonNode e = event(no, "2024-05-20", "DEMAND_DELIVERED", "催款函 DL-7 顺丰 SF123 签收");
        assertThat(e.get("counts").asBoolean()).isTrue();
        assertThat(e.get("invoiceNos").get(0).asString()).isEqualTo(no);
        JsonNode item = only("2026-01-05");
        assertClock(item, "2024-05-20", "2027-05-20", 500, "RUNNING");
        assertThat(item.get("lastEvent").get("date").asString()).isEqualTo("2024-05-20");
        assertThat(item.get("lastEvent").get("kind").asString()).isEqualTo("DEMAND_DELIVERED");
        assertThat(item.get("lastEvent").get("evidence").asString()).isEqualTo("催款函 DL-7 顺丰 SF123 签收");
    }

    @Test
    void anEventDatedAfterAsOfIsIgnored() throws Exception {
        String no = invoice("1", "2023-02-01", "2023-03-10", "8000.00");
        event(no, "2025-05-01", "DEMAND_DELIVERED", "e-mail of 2025-05-01");
        JsonNode before = only("2025-04-30");
        assertClock(before, "2023-03-10", "2026-03-10", 314, "RUNNING");
        assertThat(before.get("lastEvent").isNull()).isTrue();
        assertClock(only("2025-05-01"), "2025-05-01", "2028-05-01", 1096, "RUNNING");
    }

    @Test
    void aDemandAfterExpiryDoesNotCountButAnAcknowledgementDoes() throws Exception {
        String no = invoice("1", "2019-12-01", "2020-01-15", "3000.00");
        assertClock(only("2023-06-01"), "2020-01-15", "2023-01-15", -137, "EXPIRED");
        JsonNode demand = event(no, "2023-06-01", "DEMAND_DELIVERED", "demand letter after expiry");
        assertThat(demand.get("counts").asBoolean()).isFalse();
        assertThat(demand.get("note").asString()).contains("after the period had run").contains(no);
        assertClock(only("2023-07-01"), "2020-01-15", "2023-01-15", -167, "EXPIRED");
        JsonNode ack = event(no, "2024-02-01", "ACKNOWLEDGED", "signed balance confirmation BC-9");
        assertThat(ack.get("counts").asBoolean()).isTrue();
        assertThat(ack.get("note").asString()).contains("acknowledged after the period had run (SPC art. 19)");
        JsonNode item = only("2024-03-01");
        assertClock(item, "2024-02-01", "2027-02-01", 1067, "RUNNING");
        assertThat(item.get("lastEvent").get("kind").asString()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void aPartPaymentAcknowledgesTheInvoice() throws Exception {
        String no = invoice("1", "2023-02-01", "2023-03-10", "5000.00");
        String ref = pay(no, "2024-08-08", "1000.00");
        JsonNode item = only("2025-01-01");
        assertClock(item, "2024-08-08", "2027-08-08", 949, "RUNNING");
        assertThat(item.get("openAmount").decimalValue()).isEqualByComparingTo("4000.00");
        assertThat(item.get("lastEvent").get("kind").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(item.get("lastEvent").get("evidence").asString()).isEqualTo("part payment " + ref + " of 2024-08-08");
        assertClock(only("2024-08-07"), "2023-03-10", "2026-03-10", 580, "RUNNING");
    }

    @Test
    void anEventBeforeTheDueDateChangesNothing() throws Exception {
        String no = invoice("1", "2024-05-01", "2024-06-30", "5000.00");
        event(no, "2024-06-01", "DEMAND_DELIVERED", "early reminder");
        pay(no, "2024-06-10", "100.00");
        assertClock(only("2024-07-01"), "2024-06-30", "2027-06-30", 1094, "RUNNING");
    }

    @Test
    void aPeriodFromFebruary29EndsOnFebruary28() throws Exception {
        String no = invoice("1", "2024-01-01", "2024-01-31", "5000.00");
        event(no, "2024-02-29", "ACKNOWLEDGED", "repayment plan signed");
        assertClock(only("2024-03-01"), "2024-02-29", "2027-02-28", 1094, "RUNNING");
    }

    @Test
    void proceedingsStopTheClockUntilTheyEnd() throws Exception {
        String no = invoice("1", "2023-01-01", "2023-01-31", "5000.00");
        event(no, "2024-03-01", "PROCEEDINGS_FILED", "(2024)沪0101民初123号 立案");
        JsonNode during = only("2024-06-01");
        assertThat(during.get("status").asString()).isEqualTo("IN_PROCEEDINGS");
        assertThat(during.get("lastEvent").get("kind").asString()).isEqualTo("PROCEEDINGS_FILED");
        event(no, "2025-01-10", "PROCEEDINGS_ENDED", "mediation 调解书 effective");
        assertClock(only("2025-02-01"), "2025-01-10", "2028-01-10", 1073, "RUNNING");
        assertThat(only("2025-01-09").get("status").asString()).isEqualTo("IN_PROCEEDINGS");
    }

    @Test
    void listsOrderByExpiryThenInvoiceAndFilterByStatus() throws Exception {
        String late = invoice("C", "2024-01-01", "2024-06-30", "300.00");
        String early = invoice("B", "2022-01-01", "2022-03-31", "200.00");
        String paid = invoice("A", "2022-01-01", "2022-03-31", "100.00");
        pay(paid, "2022-05-01", "100.00");
        String same = invoice("A2", "2022-01-01", "2022-03-31", "150.00");
        JsonNode all = clock("2025-01-01");
        assertThat(all.get("total").asLong()).isEqualTo(3);
        List<String> order = new ArrayList<>();
        all.get("items").forEach(i -> order.add(i.get("invoiceNo").asString()));
        assertThat(order).containsExactly(same, early, late);
        JsonNode expiring = Api.json(call(get("/api/limitation?customer=" + customer + "&asOf=2025-01-01&status=EXPIRING&size=1&page=1"), "legal",
                null).andExpect(status().isOk()));
        assertThat(expiring.get("total").asLong()).isEqualTo(2);
        assertThat(expiring.get("items").get(0).get("invoiceNo").asString()).isEqualTo(early);
        JsonNode expired = Api.json(call(get("/api/limitation?customer=" + customer + "&asOf=2025-04-01&status=expired"), "legal", null)
                .andExpect(status().isOk()));
        assertThat(expired.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void theContractHasExactlyItsFields() throws Exception {
        String no = invoice("1", "2023-02-01", "2023-03-10", "8000.00");
        event(no, "2024-05-20", "DEMAND_DELIVERED", "e-mail");
        JsonNode body = clock("2025-01-01");
        assertThat(body.has("items")).isTrue();
        assertThat(body.has("total")).isTrue();
        JsonNode item = body.get("items").get(0);
        for (String field : List.of("invoiceNo", "customerCode", "openAmount", "runsFrom", "expiresOn", "daysLeft", "status", "lastEvent")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
        assertThat(item.get("openAmount").isNumber()).isTrue();
        assertThat(item.get("daysLeft").isIntegralNumber()).isTrue();
        List<String> last = new ArrayList<>();
        item.get("lastEvent").propertyNames().forEach(last::add);
        assertThat(last).containsExactlyInAnyOrder("date", "kind", "evidence");
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        String no = invoice("1", "2023-02-01", "2023-03-10", "8000.00");
        call(get("/api/limitation?asOf=2025-13-01"), "legal", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        call(get("/api/limitation?status=LOST"), "legal", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        call(get("/api/limitation?page=-1"), "legal", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        call(get("/api/limitation?size=x"), "legal", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        call(post("/api/limitation-events"), "legal", """
                {"customerCode":"%s","invoiceNos":["%s"],"date":"2999-01-01","kind":"ACKNOWLEDGED","evidence":"future"}"""
                .formatted(customer, no)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("date"));
        call(post("/api/limitation-events"), "legal", """
                {"customerCode":"%s","invoiceNos":["%s","NOPE-1"],"date":"2024-01-01","kind":"ACKNOWLEDGED","evidence":"x"}"""
                .formatted(customer, no)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("invoiceNos[1]"));
        call(post("/api/limitation-events"), "legal", """
                {"customerCode":"NO-SUCH-CUSTOMER","date":"2024-01-01","kind":"ACKNOWLEDGED","evidence":"x"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("customerCode"));
        call(post("/api/limitation-events"), "legal", """
                {"customerCode":"%s","date":"2024-01-01","kind":"WAVED","evidence":"x"}""".formatted(customer))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        call(post("/api/limitation-events"), "legal", """
                {"customerCode":"%s","date":"2024-01-01","kind":"ACKNOWLEDGED","evidence":" "}""".formatted(customer))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("evidence"));
        assertThat(only("2025-01-01").get("lastEvent").isNull()).as("nothing half-written").isTrue();
    }

    @Test
    void withoutInvoiceNumbersAnEventCoversEveryInvoiceOpenOnItsDate() throws Exception {
        invoice("1", "2023-02-01", "2023-03-10", "100.00");
        invoice("2", "2023-02-01", "2023-04-10", "100.00");
        invoice("3", "2024-09-01", "2024-10-10", "100.00");
        JsonNode e = Api.json(call(post("/api/limitation-events"), "admin", """
                {"customerCode":"%s","date":"2024-05-20","kind":"ACKNOWLEDGED","evidence":"对账单签回"}""".formatted(customer))
                .andExpect(status().isCreated()));
        assertThat(e.get("invoiceNos")).hasSize(2);
        assertThat(clock("2025-01-01").get("items").get(2).get("runsFrom").asString()).isEqualTo("2024-10-10");
    }

    ResultActions holidays(int year, String csv, String user) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/legal/holidays/" + year)
                .contentType("text/csv").content(csv)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(user, user)));
    }

    @Test
    void aLastDayOnAStatutoryRestDayMovesToTheNextWorkingDayOnlyWhenItsYearIsLoaded() throws Exception {
        String holiday = invoice("H", "2026-06-01", "2026-10-02", "100.00");
        String sunday = invoice("S", "2026-06-01", "2026-09-30", "100.00");
        String worked = invoice("W", "2026-06-01", "2026-09-29", "100.00");
        java.util.function.Function<JsonNode, java.util.Map<String, String>> expiries = body -> {
            java.util.Map<String, String> m = new java.util.HashMap<>();
            body.get("items").forEach(i -> m.put(i.get("invoiceNo").asString(), i.get("expiresOn").asString()));
            return m;
        };
        assertThat(expiries.apply(clock("2026-11-01"))).containsEntry(holiday, "2029-10-02").containsEntry(sunday, "2029-09-30")
                .containsEntry(worked, "2029-09-29");
        holidays(2029, "2029-10-01,HOLIDAY,国庆节", "legal").andExpect(status().isForbidden());
        holidays(2029, "2029-10-01,HOLIDAY,国庆节\n2029-10-40,HOLIDAY,x", "admin").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("line 2"));
        try {
            holidays(2029, """
                    2029-10-01,HOLIDAY,国庆节
                    2029-10-02,HOLIDAY,国庆节
                    2029-10-03,HOLIDAY,国庆节
                    2029-10-04,HOLIDAY,国庆节
                    2029-10-05,HOLIDAY,国庆节
                    2029-09-29,WORKDAY,国庆节调休
                    """, "admin").andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(6));
            JsonNode shifted = clock("2026-11-01");
            assertThat(expiries.apply(shifted)).containsEntry(holiday, "2029-10-08").containsEntry(sunday, "2029-10-08")
                    .containsEntry(worked, "2029-09-29");
            assertThat(shifted.get("items").get(0).get("invoiceNo").asString()).isEqualTo(worked);
            assertThat(shifted.get("items").get(1).get("invoiceNo").asString()).as("same last day: by invoice number").isEqualTo(holiday);
        } finally {
            holidays(2029, "", "admin").andExpect(status().isOk());
        }
        assertThat(expiries.apply(clock("2026-11-01"))).containsEntry(holiday, "2029-10-02");
    }

    @Test
    void collectorsReadTheirOwnCustomersButMayNotRecordEvents() throws Exception {
        String no = invoice("1", "2023-02-01", "2023-03-10", "8000.00");
        call(post("/api/limitation-events"), collector, """
                {"customerCode":"%s","invoiceNos":["%s"],"date":"2024-01-01","kind":"ACKNOWLEDGED","evidence":"x"}"""
                .formatted(customer, no)).andExpect(status().isForbidden());
        call(post("/api/limitation-events"), "finance", """
                {"customerCode":"%s","invoiceNos":["%s"],"date":"2024-01-01","kind":"ACKNOWLEDGED","evidence":"x"}"""
                .formatted(customer, no)).andExpect(status().isForbidden());
        JsonNode own = Api.json(call(get("/api/limitation?asOf=2025-01-01"), collector, null).andExpect(status().isOk()));
        assertThat(own.get("total").asLong()).isEqualTo(1);
        assertThat(own.get("items").get(0).get("invoiceNo").asString()).isEqualTo(no);
        Api.user(users, "other-collector", Role.COLLECTOR);
        call(get("/api/limitation?asOf=2025-01-01&customer=" + customer), "other-collector", null).andExpect(status().isNotFound());
    }
}
