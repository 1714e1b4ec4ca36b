package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The dashboard in Debian's Chromium: a collector opens it, clicks the 61–90 days bar of the real
 * Chart.js chart and lands on the invoice list showing exactly that bucket's invoices; clicking
 * the owner bar lists all of the collector's overdue invoices. Today is 2026-06-30 in tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DashboardBrowserTests extends BrowserTestSupport {


    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;

    private String collector;
    private String code;

    /**
     * A collector of their own with one customer: invoices 0, 60, 61, 75, 90, 91 and 200 days
     * overdue; the 61–90 bucket holds exactly the 61, 75 and 90 days ones.
     */
    @BeforeEach
    void portfolio() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        collector = "dashbt" + suffix;
        code = "DB-" + suffix;
        Api.user(users, collector, Role.COLLECTOR);
        // outside a request the services act as the system user
        customers.create(new Customer(code, "仪表盘浏览器测试有限公司", null, "华东", null, null, collector, null, null, "B", List.of()),
                "browser test");
        invoice("D0", 0, "100.00");
        invoice("D60", 60, "200.00");
        invoice("D61", 61, "300.00");
        invoice("D75", 75, "400.00");
        invoice("D90", 90, "500.00");
        invoice("D91", 91, "600.00");
        invoice("D200", 200, "700.00");
        openPage();
    }

    @Test
    void clickingTheBarOfABucketListsExactlyItsInvoices() {
        login();
        page.navigate(url("/dashboard"));
        assertThat(page.locator("h1")).hasText("管理仪表盘");
        assertThat(page.locator("#dash-total")).hasText("2,800.00");
        assertThat(page.locator("#dash-overdue")).hasText("2,700.00");
        shot("dashboard");

        clickBar("dash-aging-chart", 3);
        page.waitForURL(Pattern.compile(".*/invoices\\?status=overdue&dueFrom=2026-04-01&dueTo=2026-04-30$"));
        assertThat(page.locator("#invoice-table tbody tr")).hasCount(3);
        assertThat(invoiceNumbers()).containsExactlyInAnyOrder(no("D61"), no("D75"), no("D90"));

        page.navigate(url("/dashboard"));
        clickBar("dash-owner-chart", 0);
        page.waitForURL(Pattern.compile(".*/invoices\\?status=overdue&owner=" + collector + "$"));
        assertThat(invoiceNumbers()).containsExactlyInAnyOrder(no("D60"), no("D61"), no("D75"), no("D90"), no("D91"), no("D200"));
    }

    /** Clicks the middle of bar {@code index} of a chart at its pixel position, as Chart.js laid it out. */
    private void clickBar(String chartId, int index) {
        page.waitForFunction("id => window.huikuanCharts && window.huikuanCharts[id]", chartId);
        page.locator("#" + chartId).scrollIntoViewIfNeeded();
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) page.evaluate("""
                ([id, i]) => {
                  const chart = window.huikuanCharts[id];
                  const bar = chart.getDatasetMeta(0).data[i];
                  const box = chart.canvas.getBoundingClientRect();
                  return [box.left + bar.x, box.top + (bar.y + bar.base) / 2];
                }""", List.of(chartId, index));
        page.mouse().click(xy.get(0).doubleValue(), xy.get(1).doubleValue());
    }

    private List<String> invoiceNumbers() {
        return page.locator("#invoice-table tbody tr td:first-child a").allTextContents().stream().map(String::trim).toList();
    }

    private void login() {
        login(collector, "/worklist");
    }

    private void invoice(String name, int daysOverdue, String amount) {
        LocalDate due = LocalDate.of(2026, 6, 30).minusDays(daysOverdue);
        invoices.create(new Invoice(no(name), code, null, due.minusDays(30), due, new BigDecimal(amount), null, null, null, null), null);
    }

    private String no(String name) {
        return code + "-" + name;
    }

}
