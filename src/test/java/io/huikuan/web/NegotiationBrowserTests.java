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
 * The offers log in Debian's Chromium (issue 13, item 5): a collector opens the negotiation history from the customer
 * page's negotiation panel (loaded with htmx), logs the customer's offer, is told in Chinese when the terms are missing,
 * then logs that we refused it; the manager sees the history with the answer, and the panel shows the latest offers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NegotiationBrowserTests extends BrowserTestSupport {

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
        collector = "ngcol" + suffix;
        manager = "ngmgr" + suffix;
        code = "NB-" + suffix;
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, manager, Role.MANAGER);
        customers.create(new Customer(code, "谈判浏览器测试有限公司", null, "华东", null, null, collector, null, null, "C", List.of()), "browser test");
        openPage();
    }

    @Test
    void aCollectorLogsTheCustomersOfferAndItsRefusalAndTheManagerSeesTheHistory() {
        login(collector);
        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#negotiation-panel-empty")).containsText("尚无报价记录");
        page.locator("#negotiation-link").click();
        page.waitForURL(Pattern.compile(".*/customers/" + code + "/negotiation$"));
        assertThat(page.locator("h1")).containsText("谈判记录");

        page.locator("#offer-form select[name=side]").selectOption("THEIRS");
        page.locator("#offer-form select[name=kind]").selectOption("PAYMENT_PLAN");
        page.locator("#offer-form input[name=amount]").fill("45,000.00");
        page.locator("#offer-form textarea[name=terms]").fill("分三期付清，每期一万五千元，免除逾期利息");
        page.locator("#offer-submit").click();
        page.waitForURL(Pattern.compile(".*/customers/" + code + "/negotiation$"));
        assertThat(page.locator(".flash.ok")).containsText("已记录报价");
        assertThat(page.locator("#offers-table tbody tr")).hasCount(1);
        assertThat(page.locator("#offers-table tbody tr").first()).containsText("45,000.00");
        assertThat(page.locator("#offers-table tbody tr").first()).containsText("待答复");

        page.locator("#offer-form select[name=side]").selectOption("OURS");
        page.locator("#offer-form textarea[name=terms]").evaluate("t => t.removeAttribute('required')");
        page.locator("#offer-submit").click();
        page.waitForURL(Pattern.compile(".*/customers/" + code + "/negotiation$"));
        assertThat(page.locator(".flash.bad")).containsText("条件");

        page.locator(".offer-answer input[name=note]").fill("首期太少");
        page.locator(".offer-refuse").click();
        page.waitForURL(Pattern.compile(".*/customers/" + code + "/negotiation$"));
        assertThat(page.locator("#offers-table tbody tr").first()).containsText("已拒绝");
        assertThat(page.locator("#offers-table tbody tr").first()).containsText("首期太少");
        assertThat(page.locator(".offer-answer")).hasCount(0);
        shot("negotiation-history");

        openPage();
        login(manager);
        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#negotiation-panel-offers")).containsText("分三期付清");
        assertThat(page.locator("#negotiation-panel-offers")).containsText("已拒绝");
        shot("negotiation-panel");
        page.navigate(url("/customers/" + code + "/negotiation?lang=en"));
        assertThat(page.locator("#offers-table")).containsText("Refused");
        assertThat(page.locator("#offers-table")).containsText("Customer");
        shot("negotiation-history-en");
    }
}
