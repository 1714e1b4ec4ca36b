package io.huikuan.aging;

import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The measures API on a small portfolio whose figures are worked out by hand below. Each test
 * uses a collector of its own who owns only the test's customers, so data of other tests in the
 * same database does not count. Run on H2 and on PostgreSQL; today is 2026-06-30.
 *
 * <pre>
 * I1 issued 03-10 due 04-09 1000.00  paid 1000 on 05-10
 * I2 issued 04-15 due 05-15  500.00  paid  300 on 06-20
 * I3 issued 05-20 due 06-19 2000.00  credit note 200 on 06-25, paid 1500 on 06-28
 * I4 issued 06-10 due 07-10 1500.00
 * </pre>
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class MeasureBehaviour {

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
        Api.user(users, "manager", Role.MANAGER);
        String token = UUID.randomUUID().toString().substring(0, 8);
        collector = "mc-" + token;
        customer = "MC-" + token;
        Api.user(users, collector, Role.COLLECTOR);
        customer(customer, collector);
    }

    void customer(String code, String owner) throws Exception {
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"测度客户 %s","owner":"%s","region":"华东"}""".formatted(code, code, owner))
                .andExpect(status().isCreated());
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    ResultActions get(String path, String user) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(httpBasic(user, user)));
    }

    void invoice(String no, String code, String issue, String due, String amount) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(no, code, issue, due, amount)).andExpect(status().isCreated());
    }

    void payment(String ref, String date, String amount, String invoiceNo) throws Exception {
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s","customerCode":"%s","paymentDate":"%s","amount":%s,"allocations":[{"invoiceNo":"%s","amount":%s}]}"""
                .formatted(ref, customer, date, amount, invoiceNo, amount)).andExpect(status().isCreated());
    }

    void portfolio() throws Exception {
        String c = customer;
        invoice("I1-" + c, c, "2026-03-10", "2026-04-09", "1000.00");
        invoice("I2-" + c, c, "2026-04-15", "2026-05-15", "500.00");
        invoice("I3-" + c, c, "2026-05-20", "2026-06-19", "2000.00");
        invoice("I4-" + c, c, "2026-06-10", "2026-07-10", "1500.00");
        payment("P1-" + c, "2026-05-10", "1000.00", "I1-" + c);
        payment("P2-" + c, "2026-06-20", "300.00", "I2-" + c);
        call(post("/api/invoices/I3-" + c + "/credit-notes"), "finance", """
                {"creditNoteNo":"CN-%s","noteDate":"2026-06-25","amount":200,"reason":"质量折让"}""".formatted(c))
                .andExpect(status().isCreated());
        payment("P3-" + c, "2026-06-28", "1500.00", "I3-" + c);
    }

    /** The portfolio plus I5 (due on a month end, paid on it) and I6 (due on a month end, never paid). */
    void portfolioWithMonthEnds() throws Exception {
        portfolio();
        String c = customer;
        invoice("I5-" + c, c, "2026-05-01", "2026-05-31", "3000.00");
        payment("P5-" + c, "2026-05-31", "3000.00", "I5-" + c);
        invoice("I6-" + c, c, "2026-04-01", "2026-04-30", "700.00");
    }

    @Test
    void averageDaysToPayAndDaysLateAreAmountWeightedOverTheInvoicesSettled() throws Exception {
        portfolioWithMonthEnds();
        // settled in May: I1 1000 (issued 03-10, due 04-09, paid 05-10: 61 days to pay, 31 late)
        // and I5 3000 (issued 05-01, due and paid 05-31: 30 days, 0 late)
        // → (1000 × 61 + 3000 × 30) ÷ 4000 = 37.75 → 37.8; (1000 × 31) ÷ 4000 = 7.75 → 7.8
        get("/api/measures?asOf=2026-05-31&days=31", collector)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.settledInvoices").value(2))
                .andExpect(jsonPath("$.averageDaysToPay").value(37.8))
                .andExpect(jsonPath("$.averageDaysLate").value(7.8));
        // nothing settled in April (I3's credit note and part payment do not settle it)
        get("/api/measures?asOf=2026-04-30&days=30", collector)
                .andExpect(jsonPath("$.settledInvoices").value(0))
                .andExpect(jsonPath("$.averageDaysToPay").value(nullValue()));
        get("/api/measures/trend?to=2026-05&months=2", collector)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].month").value("2026-05"))
                .andExpect(jsonPath("$[1].settledInvoices").value(2))
                .andExpect(jsonPath("$[1].averageDaysToPay").value(37.8))
                .andExpect(jsonPath("$[1].averageDaysLate").value(7.8))
                // at 04-30 I6 (due that day) is not yet due; at 05-31 it is overdue and I5, due that day, is paid
                .andExpect(jsonPath("$[0].currentAr").value(1200.00))
                .andExpect(jsonPath("$[1].overdueAr").value(1200.00));
    }

    @Test
    void measuresPerCustomerAreDefinedAsTheOverallOnes() throws Exception {
        portfolioWithMonthEnds();
        customer("MX-" + collector, collector); // owns nothing: not listed
        // 05-31: I2 500 and I6 700 overdue, I3 2000 not yet due; sales in (04-30, 05-31] = I3 2000 + I5 3000
        get("/api/measures/customers?asOf=2026-05-31&days=31", collector)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].customerCode").value(customer))
                .andExpect(jsonPath("$.items[0].ar").value(3200.00))
                .andExpect(jsonPath("$.items[0].currentAr").value(2000.00))
                .andExpect(jsonPath("$.items[0].overdueAr").value(1200.00))
                .andExpect(jsonPath("$.items[0].overdueRatio").value(37.5))
                .andExpect(jsonPath("$.items[0].sales").value(5000.00))
                .andExpect(jsonPath("$.items[0].dso").value(19.8))
                .andExpect(jsonPath("$.items[0].settledInvoices").value(2))
                .andExpect(jsonPath("$.items[0].averageDaysToPay").value(37.8))
                .andExpect(jsonPath("$.items[0].averageDaysLate").value(7.8));
        get("/api/measures/customers?sort=loudest", collector).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        get("/api/measures/customers?size=0", collector).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void theTrendAgreesWithTheMeasuresOfEveryMonthEnd() throws Exception {
        portfolioWithMonthEnds();
        JsonNode trend = json(get("/api/measures/trend?to=2026-06&months=6&days=60", collector).andExpect(status().isOk()));
        org.assertj.core.api.Assertions.assertThat(trend.size()).isEqualTo(6);
        for (JsonNode point : trend) {
            String month = point.get("month").asString();
            JsonNode at = json(get("/api/measures?asOf=" + point.get("monthEnd").asString() + "&days=60", collector));
            for (String field : List.of("ar", "currentAr", "overdueAr", "dso", "bestPossibleDso", "add", "countbackDso", "overdueRatio")) {
                same(month + " " + field, point.get(field), at.get(field));
            }
            JsonNode cei = json(get("/api/measures/cei?from=" + month + "&to=" + month, collector));
            same(month + " cei", point.get("cei"), cei.get("cei"));
        }
        get("/api/measures/trend?months=0", collector).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("months"));
        get("/api/measures/trend?to=2026-13", collector).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    static JsonNode json(ResultActions r) throws Exception {
        return Api.json(r);
    }

    static void same(String what, JsonNode a, JsonNode b) {
        if (a == null || a.isNull() || b == null || b.isNull()) {
            org.assertj.core.api.Assertions.assertThat(a == null || a.isNull()).as(what + ": " + a + " vs " + b).isEqualTo(b == null || b.isNull());
            return;
        }
        org.assertj.core.api.Assertions.assertThat(a.decimalValue()).as(what).isEqualByComparingTo(b.decimalValue());
    }

    @Test
    void aPaymentDatedAfterTheDateDoesNotReduceArAtThatDate() throws Exception {
        portfolio();
        // 06-19: I2 500 (paid on 06-20), I3 2000 due that very day (not yet due), I4 1500
        get("/api/measures?asOf=2026-06-19", collector)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ar").value(4000.00))
                .andExpect(jsonPath("$.currentAr").value(3500.00));
        // 06-20: the 300 payment counts, I3 is one day overdue
        get("/api/measures?asOf=2026-06-20", collector)
                .andExpect(jsonPath("$.ar").value(3700.00))
                .andExpect(jsonPath("$.currentAr").value(1500.00));
        // a write-off counts from its date on: 06-29 AR = I2 200 + I3 300 + I4 1500; 06-30 less the 200 written off
        call(post("/api/invoices/I2-" + customer + "/write-offs"), "manager", """
                {"writeOffDate":"2026-06-30","amount":200,"reason":"debtor dissolved"}""").andExpect(status().isCreated());
        get("/api/measures?asOf=2026-06-29", collector).andExpect(jsonPath("$.ar").value(2000.00));
        get("/api/measures?asOf=2026-06-30", collector)
                .andExpect(jsonPath("$.ar").value(1800.00))
                .andExpect(jsonPath("$.currentAr").value(1500.00))
                .andExpect(jsonPath("$.overdueRatio").value(16.7));
        // before any invoice: nothing owed, nothing sold, measures undefined
        get("/api/measures?asOf=2026-01-31", collector)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ar").value(0.00))
                .andExpect(jsonPath("$.sales").value(0.00))
                .andExpect(jsonPath("$.dso").value(nullValue()))
                .andExpect(jsonPath("$.bestPossibleDso").value(nullValue()))
                .andExpect(jsonPath("$.add").value(nullValue()))
                .andExpect(jsonPath("$.countbackDso").value(nullValue()))
                .andExpect(jsonPath("$.overdueRatio").value(nullValue()));
    }

    @Test
    void dsoBestPossibleDsoAddCountbackAndOverdueRatioAtAPastMonthEnd() throws Exception {
        portfolio();
        // 05-31, 90 days (03-02..05-31]: I1 paid; I2 500 overdue; I3 2000 not due; sales 3500
        // DSO 2500/3500*90 = 64.29; BPDSO 2000/3500*90 = 51.43; ADD 500/3500*90 = 12.86
        // count-back: May 2000 (31 days) leaves 500 = April's sales (30 days) -> 61
        get("/api/measures?asOf=2026-05-31&days=90", collector)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2026-05-31"))
                .andExpect(jsonPath("$.days").value(90))
                .andExpect(jsonPath("$.ar").value(2500.00))
                .andExpect(jsonPath("$.currentAr").value(2000.00))
                .andExpect(jsonPath("$.sales").value(3500.00))
                .andExpect(jsonPath("$.dso").value(64.3))
                .andExpect(jsonPath("$.bestPossibleDso").value(51.4))
                .andExpect(jsonPath("$.add").value(12.9))
                .andExpect(jsonPath("$.countbackDso").value(61.0))
                .andExpect(jsonPath("$.overdueRatio").value(20.0));
    }

    @Test
    void measuresDefaultToTodayAndNinetyDays() throws Exception {
        portfolio();
        // 06-30: I2 200 overdue, I3 2000-200-1500 = 300 overdue, I4 1500 not due -> AR 2000
        // sales (04-01..06-30] = 4000; DSO 45; BPDSO 1500/4000*90 = 33.75; ADD 500/4000*90 = 11.25 (exact, not 45.0-33.8)
        // count-back: June 1500 (30 days), then 500 of May's 2000 -> 30 + 7.75
        get("/api/measures", collector)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2026-06-30"))
                .andExpect(jsonPath("$.days").value(90))
                .andExpect(jsonPath("$.ar").value(2000.00))
                .andExpect(jsonPath("$.currentAr").value(1500.00))
                .andExpect(jsonPath("$.sales").value(4000.00))
                .andExpect(jsonPath("$.dso").value(45.0))
                .andExpect(jsonPath("$.bestPossibleDso").value(33.8))
                .andExpect(jsonPath("$.add").value(11.3))
                .andExpect(jsonPath("$.countbackDso").value(37.8))
                .andExpect(jsonPath("$.overdueRatio").value(25.0));
        // 30 days (05-31..06-30]: sales 1500 -> DSO 2000/1500*30 = 40
        get("/api/measures?days=30", collector)
                .andExpect(jsonPath("$.sales").value(1500.00))
                .andExpect(jsonPath("$.dso").value(40.0))
                .andExpect(jsonPath("$.bestPossibleDso").value(30.0))
                .andExpect(jsonPath("$.add").value(10.0));
    }

    @Test
    void ceiOverThreeMonths() throws Exception {
        portfolio();
        // April..June: AR at 03-31 = 1000 (I1, paid later); sales 4000; AR at 06-30 = 2000, current 1500
        // (1000 + 4000/3 - 2000) / (1000 + 4000/3 - 1500) * 100 = 40
        get("/api/measures/cei?from=2026-04&to=2026-06", collector)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.months").value(3))
                .andExpect(jsonPath("$.arStart").value(1000.00))
                .andExpect(jsonPath("$.sales").value(4000.00))
                .andExpect(jsonPath("$.arEnd").value(2000.00))
                .andExpect(jsonPath("$.currentArEnd").value(1500.00))
                .andExpect(jsonPath("$.cei").value(40.0));
        // one month, nothing collectible yet: no figure
        get("/api/measures/cei?from=2026-02&to=2026-02", collector)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cei").value(nullValue()));
    }

    @Test
    void aCollectorSeesOnlyTheirPortfolioAndManagersSeeMore() throws Exception {
        portfolio();
        String other = "mo-" + UUID.randomUUID().toString().substring(0, 8);
        String otherCustomer = other.toUpperCase();
        Api.user(users, other, Role.COLLECTOR);
        customer(otherCustomer, other);
        invoice("O1-" + otherCustomer, otherCustomer, "2026-06-01", "2026-06-10", "700.00");

        get("/api/measures?asOf=2026-06-30", collector).andExpect(jsonPath("$.ar").value(2000.00));
        get("/api/measures?asOf=2026-06-30&days=30", other)
                .andExpect(jsonPath("$.ar").value(700.00))
                .andExpect(jsonPath("$.sales").value(700.00))
                .andExpect(jsonPath("$.overdueRatio").value(100.0))
                .andExpect(jsonPath("$.dso").value(30.0));
        // finance sees everything: at least both portfolios
        get("/api/measures?asOf=2026-06-30", "finance")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ar").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2700.0), Double.class));
    }

    @Test
    void badParametersAnswer400NamingTheField() throws Exception {
        for (String days : new String[] {"0", "3651", "-5", "abc", "1.5"}) {
            get("/api/measures?days=" + days, collector)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("days"));
        }
        get("/api/measures?days=3650", collector).andExpect(status().isOk());
        get("/api/measures?days=1", collector).andExpect(status().isOk());
        for (String asOf : new String[] {"2026-13-01", "30.06.2026", "2026-6-30"}) {
            get("/api/measures?asOf=" + asOf, collector)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        }
        get("/api/measures/cei?from=2026-4&to=2026-06", collector)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        get("/api/measures/cei?from=2026-04&to=2026-13", collector)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        get("/api/measures/cei?from=2026-04", collector)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        get("/api/measures/cei?from=2026-06&to=2026-04", collector)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }
}
