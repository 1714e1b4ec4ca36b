package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The credit section of the customer page in Debian's Chromium (issue 15, item 1): loaded with htmx, it shows a new
 * customer's neutral score and why, the limit; a manager overrides the grade with a reason and an expiry, sees it beside
 * the computed grade, and removes it; a collector sees the section without the form.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CreditBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    Clock clock;

    private String collector;
    private String manager;
    private String code;

    @BeforeEach
    void setUp() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        collector = "crcol" + suffix;
        manager = "crmgr" + suffix;
        code = "CR-" + suffix;
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, manager, Role.MANAGER);
        customers.create(new Customer(code, "信用浏览器测试有限公司", null, "华东", null, null, collector, new BigDecimal("200000.00"), 30, "C",
                List.of()), "browser test");
        openPage();
    }

    @Test
    void aManagerOverridesTheGradeBesideTheComputedOneAndACollectorOnlyReadsIt() {
        login(manager);
        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#credit-score")).hasText("60");
        assertThat(page.locator("#credit-grade")).hasText("C");
        assertThat(page.locator("#credit-reasons")).containsText("尚无交易记录，给予中性评分60分");
        assertThat(page.locator("#credit-limit-use")).containsText("200,000.00");
        assertThat(page.locator("#credit-utilisation")).hasText("0%");
        page.locator("#credit-override-form select[name=grade]").selectOption("B");
        page.locator("#credit-override-form input[name=reason]").fill("母公司提供连带责任担保");
        page.locator("#credit-override-form input[name=expiresOn]").fill(LocalDate.now(clock).plusMonths(3).toString());
        page.locator("#credit-override-submit").click();
        page.waitForURL(Pattern.compile(".*/customers/" + code + "$"));
        assertThat(page.locator(".flash.ok")).containsText("已调整信用等级");
        assertThat(page.locator("#credit-override")).hasText("B");
        assertThat(page.locator("#credit-score-line")).containsText("母公司提供连带责任担保");
        assertThat(page.locator("#credit-grade")).hasText("C");
        shot("credit-section");

        openPage();
        login(collector);
        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#credit-override")).hasText("B");
        assertThat(page.locator("#credit-override-form")).hasCount(0);

        openPage();
        login(manager);
        page.navigate(url("/customers/" + code));
        page.locator("#credit-override-remove button").click();
        page.waitForURL(Pattern.compile(".*/customers/" + code + "$"));
        assertThat(page.locator(".flash.ok")).containsText("已取消等级调整");
        assertThat(page.locator("#credit-grade")).hasText("C");
        assertThat(page.locator("#credit-override")).hasCount(0);
    }
}
