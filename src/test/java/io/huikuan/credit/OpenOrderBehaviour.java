package io.huikuan.credit;

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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Orders reported by the ERP (issue 15, item 1's exposure) on H2 and PostgreSQL: an OPEN order adds to the exposure of
 * the customer's credit and of the credit check (field {@code openOrders}) until it is invoiced or cancelled, as of its
 * dates; the ERP's role; bad input refused naming the field with nothing written.
 */
@SpringBootTest(properties = "huikuan.outbox.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class OpenOrderBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;

    String tag;

    @BeforeEach
    void setUp() {
        clock.set(LocalDate.parse("2025-06-10"), LocalTime.of(10, 0));
        Api.user(users, "oo-admin", Role.ADMIN);
        Api.user(users, "oo-erp", Role.FINANCE);
        Api.user(users, "oo-col", Role.COLLECTOR);
        tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    /** A customer with a limit of 10,000 owing 6,000 not yet due. */
    String customer() throws Exception {
        String code = "OO-" + tag;
        call(post("/api/customers"), "oo-admin", """
                {"code":"%s","name":"订单客户 %s","owner":"oo-col","creditLimit":10000.00}""".formatted(code, tag)).andExpect(status().isCreated());
        call(post("/api/invoices"), "oo-erp", """
                {"invoiceNo":"%s-1","customerCode":"%s","issueDate":"2025-06-01","dueDate":"2025-07-01","amount":6000.00}"""
                .formatted(code, code)).andExpect(status().isCreated());
        return code;
    }

    ResultActions order(String ref, String body) throws Exception {
        return call(put("/api/open-orders/" + ref), "oo-erp", body);
    }

    JsonNode credit(String code, String asOf) throws Exception {
        var req = get("/api/customers/" + code + "/credit");
        return Api.json(call(asOf == null ? req : req.param("asOf", asOf), "oo-col", null).andExpect(status().isOk()));
    }

    @Test
    void anOpenOrderCountsInTheExposureUntilItIsInvoiced() throws Exception {
        String c = customer();
        JsonNode before = credit(c, null);
        assertThat(before.get("exposure").decimalValue()).isEqualByComparingTo("6000");
        assertThat(before.get("openOrders").decimalValue()).isEqualByComparingTo("0");

        JsonNode o = Api.json(order("SO-" + tag, """
                {"customerCode":"%s","amount":"3000.00","status":"OPEN"}""".formatted(c)).andExpect(status().isOk()));
        assertThat(o.get("status").asString()).isEqualTo("OPEN");
        assertThat(o.get("openedOn").asString()).isEqualTo("2025-06-10");
        assertThat(o.get("reportedBy").asString()).isEqualTo("oo-erp");
        order("SO-" + tag + "-2", """
                {"customerCode":"%s","amount":"500.00"}""".formatted(c)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OPEN"));

        JsonNode now = credit(c, null);
        assertThat(now.get("openOrders").decimalValue()).isEqualByComparingTo("3500");
        assertThat(now.get("exposure").decimalValue()).as("6,000 open receivables + 3,500 open orders").isEqualByComparingTo("9500");
        assertThat(now.get("available").decimalValue()).isEqualByComparingTo("500");
        assertThat(credit(c, "2025-06-09").get("exposure").decimalValue()).as("the orders were reported on the 10th").isEqualByComparingTo("6000");
        call(get("/api/customers/" + c + "/open-orders"), "oo-col", null).andExpect(jsonPath("$.length()").value(2));
        String panel = mvc.perform(get("/customers/" + c + "/credit-panel").param("lang", "en")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("oo-col", "oo-col")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(panel).contains("Exposure (open receivables + open orders)", "9,500.00", "of which open orders reported by the ERP", "3,500.00");

        JsonNode check = Api.json(call(post("/api/credit-checks"), "oo-col", """
                {"customerCode":"%s","amount":"1000.00","reference":"SO-NEW"}""".formatted(c)).andExpect(status().isCreated()));
        assertThat(check.get("exposure").decimalValue()).isEqualByComparingTo("9500");
        assertThat(check.get("openOrders").decimalValue()).isEqualByComparingTo("3500");
        assertThat(check.get("decision").asString()).as("10,500 after the order: over the limit, within the 10% tolerance").isEqualTo("REVIEW");
        call(get("/api/credit-checks/" + check.get("id").asLong()), "oo-col", null).andExpect(jsonPath("$.openOrders").value(3500.00));

        // invoiced on the 12th: the order leaves the exposure (the invoice carries the debt from then)
        clock.set(LocalDate.parse("2025-06-12"), LocalTime.of(9, 0));
        order("SO-" + tag, """
                {"customerCode":"%s","amount":"3000.00","status":"INVOICED"}""".formatted(c)).andExpect(status().isOk())
                .andExpect(jsonPath("$.closedOn").value("2025-06-12"));
        assertThat(credit(c, null).get("openOrders").decimalValue()).isEqualByComparingTo("500");
        assertThat(credit(c, "2025-06-11").get("openOrders").decimalValue()).as("still open on the 11th").isEqualByComparingTo("3500");
        JsonNode after = Api.json(call(post("/api/credit-checks"), "oo-col", """
                {"customerCode":"%s","amount":"1000.00"}""".formatted(c)).andExpect(status().isCreated()));
        assertThat(after.get("exposure").decimalValue()).isEqualByComparingTo("6500");
        assertThat(after.get("decision").asString()).isNotEqualTo("BLOCK");
    }

    @Test
    void badReportsAreRefusedNamingTheFieldAndWriteNothing() throws Exception {
        String c = customer();
        String ref = "SO-BAD-" + tag;
        order(ref, """
                {"customerCode":"%s","amount":"-1.00","status":"OPEN"}""".formatted(c)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount")).andExpect(jsonPath("$.errors[0].code").value("credit.order.amount"));
        order(ref, """
                {"customerCode":"%s","amount":"1.005"}""".formatted(c)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        order(ref, """
                {"customerCode":"NO-SUCH-%s","amount":"100.00"}""".formatted(tag)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customerCode"));
        order(ref, """
                {"amount":"100.00"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("customerCode"));
        order(ref, """
                {"customerCode":"%s","amount":"100.00","status":"SHIPPED"}""".formatted(c)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        order("X".repeat(101), """
                {"customerCode":"%s","amount":"100.00"}""".formatted(c)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reference"));
        call(get("/api/open-orders/" + ref), "oo-erp", null).andExpect(status().isNotFound());
        assertThat(credit(c, null).get("exposure").decimalValue()).isEqualByComparingTo("6000");

        // a collector does not report orders; a zero amount is allowed (an order emptied before shipping)
        call(put("/api/open-orders/" + ref), "oo-col", """
                {"customerCode":"%s","amount":"100.00"}""".formatted(c)).andExpect(status().isForbidden());
        order(ref, """
                {"customerCode":"%s","amount":"0"}""".formatted(c)).andExpect(status().isOk()).andExpect(jsonPath("$.amount").value(0));
    }
}
