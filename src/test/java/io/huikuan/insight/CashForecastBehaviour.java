package io.huikuan.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The cash forecast through its API and pages, on H2 and PostgreSQL, over a generated portfolio ({@link PayingPortfolio})
 * as of 31 December 2024: the weeks add up to the total and to its sources; a payment dated later changes nothing
 * for that date; a customer's open promise replaces its invoice's prediction; a collector's forecast covers their own
 * customers; bad input is named; the page and the dashboard's panel show the 13 weeks.
 */
@SpringBootTest(properties = {"huikuan.outbox.enabled=false", PortfolioFixture.CONTEXT})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class CashForecastBehaviour extends PortfolioFixture {

    static final LocalDate D = LocalDate.parse("2024-12-31");

    String run;

    CashForecastBehaviour() {
        super("cf", LocalDate.parse("2025-01-10"));
    }

    @BeforeEach
    void run() {
        run = token;
    }

    JsonNode forecast(String user, String query) throws Exception {
        return Api.json(call(get("/api/forecast/cash?" + query), user, null).andExpect(status().isOk()));
    }

    static BigDecimal dec(JsonNode n) {
        return n.decimalValue();
    }

    @Test
    void theWeeksAddUpAndAPaymentDatedLaterChangesNothingForTheDate() throws Exception {
        JsonNode f = forecast("cf-boss", "asOf=" + D + "&days=30");
        assertThat(f.get("asOf").asString()).isEqualTo(D.toString());
        assertThat(f.get("days").asInt()).isEqualTo(30);
        assertThat(f.get("currency").asString()).isEqualTo("CNY");
        assertThat(dec(f.get("total"))).isPositive();
        BigDecimal weeks = BigDecimal.ZERO;
        for (JsonNode w : f.get("byWeek")) {
            assertThat(LocalDate.parse(w.get("weekStart").asString()).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            weeks = weeks.add(dec(w.get("amount")));
        }
        assertThat(weeks).isEqualByComparingTo(dec(f.get("total")));
        assertThat(f.get("byWeek")).hasSize(5);
        JsonNode s = f.get("bySource");
        assertThat(dec(s.get("predictions")).add(dec(s.get("promises"))).add(dec(s.get("plans"))).subtract(dec(f.get("total"))).abs())
                .as("the sources add up to the total, to rounding").isLessThanOrEqualTo(new BigDecimal("0.05"));
        assertThat(forecast("cf-boss", "asOf=" + D + "&days=91").get("byWeek")).hasSize(14);

        String c = "CF-" + run + "-L";
        call(post("/api/customers"), "cf-admin", """
                {"code":"%s","name":"预测测试 %s","owner":"cf-collector"}""".formatted(c, run)).andExpect(status().isCreated());
        call(post("/api/invoices"), "cf-finance", """
                {"invoiceNo":"%s-1","customerCode":"%s","issueDate":"2024-10-01","dueDate":"2024-12-20","amount":5000.00}""".formatted(c, c))
                .andExpect(status().isCreated());
        JsonNode before = forecast("cf-boss", "asOf=" + D + "&days=30");
        call(post("/api/payments"), "cf-finance", """
                {"paymentRef":"%s-P","customerCode":"%s","paymentDate":"2025-01-05","amount":5000.00,"method":"BANK_TRANSFER",
                 "allocations":[{"invoiceNo":"%s-1","amount":5000.00}]}""".formatted(c, c, c)).andExpect(status().isCreated());
        assertThat(forecast("cf-boss", "asOf=" + D + "&days=30")).as("facts dated after the date change nothing").isEqualTo(before);
    }

    @Test
    void anOpenPromiseReplacesTheInvoicesPredictionAndACollectorSeesTheirOwn() throws Exception {
        String collector = "cf-own-" + run.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
        String c = "CF-" + run + "-P";
        call(post("/api/customers"), "cf-admin", """
                {"code":"%s","name":"承诺客户 %s","owner":"%s"}""".formatted(c, run, collector)).andExpect(status().isCreated());
        call(post("/api/invoices"), "cf-finance", """
                {"invoiceNo":"%s-1","customerCode":"%s","issueDate":"2024-10-01","dueDate":"2024-11-30","amount":8000.00}""".formatted(c, c))
                .andExpect(status().isCreated());
        JsonNode without = forecast(collector, "asOf=" + D + "&days=30");
        assertThat(dec(without.get("bySource").get("promises"))).isZero();

        clock.set(LocalDate.parse("2024-12-30"), LocalTime.of(10, 0));
        call(post("/api/activities"), collector, """
                {"customerCode":"%s","channel":"PHONE","outcome":"PROMISE","promiseAmount":8000.00,"promiseDate":"2025-01-08"}""".formatted(c))
                .andExpect(status().isCreated());
        clock.set(LocalDate.parse("2025-01-10"), LocalTime.of(10, 0));
        JsonNode with = forecast(collector, "asOf=" + D + "&days=30");
        assertThat(dec(with.get("bySource").get("predictions"))).as("the promise covers the whole invoice").isZero();
        assertThat(dec(with.get("bySource").get("promises"))).isPositive().isLessThanOrEqualTo(new BigDecimal("8000.00"));
        assertThat(dec(with.get("total"))).isEqualByComparingTo(dec(with.get("bySource").get("promises")));
        assertThat(with.get("byWeek").get(1).get("weekStart").asString()).isEqualTo("2025-01-06");
        assertThat(dec(with.get("byWeek").get(1).get("amount"))).as("on the promised day's week").isEqualByComparingTo(dec(with.get("total")));

        JsonNode everyone = forecast("cf-boss", "asOf=" + D + "&days=30");
        assertThat(dec(everyone.get("total"))).isGreaterThan(dec(with.get("total")));
        Api.user(users, "cf-nobody", Role.COLLECTOR);
        JsonNode nobody = forecast("cf-nobody", "asOf=" + D + "&days=30");
        assertThat(dec(nobody.get("total"))).isZero();
    }

    @Test
    void aCollectorsMonthAddsTheForecastOfTheRestOfTheMonthToWhatCameIn() throws Exception {
        String collector = "cf-month-" + run.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
        String c = "CF-" + run + "-M";
        call(post("/api/customers"), "cf-admin", """
                {"code":"%s","name":"月度客户 %s","owner":"%s"}""".formatted(c, run, collector)).andExpect(status().isCreated());
        call(post("/api/invoices"), "cf-finance", """
                {"invoiceNo":"%s-1","customerCode":"%s","issueDate":"2024-12-01","dueDate":"2025-01-20","amount":6000.00}""".formatted(c, c))
                .andExpect(status().isCreated());
        call(post("/api/invoices"), "cf-finance", """
                {"invoiceNo":"%s-2","customerCode":"%s","issueDate":"2024-11-01","dueDate":"2024-12-01","amount":1000.00}""".formatted(c, c))
                .andExpect(status().isCreated());
        call(post("/api/payments"), "cf-finance", """
                {"paymentRef":"%s-P","customerCode":"%s","paymentDate":"2025-01-06","amount":1000.00,"method":"BANK_TRANSFER",
                 "allocations":[{"invoiceNo":"%s-2","amount":1000.00}]}""".formatted(c, c, c)).andExpect(status().isCreated());
        call(post("/api/activities"), collector, """
                {"customerCode":"%s","channel":"PHONE","outcome":"PROMISE","promiseAmount":3000.00,"promiseDate":"2025-01-25"}""".formatted(c))
                .andExpect(status().isCreated());
        call(put("/api/targets"), "cf-boss", """
                {"month":"2025-01","scope":"USER","key":"%s","amount":10000.00}""".formatted(collector)).andExpect(status().isOk());

        JsonNode month = Api.json(call(get("/api/forecast/month"), collector, null).andExpect(status().isOk()));
        JsonNode rest = forecast(collector, "asOf=2025-01-10&days=21");
        assertThat(month.get("month").asString()).isEqualTo("2025-01");
        assertThat(dec(month.get("target"))).isEqualByComparingTo("10000.00");
        assertThat(dec(month.get("collected"))).isEqualByComparingTo("1000.00");
        assertThat(dec(month.get("expected"))).as("the forecast of 11 to 31 January for the collector's customers").isEqualByComparingTo(dec(rest.get("total")))
                .as("the promise of 25 January at least").isPositive();
        assertThat(dec(month.get("predicted"))).isEqualByComparingTo(dec(month.get("collected")).add(dec(month.get("expected"))));
        assertThat(dec(month.get("predictedPercent"))).isEqualByComparingTo(dec(month.get("predicted")).divide(new BigDecimal("100"), 1,
                java.math.RoundingMode.HALF_UP));
        call(get("/api/forecast/month?month=2025-02"), collector, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));

        String kpi = call(get("/insight/month-outlook"), collector, null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(kpi).contains("id=\"outlook-predicted\"", "模型预测月底回款");
        String targets = call(get("/targets"), collector, null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(targets).contains("hx-get=\"/insight/month-outlook\"");
    }

    @Test
    void badInputIsNamedAndThePageAndTheDashboardPanelShowTheWeeks() throws Exception {
        call(get("/api/forecast/cash?days=0"), "cf-boss", null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("days"));
        call(get("/api/forecast/cash?days=183"), "cf-boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days"));
        call(get("/api/forecast/cash?currency=EURO"), "cf-boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currency"));
        call(get("/api/forecast/cash?asOf=2024-13-01"), "cf-boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        mvc.perform(get("/api/forecast/cash")).andExpect(status().isUnauthorized());

        String page = call(get("/insight/forecast?asOf=" + D), "cf-boss", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("回款预测", "id=\"forecast-weeks\"", "id=\"forecast-sources\"", "2024-12-30");
        String refused = call(get("/insight/forecast?currency=EURO"), "cf-boss", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"forecast-problem\"");
        String panel = call(get("/insight/forecast/panel"), "cf-boss", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(panel).contains("id=\"forecast-chart\"", "data-chart=\"bar\"").doesNotContain("<html");
        String dashboard = call(get("/dashboard"), "cf-boss", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).contains("hx-get=\"/insight/forecast/panel\"");
    }
}
