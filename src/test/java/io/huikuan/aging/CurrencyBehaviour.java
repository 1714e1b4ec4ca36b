package io.huikuan.aging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, item 15: a customer holding CNY and USD invoices and payments. Every total is per currency and never
 * a sum of CNY and USD: the aging (live and month-end snapshot), the dashboard, the month-end close, the daily run's
 * overdue amount, the collector's progress against a target; the payment import takes a currency column and refuses
 * to allocate a payment to an invoice in another currency. Today is 2026-06-30. Each test has its own collector, and
 * reads as that collector (whose figures are their portfolio's), so the tests do not see each other's customers.
 */
@AutoConfigureMockMvc
abstract class CurrencyBehaviour {

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
        Api.user(users, "cur-col", Role.COLLECTOR);
        Api.user(users, "imp-col", Role.COLLECTOR);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    void customer(String code, String owner) throws Exception {
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"币种客户%s","owner":"%s"}""".formatted(code, code, owner)).andExpect(status().isCreated());
    }

    void invoice(String no, String customer, String issue, String due, String amount, String currency) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s,"currency":"%s"}"""
                .formatted(no, customer, issue, due, amount, currency)).andExpect(status().isCreated());
    }

    void payment(String ref, String customer, String date, String amount, String currency, String invoiceNo) throws Exception {
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s","customerCode":"%s","paymentDate":"%s","amount":%s,"currency":"%s",
                 "allocations":[{"invoiceNo":"%s","amount":%s}]}""".formatted(ref, customer, date, amount, currency, invoiceNo, amount))
                .andExpect(status().isCreated());
    }

    static JsonNode row(JsonNode report, String key, String currency) {
        for (JsonNode row : report.get("rows")) {
            if (key.equals(row.get("key").asString()) && currency.equals(row.get("currency").asString())) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + currency + " in " + report);
    }

    static BigDecimal byCurrency(JsonNode report, String currency) {
        for (JsonNode c : report.get("byCurrency")) {
            if (currency.equals(c.get("currency").asString())) {
                return c.get("total").decimalValue();
            }
        }
        throw new AssertionError("no total in " + currency + " in " + report);
    }

    static List<String> currencies(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("byCurrency").forEach(c -> out.add(c.get("currency").asString()));
        return out;
    }

    @Test
    void totalsArePerCurrencyAndNeverAddCnyToUsd() throws Exception {
        customer("CUR-1", "cur-col");
        customer("CUR-2", "cur-col");
        invoice("CUR-CNY-1", "CUR-1", "2026-04-01", "2026-05-01", "1000.00", "CNY");
        invoice("CUR-USD-1", "CUR-1", "2026-04-01", "2026-05-01", "300.00", "USD");
        invoice("CUR-USD-2", "CUR-2", "2026-06-01", "2026-07-15", "50.00", "USD");

        // May closed before any payment: the snapshot keeps a line per customer and currency
        call(post("/api/month-ends?month=2026-05"), "finance", null).andExpect(status().isCreated());
        JsonNode closes = Api.json(call(get("/api/month-ends"), "cur-col", null).andExpect(status().isOk()));
        assertThat(closes.get(0).get("total").decimalValue()).isEqualByComparingTo("1000.00");
        JsonNode snapshot = Api.json(call(get("/api/aging?asOf=2026-05-31&source=snapshot"), "cur-col", null).andExpect(status().isOk()));
        AgingBehaviour.assertAmounts(row(snapshot, "CUR-1", "CNY"), "1000.00", "0.00", "1000.00", "0.00", "0.00", "0.00", "0.00", "0.00");
        AgingBehaviour.assertAmounts(row(snapshot, "CUR-1", "USD"), "300.00", "0.00", "300.00", "0.00", "0.00", "0.00", "0.00", "0.00");
        assertThat(snapshot.get("total").get("total").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(byCurrency(snapshot, "USD")).isEqualByComparingTo("300.00");
        // the measures of the close are in CNY only (AR 1,000, not 1,300)
        JsonNode trend = Api.json(call(get("/api/measures/trend?to=2026-05&months=1"), "cur-col", null).andExpect(status().isOk()));
        assertThat(trend.get(0).get("ar").decimalValue()).isEqualByComparingTo("1000.00");

        // June: 200 CNY and 100 USD collected, each on an invoice of its currency
        payment("CUR-P-CNY", "CUR-1", "2026-06-10", "200.00", "CNY", "CUR-CNY-1");
        payment("CUR-P-USD", "CUR-1", "2026-06-12", "100.00", "USD", "CUR-USD-1");

        JsonNode byCustomer = Api.json(call(get("/api/aging?groupBy=customer"), "cur-col", null).andExpect(status().isOk()));
        AgingBehaviour.assertAmounts(row(byCustomer, "CUR-1", "CNY"), "800.00", "0.00", "0.00", "800.00", "0.00", "0.00", "0.00", "0.00");
        AgingBehaviour.assertAmounts(row(byCustomer, "CUR-1", "USD"), "200.00", "0.00", "0.00", "200.00", "0.00", "0.00", "0.00", "0.00");
        AgingBehaviour.assertAmounts(row(byCustomer, "CUR-2", "USD"), "50.00", "50.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00");
        assertThat(byCustomer.get("currency").asString()).isEqualTo("CNY");
        assertThat(byCustomer.get("total").get("total").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(currencies(byCustomer)).containsExactly("CNY", "USD");
        assertThat(byCurrency(byCustomer, "USD")).isEqualByComparingTo("250.00");

        // a cell's invoices: one currency when asked (a row of the report), else the sums of each currency
        JsonNode usdCell = Api.json(call(get("/api/aging/invoices?groupBy=customer&key=CUR-1&currency=usd"), "cur-col", null)
                .andExpect(status().isOk()));
        assertThat(usdCell.get("amount").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(usdCell.get("currency").asString()).isEqualTo("USD");
        assertThat(usdCell.get("items")).hasSize(1);
        assertThat(usdCell.get("items").get(0).get("currency").asString()).isEqualTo("USD");
        JsonNode bothCell = Api.json(call(get("/api/aging/invoices?groupBy=customer&key=CUR-1"), "cur-col", null).andExpect(status().isOk()));
        assertThat(bothCell.get("total").asLong()).isEqualTo(2);
        assertThat(bothCell.get("amount").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(bothCell.get("byCurrency").get("USD").decimalValue()).isEqualByComparingTo("200.00");
        call(get("/api/aging/invoices?groupBy=customer&key=CUR-1&currency=US$"), "cur-col", null).andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field").value("currency"));

        JsonNode none = Api.json(call(get("/api/aging?groupBy=none"), "cur-col", null).andExpect(status().isOk()));
        assertThat(none.get("rows")).hasSize(2);
        assertThat(none.get("total").get("total").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(byCurrency(none, "USD")).isEqualByComparingTo("250.00");

        // the aging page and the dashboard show a total line per currency, never 1,050
        String page = call(get("/aging?groupBy=customer"), "cur-col", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"aging-total-CNY\"", "id=\"aging-total-USD\"", "合计（USD）", "250.00", "id=\"aging-currency-note\"");
        assertThat(page).doesNotContain("1,050.00");
        assertThat(page).contains("currency=USD");
        String cellPage = call(get("/aging/invoices?groupBy=customer&key=CUR-1"), "cur-col", null).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(cellPage).contains("data-currency=\"USD\"", "合计（CNY）", "800.00", "200.00");
        String dashboard = call(get("/dashboard"), "cur-col", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).contains("id=\"dash-currencies\"", "data-currency=\"USD\"", "250.00", "800.00");
        assertThat(dashboard).doesNotContain("1,050.00");
        String overview = call(get("/"), "cur-col", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(overview).contains("id=\"overview-currencies\"", "data-currency=\"USD\"", "250.00", "200.00", "800.00");
        assertThat(overview).doesNotContain("1,050.00");

        // the collector's month: CNY collections count towards the (CNY) target, dollars are listed apart
        call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/targets"), "manager", """
                {"month":"2026-06","scope":"USER","key":"cur-col","amount":1000.00}""").andExpect(status().is2xxSuccessful());
        JsonNode progress = Api.json(call(get("/api/targets/progress?month=2026-06"), "cur-col", null).andExpect(status().isOk()));
        assertThat(progress.get("actual").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(progress.get("achievedPercent").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(progress.get("collectedOther").get("USD").decimalValue()).isEqualByComparingTo("100.00");
        String targets = call(get("/targets?month=2026-06"), "manager", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(targets).contains("USD 100.00");
        String worklist = call(get("/worklist/progress"), "cur-col", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(worklist).contains("id=\"progress-collected-other\"", "USD 100.00");

        // the daily run: CUR-1's overdue amount is its CNY overdue (800), not 800 + 200
        call(post("/api/collection-runs").param("asOf", "2026-06-30"), "manager", null).andExpect(status().isOk());
        List<BigDecimal> overdue = jdbc.sql("""
                SELECT t.overdue_amount FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = 'CUR-1'""")
                .query(BigDecimal.class).list();
        assertThat(overdue).isNotEmpty().allSatisfy(a -> assertThat(a).isEqualByComparingTo("800.00"));
    }

    @Test
    void thePaymentImportTakesACurrencyAndAllocatesOnlyWithinIt() throws Exception {
        customer("IMP-1", "imp-col");
        invoice("IMP-CNY-1", "IMP-1", "2026-05-01", "2026-05-31", "500.00", "CNY");
        invoice("IMP-USD-1", "IMP-1", "2026-05-02", "2026-06-01", "200.00", "USD");

        String csv = """
                payment_ref,customer_code,payment_date,amount,invoice_no,币种
                IMP-P1,IMP-1,2026-06-20,50.00,IMP-USD-1,USD
                IMP-P2,IMP-1,2026-06-20,20.00,,usd
                IMP-P3,IMP-1,2026-06-20,30.00,IMP-USD-1,
                IMP-P4,IMP-1,2026-06-20,40.00,,
                IMP-BAD1,IMP-1,2026-06-20,10.00,IMP-USD-1,CNY
                IMP-BAD2,IMP-1,2026-06-20,10.00,,US$
                """;
        String body = mvc.perform(multipart("/api/imports/payments")
                        .file(new MockMultipartFile("file", "payments.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("mode", "valid-rows").with(httpBasic("finance", "finance")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode report = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
        assertThat(report.get("imported").asInt()).as(body).isEqualTo(4);
        assertThat(report.get("rejected").asInt()).as(body).isEqualTo(2);
        JsonNode errors = report.get("errors");
        assertThat(errors.get(0).get("column").asString()).isEqualTo("currency");
        assertThat(errors.get(0).get("message").asString()).contains("IMP-USD-1 is in USD", "in CNY", "its own currency");
        assertThat(errors.get(1).get("column").asString()).isEqualTo("currency");
        assertThat(errors.get(1).get("message").asString()).contains("three-letter ISO code");

        // USD payments took USD (P1 named it, P2 oldest USD first, P3 the named invoice's currency); P4 is CNY by default
        assertThat(jdbc.sql("SELECT payment_ref || ':' || currency FROM payment WHERE payment_ref LIKE 'IMP-P%' ORDER BY payment_ref")
                .query(String.class).list()).containsExactly("IMP-P1:USD", "IMP-P2:USD", "IMP-P3:USD", "IMP-P4:CNY");
        JsonNode aging = Api.json(call(get("/api/aging?groupBy=customer"), "imp-col", null).andExpect(status().isOk()));
        assertThat(row(aging, "IMP-1", "USD").get("total").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(row(aging, "IMP-1", "CNY").get("total").decimalValue()).isEqualByComparingTo("460.00");
    }
}
