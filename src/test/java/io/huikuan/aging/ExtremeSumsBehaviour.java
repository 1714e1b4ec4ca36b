package io.huikuan.aging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, item 16: sums of the largest amounts an invoice may hold (99,999,999,999,999,999.99, NUMERIC(19, 2)) do not
 * fit NUMERIC(19, 2). Two customers with twelve such invoices each: the month-end close stores the aging and the
 * measures, the live aging, measures and dashboard answer, and the daily run completes, every sum exact to the cent.
 * Today is 2026-06-30; a database of its own (the close is company-wide).
 */
@AutoConfigureMockMvc
abstract class ExtremeSumsBehaviour {

    static final String MAX = "99999999999999999.99";
    static final int PER_CUSTOMER = 12;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void users() {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "manager", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "big-col", Role.COLLECTOR);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    static BigDecimal times(int n) {
        return new BigDecimal(MAX).multiply(BigDecimal.valueOf(n));
    }

    @Test
    void monthEndMeasuresAndTheRunAddTheLargestAmountsExactly() throws Exception {
        for (String c : List.of("BIG-1", "BIG-2")) {
            call(post("/api/customers"), "admin", """
                    {"code":"%s","name":"巨额客户%s","owner":"big-col"}""".formatted(c, c)).andExpect(status().isCreated());
            for (int i = 1; i <= PER_CUSTOMER; i++) {
                call(post("/api/invoices"), "finance", """
                        {"invoiceNo":"%s-%02d","customerCode":"%s","issueDate":"2026-04-01","dueDate":"2026-04-30","amount":%s}"""
                        .formatted(c, i, c, MAX)).andExpect(status().isCreated());
            }
        }
        BigDecimal customer = times(PER_CUSTOMER); // 1,199,999,999,999,999,999.88: 22 digits
        BigDecimal all = times(2 * PER_CUSTOMER);  // 2,399,999,999,999,999,999.76

        // the close stores per customer and for the company, exactly
        JsonNode close = Api.json(call(post("/api/month-ends?month=2026-05"), "finance", null).andExpect(status().isCreated()));
        assertThat(close.get("total").decimalValue()).isEqualByComparingTo(all);
        assertThat(jdbc.sql("SELECT total FROM month_end_aging WHERE customer_code = 'BIG-1'").query(BigDecimal.class).single())
                .isEqualByComparingTo(customer);
        assertThat(jdbc.sql("SELECT ar FROM month_end_measure WHERE month_key = '2026-05' AND owner = '*'").query(BigDecimal.class).single())
                .isEqualByComparingTo(all);
        assertThat(jdbc.sql("SELECT overdue_ar FROM month_end_measure WHERE month_key = '2026-05' AND owner = 'big-col'")
                .query(BigDecimal.class).single()).isEqualByComparingTo(all);
        JsonNode snapshot = Api.json(call(get("/api/aging?asOf=2026-05-31&source=snapshot"), "manager", null).andExpect(status().isOk()));
        assertThat(snapshot.get("total").get("total").decimalValue()).isEqualByComparingTo(all);
        JsonNode trend = Api.json(call(get("/api/measures/trend?to=2026-05&months=1"), "manager", null).andExpect(status().isOk()));
        assertThat(trend.get(0).get("closed").asBoolean()).isTrue();
        assertThat(trend.get(0).get("ar").decimalValue()).isEqualByComparingTo(all);
        assertThat(trend.get(0).get("sales").decimalValue()).isEqualByComparingTo("0.00");
        JsonNode comparison = Api.json(call(get("/api/month-ends/2026-05/comparison"), "manager", null).andExpect(status().isOk()));
        assertThat(comparison.get("difference").decimalValue()).isEqualByComparingTo("0.00");

        // live: aging, measures, dashboard
        JsonNode aging = Api.json(call(get("/api/aging?groupBy=customer"), "manager", null).andExpect(status().isOk()));
        assertThat(CurrencyBehaviour.row(aging, "BIG-2", "CNY").get("total").decimalValue()).isEqualByComparingTo(customer);
        assertThat(aging.get("total").get("total").decimalValue()).isEqualByComparingTo(all);
        JsonNode measures = Api.json(call(get("/api/measures?days=365"), "manager", null).andExpect(status().isOk()));
        assertThat(measures.get("ar").decimalValue()).isEqualByComparingTo(all);
        assertThat(measures.get("overdueAr").decimalValue()).isEqualByComparingTo(all);
        assertThat(measures.get("dso")).isNotNull();
        String dashboard = call(get("/dashboard"), "manager", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).contains("2,399,999,999,999,999,999.76");

        // the daily run completes and each task carries its customer's exact overdue amount
        JsonNode run = Api.json(call(post("/api/collection-runs").param("asOf", "2026-06-30"), "manager", null).andExpect(status().isOk()));
        assertThat(run.get("status").asString()).isEqualTo("DONE");
        assertThat(jdbc.sql("""
                SELECT DISTINCT t.overdue_amount FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code LIKE 'BIG-%'""")
                .query(BigDecimal.class).list()).singleElement().satisfies(a -> assertThat(a).isEqualByComparingTo(customer));
    }
}
