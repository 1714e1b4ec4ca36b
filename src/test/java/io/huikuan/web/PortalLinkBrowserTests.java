package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The debtor portal's link in Debian's Chromium (issue 16, items 1 and 4): the collector makes a link in the customer
 * page's portal panel (an htmx form that carries the CSRF token), copies the address shown once; the debtor opens it
 * on a phone (390×844) without any login and sees the open invoice, in Chinese and then in English, without a
 * horizontal scroll; a mistyped link shows how to get a new one; the collector then sees the visit.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PortalLinkBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;

    private String collector;
    private String code;

    @BeforeEach
    void setUp() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        collector = "plcol" + suffix;
        code = "PB-" + suffix;
        Api.user(users, collector, Role.COLLECTOR);
        customers.create(new Customer(code, "门户浏览器测试有限公司", null, "华东", null, null, collector, null, null, "C", List.of()), "browser test");
        LocalDate due = LocalDate.of(2026, 6, 30).minusDays(20); // the tests' today (huikuan.today)
        invoices.create(new Invoice(code + "-INV1", code, null, due.minusDays(30), due, new BigDecimal("2345.60"), null, null, null, null), null);
        openPage();
    }

    @Test
    void theCollectorMakesALinkAndTheDebtorOpensItOnAPhone() {
        login(collector);
        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#portal-panel")).containsText("还没有门户链接");
        page.locator("#portal-create input[name=expiresInDays]").fill("7");
        page.locator("#portal-create button[type=submit]").click();
        assertThat(page.locator("#portal-created-url")).isVisible();
        String link = page.locator("#portal-created-url").inputValue();
        String path = link.substring(link.indexOf("/portal/"));
        assertThat(page.locator("#portal-links tr[data-status=ACTIVE]")).hasCount(1);
        shot("portal-panel");

        openPage(390, 844);
        page.navigate(url(path));
        assertThat(page.locator("#portal-customer")).hasText("门户浏览器测试有限公司");
        assertThat(page.locator("#portal-invoices")).containsText(code + "-INV1");
        assertThat(page.locator("#portal-invoices")).containsText("2,345.60");
        assertThat(page.locator("#portal-invoices")).containsText("已逾期");
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scroll at 390 px").isTrue();
        shot("portal-start-390");
        page.locator("#portal-lang a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("English")).click();
        assertThat(page.locator("#portal-invoices")).containsText("Open invoices");
        page.navigate(url(path.substring(0, path.length() - 2) + "xx"));
        assertThat(page.locator("#portal-refused")).containsText("ask your contact at our company for a new link");

        openPage();
        login(collector);
        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#portal-links .portal-opened")).containsText("已打开 2 次");
        assertThat(page.locator("#portal-access")).containsText("打开");
    }
}
