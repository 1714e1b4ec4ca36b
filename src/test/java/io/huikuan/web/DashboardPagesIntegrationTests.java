package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
import io.huikuan.ledger.Payment;
import io.huikuan.ledger.PaymentMethod;
import io.huikuan.ledger.PaymentService;
import io.huikuan.ledger.PaymentService.PaymentRequest;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard renders in Chinese and English for a manager and a collector and shows the exact
 * numbers of a small portfolio of its own collector, with each bar's link to the invoices behind
 * it. Today is 2026-06-30 in tests.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardPagesIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;

    private String collector;
    private String a;
    private String b;

    /**
     * A collector of their own with: 400.00 not due, 100.00 30 days overdue, 980.00 (1000.00 less a
     * payment of 20.00) 90 days overdue and 70.00 394 days overdue: AR 1,550.00, overdue 1,150.00.
     * Sales in the 90 days to 2026-06-30 are 500.00, so DSO = 279.0, BPDSO = 72.0, ADD = 207.0.
     */
    @BeforeEach
    void portfolio() {
        int n = SEQ.incrementAndGet();
        String suffix = n + "x" + System.nanoTime() % 100_000;
        collector = "dashc" + suffix;
        Api.user(users, "manager1", Role.MANAGER);
        Api.user(users, collector, Role.COLLECTOR);
        a = "DP-A" + suffix;
        b = "DP-B" + suffix;
        customers.create(new Customer(a, "仪表盘甲公司", null, "华东", null, null, collector, null, null, "B", List.of()), "test data");
        customers.create(new Customer(b, "仪表盘乙公司", null, "华北", null, null, collector, null, null, "C", List.of()), "test data");
        invoice(a + "-1", a, "2026-06-15", "2026-07-15", "400.00");
        invoice(a + "-2", a, "2026-05-01", "2026-05-31", "100.00");
        invoice(b + "-1", b, "2026-03-01", "2026-04-01", "1000.00");
        invoice(b + "-2", b, "2025-05-01", "2025-06-01", "70.00");
        payments.post(new PaymentRequest(b + "-P", b, LocalDate.of(2026, 6, 1), new BigDecimal("20.00"), null,
                PaymentMethod.BANK_TRANSFER, null, List.of(new Payment.Allocation(b + "-1", new BigDecimal("20.00"))), false), null);
    }

    @Test
    void rendersInChineseAndEnglishForAManagerAndACollector() throws Exception {
        for (String lang : List.of("zh-CN", "en")) {
            for (UserRequestPostProcessor who : List.of(user("manager1").roles(Role.MANAGER.name()),
                    user(collector).roles(Role.COLLECTOR.name()))) {
                String html = page(lang, who);
                assertThat(html).as(lang).doesNotContain("??").doesNotContain("${")
                        .contains("id=\"dash-aging-chart\"", "id=\"dash-trend-chart\"", "/js/dashboard.js", "chart.umd.min.js",
                                "id=\"nav-dashboard\"");
            }
        }
        assertThat(page("zh-CN", asCollector())).contains("管理仪表盘", "逾期 1–30 天", "逾期 365 天以上", "倒推法 DSO", "信用研究基金会");
        assertThat(page("en", asCollector())).contains("Management dashboard", "1–30 days overdue", "Over 365 days overdue",
                "Count-back DSO", "Credit Research Foundation");
    }

    @Test
    void theCollectorSeesTheNumbersOfTheirPortfolio() throws Exception {
        String html = page("en", asCollector());
        assertThat(text(html, "dash-total")).isEqualTo("1,550.00");
        assertThat(text(html, "dash-overdue")).isEqualTo("1,150.00");
        assertThat(text(html, "dash-not-due")).isEqualTo("400.00");
        // aging bars: amounts per default bucket
        assertThat(bucketRow(html, 0)).contains("data-value=\"400.00\"");
        assertThat(bucketRow(html, 1)).contains("data-value=\"100.00\"");
        assertThat(bucketRow(html, 2)).contains("data-value=\"0.00\"");
        assertThat(bucketRow(html, 3)).contains("data-value=\"980.00\"");
        assertThat(bucketRow(html, 6)).contains("data-value=\"70.00\"");
        // overdue by owner: only the collector, with the overdue amount
        assertThat(html).contains("data-label=\"" + collector + "\" data-value=\"1150.00\" data-href=\"/invoices?status=overdue&amp;owner="
                + collector + "\"");
        // the trend at 2026-06-30
        String last = html.substring(html.indexOf("data-label=\"2026-06-30\""));
        assertThat(last.substring(0, last.indexOf("</tr>"))).contains("279.0|72.0|207.0|");
        // 24 month ends
        assertThat(html).contains("data-label=\"2024-07-31\"").doesNotContain("data-label=\"2024-06-30\"");
        // top overdue customers link to their pages
        assertThat(html).contains("href=\"/customers/" + b + "\"", "href=\"/customers/" + a + "\"");
        assertThat(html.indexOf("href=\"/customers/" + b + "\"")).isLessThan(html.indexOf("href=\"/customers/" + a + "\""));
    }

    @Test
    void everyBarLinksToTheInvoicesBehindIt() throws Exception {
        String html = page("zh-CN", asCollector());
        assertThat(bucketRow(html, 0)).contains("data-href=\"/invoices?status=open&amp;dueFrom=2026-06-30\"");
        assertThat(bucketRow(html, 1)).contains("data-href=\"/invoices?status=overdue&amp;dueFrom=2026-05-31&amp;dueTo=2026-06-29\"");
        assertThat(bucketRow(html, 2)).contains("data-href=\"/invoices?status=overdue&amp;dueFrom=2026-05-01&amp;dueTo=2026-05-30\"");
        assertThat(bucketRow(html, 3)).contains("data-href=\"/invoices?status=overdue&amp;dueFrom=2026-04-01&amp;dueTo=2026-04-30\"");
        assertThat(bucketRow(html, 4)).contains("data-href=\"/invoices?status=overdue&amp;dueFrom=2026-01-01&amp;dueTo=2026-03-31\"");
        assertThat(bucketRow(html, 5)).contains("data-href=\"/invoices?status=overdue&amp;dueFrom=2025-06-30&amp;dueTo=2025-12-31\"");
        assertThat(bucketRow(html, 6)).contains("data-href=\"/invoices?status=overdue&amp;dueTo=2025-06-29\"");

        // the 61-90 bucket's list holds exactly b-1
        String list = mvc.perform(get("/invoices").param("status", "overdue").param("dueFrom", "2026-04-01").param("dueTo", "2026-04-30")
                .param("lang", "en").with(asCollector())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(b + "-1").doesNotContain(b + "-2").doesNotContain(a + "-1").doesNotContain(a + "-2");
    }

    private String page(String lang, UserRequestPostProcessor who) throws Exception {
        return mvc.perform(get("/dashboard").param("lang", lang).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The text of the element with this id (up to its first child tag). */
    private static String text(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        int start = html.indexOf('>', at) + 1;
        return html.substring(start, html.indexOf('<', start));
    }

    private static String bucketRow(String html, int index) {
        int at = html.indexOf("id=\"dash-bucket-" + index + "\"");
        assertThat(at).as("bucket row " + index).isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    private UserRequestPostProcessor asCollector() {
        return user(collector).roles(Role.COLLECTOR.name());
    }

    private void invoice(String no, String customer, String issue, String due, String amount) {
        invoices.create(new Invoice(no, customer, null, LocalDate.parse(issue), LocalDate.parse(due), new BigDecimal(amount),
                null, null, null, null), null);
    }
}
