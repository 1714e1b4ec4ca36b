package io.huikuan.aging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Month-end closes through the API: a closed month keeps its figures when late payments and
 * invoices dated in it arrive, the comparison report shows what moved, reopening removes the
 * stored figures. Today is 2026-06-30. Subclasses run it on H2 and PostgreSQL, each in a
 * database of its own (closing is company-wide).
 */
@AutoConfigureMockMvc
abstract class MonthEndBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    static final String COLLECTOR = "me-collector";
    static final String C = "ME-1";

    @BeforeEach
    void users() {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "manager", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, COLLECTOR, Role.COLLECTOR);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    JsonNode json(ResultActions r) throws Exception {
        return Api.json(r);
    }

    @Test
    void aClosedMonthKeepsItsFiguresAndTheComparisonShowsWhatMoved() throws Exception {
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"月结客户","owner":"%s"}""".formatted(C, COLLECTOR)).andExpect(status().isCreated());
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"ME-A","customerCode":"%s","issueDate":"2026-03-01","dueDate":"2026-03-31","amount":1000.00}""".formatted(C))
                .andExpect(status().isCreated());
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"ME-B","customerCode":"%s","issueDate":"2026-04-10","dueDate":"2026-05-10","amount":500.00}""".formatted(C))
                .andExpect(status().isCreated());

        call(post("/api/month-ends?month=2026-05"), COLLECTOR, null).andExpect(status().isForbidden());
        call(post("/api/month-ends?month=2026-05"), "finance", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.month").value("2026-05"))
                .andExpect(jsonPath("$.asOf").value("2026-05-31"))
                .andExpect(jsonPath("$.closedBy").value("finance"))
                .andExpect(jsonPath("$.total").value(1500.00));
        call(post("/api/month-ends?month=2026-05"), "manager", null).andExpect(status().isConflict());

        // late data dated in May: a payment of 400 on A and a new invoice C of 300
        call(post("/api/payments"), "finance", """
                {"paymentRef":"ME-P","customerCode":"%s","paymentDate":"2026-05-20","amount":400.00,
                 "allocations":[{"invoiceNo":"ME-A","amount":400.00}]}""".formatted(C)).andExpect(status().isCreated());
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"ME-C","customerCode":"%s","issueDate":"2026-05-15","dueDate":"2026-06-14","amount":300.00}""".formatted(C))
                .andExpect(status().isCreated());

        JsonNode stored = json(call(get("/api/aging?asOf=2026-05-31&source=snapshot"), COLLECTOR, null).andExpect(status().isOk()));
        AgingBehaviour.assertAmounts(AgingBehaviour.row(stored, C), "1500.00", "0.00", "500.00", "0.00", "1000.00", "0.00", "0.00", "0.00");
        JsonNode live = json(call(get("/api/aging?asOf=2026-05-31"), COLLECTOR, null).andExpect(status().isOk()));
        AgingBehaviour.assertAmounts(AgingBehaviour.row(live, C), "1400.00", "300.00", "500.00", "0.00", "600.00", "0.00", "0.00", "0.00");

        // the trend shows the stored month, for the collector's portfolio as for the company
        call(get("/api/measures/trend?to=2026-05&months=1"), COLLECTOR, null)
                .andExpect(jsonPath("$[0].closed").value(true))
                .andExpect(jsonPath("$[0].ar").value(1500.00));
        call(get("/api/measures/trend?to=2026-05&months=1&days=30"), COLLECTOR, null)
                .andExpect(jsonPath("$[0].closed").value(false))
                .andExpect(jsonPath("$[0].ar").value(1400.00));

        JsonNode cmp = json(call(get("/api/month-ends/2026-05/comparison"), COLLECTOR, null).andExpect(status().isOk()));
        assertThat(cmp.get("difference").decimalValue()).isEqualByComparingTo("-100.00");
        assertThat(cmp.get("customersChanged").asLong()).isEqualTo(1);
        JsonNode moved = cmp.get("customers").get(0);
        assertThat(moved.get("customerCode").asString()).isEqualTo(C);
        assertThat(moved.get("storedTotal").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(moved.get("recomputedTotal").decimalValue()).isEqualByComparingTo("1400.00");
        JsonNode ar = null;
        for (JsonNode m : cmp.get("measures")) {
            if ("ar".equals(m.get("measure").asString())) {
                ar = m;
            }
        }
        assertThat(ar).isNotNull();
        assertThat(ar.get("stored").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(ar.get("recomputed").decimalValue()).isEqualByComparingTo("1400.00");
        assertThat(ar.get("changed").asBoolean()).isTrue();

        // reopening needs a manager and a reason; afterwards the month is live again
        call(delete("/api/month-ends/2026-05?reason=late%20bank%20file"), "finance", null).andExpect(status().isForbidden());
        call(delete("/api/month-ends/2026-05"), "manager", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(delete("/api/month-ends/2026-05?reason=late%20bank%20file"), "manager", null).andExpect(status().isNoContent());
        call(get("/api/month-ends"), COLLECTOR, null).andExpect(jsonPath("$.length()").value(0));
        call(get("/api/measures/trend?to=2026-05&months=1"), COLLECTOR, null)
                .andExpect(jsonPath("$[0].closed").value(false))
                .andExpect(jsonPath("$[0].ar").value(1400.00));
        call(post("/api/month-ends?month=2026-05"), "manager", null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").exists());
        call(get("/api/month-ends/2026-05"), COLLECTOR, null).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1400.00));
    }

    @Test
    void badInputNamesTheField() throws Exception {
        call(post("/api/month-ends?month=2026-13"), "manager", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        call(post("/api/month-ends"), "manager", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        call(post("/api/month-ends?month=2026-07"), "manager", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("is not over yet: it ends on 2026-07-31"));
        call(get("/api/month-ends/2026-02/comparison"), "manager", null).andExpect(status().isNotFound());
        call(get("/api/aging?asOf=2026-02-28&source=snapshot"), "manager", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        call(get("/api/aging?source=yesterday"), "manager", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("source"));
    }
}
