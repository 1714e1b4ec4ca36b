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
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The limitation report in Debian's Chromium: legal opens it from the Reports menu, finds the customer's invoice
 * expiring, records the debtor's signed confirmation with the form and lands on the customer's view, where the
 * event counts and the clock runs again for three years. Today is 2026-06-30 in tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LimitationBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;

    private String code;

    @BeforeEach
    void portfolio() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        code = "LB-" + suffix;
        Api.user(users, "lbtlegal", Role.LEGAL);
        customers.create(new Customer(code, "时效浏览器测试有限公司", null, "华东", null, null, "lbtlegal", null, null, "C", List.of()), "browser test");
        invoices.create(new Invoice(code + "-1", code, null, LocalDate.parse("2023-06-01"), LocalDate.parse("2023-08-15"), new BigDecimal("4321.00"),
                "CNY", null, null, null), "browser test");
        openPage();
    }

    @Test
    void legalRecordsASignedConfirmationAndTheClockRestarts() {
        login("lbtlegal");
        nav("nav-limitation");
        page.waitForURL(Pattern.compile(".*/legal/limitation$"));
        page.fill("#limitation-filters input[name=customer]", code);
        page.locator("#limitation-filters button[type=submit]").click();
        assertThat(page.locator("#limitation-table tbody tr")).hasCount(1);
        assertThat(page.locator("#limitation-table tbody tr td").nth(5)).hasText("2026-08-15");
        assertThat(page.locator("#limitation-table tbody tr")).containsText("即将届满");
        shot("limitation");

        page.fill("#limitation-event-form input[name=customerCode]", code);
        page.fill("#limitation-event-form input[name=invoiceNos]", code + "-1");
        page.fill("#limitation-event-form input[name=date]", "2026-06-20");
        page.selectOption("#limitation-event-form select[name=kind]", "ACKNOWLEDGED");
        page.fill("#limitation-event-form input[name=evidence]", "对账确认函签回原件 BC-77");
        page.locator("#limitation-event-submit").click();
        page.waitForURL(Pattern.compile(".*/legal/limitation/customers/" + code + "$"));
        assertThat(page.locator("#limitation-timeline tbody tr")).hasCount(1);
        assertThat(page.locator("#limitation-timeline tbody tr")).containsText("对账确认函签回原件 BC-77");
        assertThat(page.locator("#limitation-timeline tbody tr")).containsText("中断");
        assertThat(page.locator("#limitation-customer-table tbody tr td").nth(4)).hasText("2029-06-20");
        assertThat(page.locator("#limitation-customer-table tbody tr")).containsText("进行中");
        shot("limitation-customer");
    }
}
