package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The supply hold in Debian's Chromium (issue 13, item 4): a collector proposes a hold from the customer page's panel
 * (loaded with htmx), a manager finds it on /holds through the Work menu and approves it, and the customer page's header
 * then says the supply is on hold; the manager releases it from the panel.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SupplyHoldBrowserTests extends BrowserTestSupport {

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
        collector = "shcol" + suffix;
        manager = "shmgr" + suffix;
        code = "SB-" + suffix;
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, manager, Role.MANAGER);
        customers.create(new Customer(code, "停供浏览器测试有限公司", null, "华东", null, null, collector, null, null, "C", List.of()), "browser test");
        openPage();
    }

    @Test
    void aCollectorProposesAHoldTheManagerApprovesItAndTheCustomerHeaderShowsIt() {
        login(collector);
        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#supply-hold-badge")).containsText("正常供货");
        page.locator("#supply-hold-form input[name=reason]").fill("三个月未回款，建议停止发货");
        page.locator("#supply-hold-submit").click();
        page.waitForURL(Pattern.compile(".*/customers/" + code + "$"));
        assertThat(page.locator(".flash.ok")).containsText("等待主管批准");
        assertThat(page.locator("#supply-hold-history")).containsText("待审批");
        shot("supply-hold-proposed");

        openPage();
        login(manager);
        nav("nav-holds");
        page.waitForURL(url("/holds"));
        var row = page.locator("#holds-table tr[data-customer='" + code + "']");
        assertThat(row).containsText("三个月未回款");
        row.locator(".hold-approve button").click();
        page.waitForURL(url("/holds"));
        assertThat(page.locator(".flash.ok")).containsText("已批准停供");
        assertThat(page.locator("#holds-table tr[data-customer='" + code + "']")).hasAttribute("data-status", "ACTIVE");
        shot("supply-holds");

        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#supply-hold-badge")).containsText("停止供货");
        page.locator("#supply-release-form input[name=reason]").fill("客户已付清逾期款");
        page.locator("#supply-release-submit").click();
        page.waitForURL(Pattern.compile(".*/customers/" + code + "$"));
        assertThat(page.locator(".flash.ok")).containsText("已解除停供");
        assertThat(page.locator("#supply-hold-badge")).containsText("正常供货");
    }
}
