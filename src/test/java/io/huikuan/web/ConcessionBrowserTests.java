package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
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
 * Concessions in Debian's Chromium (issue 13, item 3): a collector proposes a 5,000 penalty waiver on the form (beyond
 * the collector's authority), a manager finds it in the "awaiting my approval" queue through the Work menu, approves it
 * on its page, and the page shows it posted with the manager in the approvals history.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConcessionBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;

    private String collector;
    private String manager;
    private String code;

    @BeforeEach
    void setUp() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        collector = "cncol" + suffix;
        manager = "cnmgr" + suffix;
        code = "CB-" + suffix;
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, manager, Role.MANAGER);
        CurrentUser.runAsSystem(() -> {
            customers.create(new Customer(code, "让步浏览器测试有限公司", null, "华东", null, null, collector, null, null, "C", List.of()), "browser test");
            invoices.create(new Invoice(code + "-A", code, null, LocalDate.now().minusDays(60), LocalDate.now().minusDays(30), new BigDecimal("80000.00"),
                    null, null, null, null), "browser test");
        });
        openPage();
    }

    @Test
    void aCollectorProposesAWaiverAndTheManagerApprovesItOnItsPage() {
        login(collector);
        page.navigate(url("/concessions/new?customer=" + code));
        page.locator("#concession-kind").selectOption("PENALTY_WAIVER");
        page.locator("#concession-invoice-picker input[value='" + code + "-A']").check();
        page.locator("#concession-form input[name=amount]").fill("5,000.00");
        page.locator("#concession-form input[name=reason]").fill("交货延迟，免除违约金");
        page.locator("#concession-submit").click();
        page.waitForURL(Pattern.compile(".*/concessions/\\d+$"));
        String detail = page.url();
        assertThat(page.locator(".flash.ok")).containsText("等待审批");
        assertThat(page.locator("#concession-status")).containsText("待审批");
        assertThat(page.locator("#concession-approve")).hasCount(0);
        shot("concession-proposed");

        openPage();
        login(manager);
        nav("nav-concessions");
        page.waitForURL(url("/concessions"));
        var row = page.locator("#concessions-awaiting-table tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(code));
        assertThat(row).containsText("免除违约金");
        row.locator("a").first().click();
        page.waitForURL(detail);
        page.locator("#concession-approve").click();
        page.waitForURL(detail);
        assertThat(page.locator(".flash.ok")).containsText("已批准并入账");
        assertThat(page.locator("#concession-status")).containsText("已入账");
        assertThat(page.locator("#concession-approvals")).containsText(manager);
        shot("concession-approved");
    }
}
