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
 * The aging report in Debian's Chromium: a collector opens it from the nav, clicks the 61–90 days
 * cell of their customer and sees exactly that cell's invoices and amount; a manager logging in
 * lands on the dashboard. Today is 2026-06-30 in tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AgingBrowserTests extends BrowserTestSupport {


    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;

    private String collector;
    private String code;

    /** One customer of a collector of their own: invoices 0, 45, 61, 75, 90 and 200 days overdue. */
    @BeforeEach
    void portfolio() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        collector = "agbt" + suffix;
        code = "AB-" + suffix;
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, "agbtmanager", Role.MANAGER);
        customers.create(new Customer(code, "账龄浏览器测试有限公司", null, "华东", null, null, collector, null, null, "B", List.of()),
                "browser test");
        invoice("D0", 0, "100.00");
        invoice("D45", 45, "200.00");
        invoice("D61", 61, "300.00");
        invoice("D75", 75, "400.00");
        invoice("D90", 90, "500.00");
        invoice("D200", 200, "700.00");
        openPage();
    }

    @Test
    void clickingACellListsExactlyItsInvoices() {
        login(collector, "/worklist");
        nav("nav-aging");
        page.waitForURL(Pattern.compile(".*/aging$"));
        assertThat(page.locator("h1")).hasText("账龄报表");
        assertThat(page.locator("#aging-table tbody tr")).hasCount(1);
        assertThat(page.locator("#cell-0-3")).hasText("1,200.00");
        assertThat(page.locator("#cell-0-total")).hasText("2,200.00");
        shot("aging");

        page.locator("#cell-0-3").click();
        page.waitForURL(Pattern.compile(".*/aging/invoices\\?asOf=2026-06-30&groupBy=customer&key=" + code + "&bucket=3$"));
        assertThat(page.locator("#cell-amount")).hasText("1,200.00");
        assertThat(page.locator("#cell-key")).hasText(code);
        assertThat(page.locator("#cell-bucket")).hasText("逾期 61–90 天");
        assertThat(page.locator("#cell-invoices tbody tr")).hasCount(3);
        assertThat(page.locator("#cell-invoices tbody tr td:first-child a").allTextContents().stream().map(String::trim).toList())
                .containsExactly(no("D90"), no("D75"), no("D61"));
        shot("aging-cell");

        // back to the report, another grouping, then the row's total
        page.locator("#aging-back").click();
        page.selectOption("select[name=groupBy]", "owner");
        page.locator("#aging-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/aging\\?asOf=2026-06-30&groupBy=owner&bucketSet=$"));
        page.locator("#cell-0-total").click();
        assertThat(page.locator("#cell-amount")).hasText("2,200.00");
        assertThat(page.locator("#cell-invoices tbody tr")).hasCount(6);
    }

    @Test
    void aManagerLandsOnTheDashboard() {
        login("agbtmanager", "/dashboard");
        assertThat(page.locator("h1")).hasText("管理仪表盘");
        page.locator("#menu-reports > summary").click();
        assertThat(page.locator("#nav-provisions")).isVisible();
    }


    private void invoice(String name, int daysOverdue, String amount) {
        LocalDate due = LocalDate.of(2026, 6, 30).minusDays(daysOverdue);
        invoices.create(new Invoice(no(name), code, null, due.minusDays(30), due, new BigDecimal(amount), null, null, null, null), null);
    }

    private String no(String name) {
        return code + "-" + name;
    }

}
