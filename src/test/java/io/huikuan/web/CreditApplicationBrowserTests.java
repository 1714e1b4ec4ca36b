package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Credit applications in Debian's Chromium (issue 15, item 3): a collector applies for a higher limit from the customer
 * page's credit section, a manager approves it in the queue beside the policy's recommendation, and the customer's new limit
 * and its history show on the customer page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CreditApplicationBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;

    private String collector;
    private String manager;
    private String code;

    @BeforeEach
    void setUp() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        collector = "cacol" + suffix;
        manager = "camgr" + suffix;
        code = "CAB-" + suffix;
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, manager, Role.MANAGER);
        customers.create(new Customer(code, "额度申请浏览器测试有限公司", null, "华东", null, null, collector, new BigDecimal("200000.00"), 30, "C",
                List.of()), "browser test");
        openPage();
    }

    void htmxSettled() {
        page.waitForFunction("() => !document.querySelector('.htmx-added, .htmx-settling, .htmx-swapping, .htmx-request')");
    }

    @Test
    void aCollectorAppliesForAHigherLimitAManagerApprovesItInTheQueueAndTheNewLimitShows() {
        login(collector);
        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#credit-score")).hasText("60");
        htmxSettled();
        page.locator("#credit-apply summary").click();
        page.locator("#credit-apply-form input[name=requestedLimit]").fill("450000");
        page.locator("#credit-apply-form input[name=creditDays]").fill("60");
        page.locator("#credit-apply-form input[name=revenue]").fill("10,000,000");
        page.locator("#credit-apply-form input[name=profit]").fill("600000");
        page.locator("#credit-apply-form input[name=equity]").fill("5000000");
        page.locator("#credit-apply-form input[name=totalLiabilities]").fill("3000000");
        page.locator("#credit-apply-form input[name=bankReferences]").fill("建设银行：结算往来三年，无不良");
        page.locator("#credit-apply-submit").click();
        page.waitForURL(Pattern.compile(".*/customers/" + code + "$"));
        assertThat(page.locator(".flash.ok")).containsText("已提交");
        assertThat(page.locator("#credit-applications tr[data-status=SUBMITTED]")).hasCount(1);

        openPage();
        login(manager);
        page.navigate(url("/credit/applications"));
        var row = page.locator("#credit-app-table tr[data-customer='" + code + "']");
        assertThat(row.locator(".recommended")).hasText("1,000,000.00");
        assertThat(row).containsText("年营业收入10000000.00的10%：1000000.00");
        assertThat(row).containsText("建设银行");
        shot("credit-application-queue");
        row.locator("form.app-approve input[name=note]").fill("回款记录良好");
        row.locator("form.app-approve button").click();
        page.waitForURL(Pattern.compile(".*/credit/applications$"));
        assertThat(page.locator(".flash.ok")).containsText("已批准");
        assertThat(page.locator("#credit-app-table tr[data-customer='" + code + "']")).hasCount(0);

        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#credit-limit-use")).containsText("450,000.00");
        assertThat(page.locator("#credit-limit-history tr[data-source=APPLICATION]")).containsText("450,000.00");
        assertThat(page.locator("#credit-limit-history tr[data-source=APPLICATION]")).containsText("回款记录良好");
        assertThat(page.locator("#credit-applications tr[data-status=APPROVED]")).hasCount(1);
        shot("credit-limit-history");
    }
}
