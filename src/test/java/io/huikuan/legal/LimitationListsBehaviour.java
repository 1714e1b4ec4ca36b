package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.SystemTasks;
import io.huikuan.worklist.TaskKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The limitation clock in other lists (issue 14): the "limitation" column and filter (expiring, expired) on the
 * worklist (per task, the customer's open invoice whose period ends first), the invoice list and the customer's open
 * invoices, and the dashboard KPI (open amount expiring within 180 days, per currency). Three customers, as of
 * 2025-12-01: one with an invoice whose period ended on 2025-10-10 and one ending 2026-05-10 (EXPIRED and EXPIRING),
 * one ending 2026-03-10 (EXPIRING), one ending 2027-03-10 (RUNNING). H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class LimitationListsBehaviour {

    static final LocalDate AS_OF = LocalDate.parse("2025-12-01");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;
    @Autowired
    SystemTasks systemTasks;
    @Autowired
    JdbcClient jdbc;

    String token;
    String collector;
    String expired;
    String expiring;
    String running;
    String expiredInvoice;
    String laterInvoice;
    String expiringInvoice;
    String runningInvoice;

    @BeforeEach
    void setUp() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "legal", Role.LEGAL);
        Api.user(users, "manager", Role.MANAGER);
        token = UUID.randomUUID().toString().substring(0, 8);
        collector = "ll-" + token;
        Api.user(users, collector, Role.COLLECTOR);
        clock.set(AS_OF, LocalTime.of(10, 0));
        expired = customer("X");
        expiredInvoice = invoice(expired, "A", "2022-10-10", "1000.00");
        laterInvoice = invoice(expired, "B", "2023-05-10", "300.00");
        expiring = customer("E");
        expiringInvoice = invoice(expiring, "A", "2023-03-10", "2500.00");
        running = customer("R");
        runningInvoice = invoice(running, "A", "2024-03-10", "4000.00");
        for (String c : List.of(expired, expiring, running)) {
            long id = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(c).query(Long.class).single();
            systemTasks.open(new SystemTasks.NewTask(id, "F:t-" + token, TaskKind.FOLLOW_UP, Channel.PHONE, Role.COLLECTOR, collector, AS_OF,
                    new BigDecimal("100.00"), 10, null, null));
        }
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    String customer(String suffix) throws Exception {
        String code = "LL-" + token + "-" + suffix;
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"时效列表 %s","owner":"%s","grade":"C"}""".formatted(code, code, collector)).andExpect(status().isCreated());
        return code;
    }

    String invoice(String customer, String suffix, String due, String amount) throws Exception {
        String no = customer + "-" + suffix;
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(no, customer, LocalDate.parse(due).minusDays(30), due, amount)).andExpect(status().isCreated());
        return no;
    }

    List<String> worklistCustomers(String limitation) throws Exception {
        JsonNode body = Api.json(call(get("/api/worklist?date=" + AS_OF + "&customer=LL-" + token + "&size=200"
                + (limitation == null ? "" : "&limitation=" + limitation)), collector, null).andExpect(status().isOk()));
        List<String> codes = new ArrayList<>();
        body.get("items").forEach(t -> codes.add(t.get("customerCode").asString()));
        return codes;
    }

    List<String> invoiceNos(String limitation) throws Exception {
        JsonNode body = Api.json(call(get("/api/invoices?q=LL-" + token + "&size=200&limitation=" + limitation), "finance", null)
                .andExpect(status().isOk()));
        List<String> nos = new ArrayList<>();
        body.get("items").forEach(i -> nos.add(i.get("invoiceNo").asString()));
        return nos;
    }

    static String page(ResultActions r) throws Exception {
        return r.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theWorklistFiltersTasksByTheirCustomersLimitation() throws Exception {
        assertThat(worklistCustomers(null)).containsExactlyInAnyOrder(expired, expiring, running);
        assertThat(worklistCustomers("expiring")).as("an invoice ends within 180 days").containsExactlyInAnyOrder(expired, expiring);
        assertThat(worklistCustomers("EXPIRED")).containsExactly(expired);
        call(get("/api/worklist?limitation=soon"), collector, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limitation"));
    }

    @Test
    void theWorklistShowsPerTaskTheFirstEndingPeriodOfTheCustomer() throws Exception {
        String html = page(call(get("/worklist?lang=en&customer=LL-" + token), collector, null));
        assertThat(html).contains("id=\"limitation-filter\"");
        assertThat(cell(html, expired)).as("the expired invoice ends first").contains("data-limit=\"EXPIRED\"")
                .contains("2025-10-10 · 52 days ago");
        assertThat(cell(html, expiring)).contains("data-limit=\"EXPIRING\"").contains("2026-03-10 · 99 days left");
        assertThat(cell(html, running)).contains("data-limit=\"RUNNING\"").contains("2027-03-10 · 464 days left");
        String filtered = page(call(get("/worklist?limitation=expired&customer=LL-" + token), collector, null));
        assertThat(filtered).contains(expired).doesNotContain(expiring + "<").doesNotContain(running + "<");
    }

    /** The worklist row of a customer, from its customer link to the end of the row. */
    static String cell(String html, String customer) {
        Matcher m = Pattern.compile(Pattern.quote(customer) + "</span>.*?</tr>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("row of " + customer).isTrue();
        return m.group();
    }

    @Test
    void theInvoiceListFiltersAndShowsTheLimitation() throws Exception {
        assertThat(invoiceNos("expiring")).containsExactlyInAnyOrder(laterInvoice, expiringInvoice);
        assertThat(invoiceNos("expired")).containsExactly(expiredInvoice);
        call(get("/api/invoices?limitation=later"), "finance", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limitation"));
        String html = page(call(get("/invoices?lang=en&limitation=expiring&q=LL-" + token), "finance", null));
        assertThat(html).contains(expiringInvoice, laterInvoice, "data-limit=\"EXPIRING\"", "2026-03-10 · 99 days left")
                .doesNotContain(">" + expiredInvoice + "<").doesNotContain(">" + runningInvoice + "<");
        String bad = page(call(get("/invoices?lang=en&limitation=later"), "finance", null));
        assertThat(bad).contains("one of expiring, expired");
        String customerPage = page(call(get("/customers/" + expired + "?lang=en"), "finance", null));
        assertThat(customerPage).contains("2025-10-10 · 52 days ago", "2026-05-10 · 160 days left");
    }

    @Test
    void anInterruptionTakesTheInvoiceOutOfTheFilter() throws Exception {
        call(post("/api/limitation-events"), "legal", """
                {"customerCode":"%s","invoiceNos":["%s"],"date":"2025-11-30","kind":"ACKNOWLEDGED","evidence":"分期还款计划"}"""
                .formatted(expiring, expiringInvoice)).andExpect(status().isCreated());
        assertThat(invoiceNos("expiring")).containsExactly(laterInvoice);
        assertThat(worklistCustomers("expiring")).containsExactly(expired);
        // a part payment is part performance (SPC limitation rules art. 14): the period of that invoice runs again
        call(post("/api/payments"), "finance", """
                {"paymentRef":"LLP-%s","customerCode":"%s","paymentDate":"2025-11-15","amount":100.00,
                 "allocations":[{"invoiceNo":"%s","amount":100.00}]}""".formatted(token, expired, laterInvoice)).andExpect(status().isCreated());
        assertThat(invoiceNos("expiring")).isEmpty();
        assertThat(invoiceNos("expired")).containsExactly(expiredInvoice);
        assertThat(worklistCustomers("expiring")).isEmpty();
        String customerPage = page(call(get("/customers/" + expired + "?lang=en"), "finance", null));
        assertThat(customerPage).contains("2028-11-15 · 1,080 days left");
    }

    @Test
    void theDashboardShowsTheOpenAmountExpiringWithin180DaysForManagersLegalAndFinance() throws Exception {
        assertThat(page(call(get("/dashboard"), "manager", null))).contains("hx-get=\"/dashboard/limitation\"");
        assertThat(page(call(get("/dashboard"), collector, null))).doesNotContain("/dashboard/limitation");
        call(get("/dashboard/limitation"), collector, null).andExpect(status().isForbidden());

        BigDecimal before = kpi("finance");
        invoice(running, "S", "2023-04-01", "1234.56"); // ends 2026-04-01, 121 days away
        invoice(running, "T", "2023-06-15", "99.99"); // ends 2026-06-15, 196 days away: outside
        assertThat(kpi("finance").subtract(before)).isEqualByComparingTo("1234.56");
        assertThat(kpi("legal").subtract(before)).isEqualByComparingTo("1234.56");
        String html = page(call(get("/dashboard/limitation?lang=en"), "manager", null));
        assertThat(html).contains("Limitation runs out within 180 days", "href=\"/legal/limitation?status=EXPIRING\"");
    }

    /** The KPI's CNY figure. */
    BigDecimal kpi(String user) throws Exception {
        String html = page(call(get("/dashboard/limitation"), user, null));
        Matcher m = Pattern.compile("data-currency=\"CNY\"[^>]*>CNY ([0-9,.]+)<").matcher(html);
        return m.find() ? new BigDecimal(m.group(1).replace(",", "")) : BigDecimal.ZERO;
    }
}
