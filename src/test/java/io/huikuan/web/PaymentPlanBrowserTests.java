package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * A payment plan in Debian's Chromium (issue 13, item 1): a collector proposes a plan in the editor (the schedule computed
 * from a down payment, a number of installments and a first date, the policy check shown live), the manager approves it
 * from the approval queue, payments arrive through the API, the second installment is not paid in full, the daily run
 * breaks the plan, and the escalation task shows on the collector's worklist.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "huikuan.outbox.enabled=false")
@Import(MovableClock.Config.class)
class PaymentPlanBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;

    private String collector;
    private String manager;
    private String code;

    @BeforeEach
    void setUp() throws Exception {
        clock.set(LocalDate.parse("2025-06-10"), LocalTime.of(10, 0));
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        collector = "ppcol" + suffix;
        manager = "ppmgr" + suffix;
        code = "PB-" + suffix;
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, manager, Role.MANAGER);
        Api.user(users, "ppfin", Role.FINANCE);
        Api.user(users, "ppadmin", Role.ADMIN);
        api("POST", "/api/customers", "ppadmin", """
                {"code":"%s","name":"分期浏览器测试有限公司","owner":"%s"}""".formatted(code, collector), 201);
        api("POST", "/api/invoices", "ppfin", """
                {"invoiceNo":"%s-A","customerCode":"%s","issueDate":"2025-04-01","dueDate":"2025-05-01","amount":6000.00}""".formatted(code, code), 201);
        openPage();
    }

    /**
     * Waits until htmx has processed what it swapped in: new elements get their triggers in htmx's settle step (after
     * 20 ms, marked {@code htmx-added} until then), so typing into a freshly swapped input at once could go unheard.
     */
    void htmxSettled() {
        page.waitForFunction("() => !document.querySelector('.htmx-added, .htmx-settling, .htmx-swapping, .htmx-request')");
    }

    @Test
    void aCollectorProposesThePlanTheManagerApprovesAMissedInstallmentBreaksItAndEscalates() throws Exception {
        login(collector);
        page.navigate(url("/customers/" + code));
        page.locator("#payment-plan-link a").first().click();
        page.waitForURL(Pattern.compile(".*/payment-plans/new\\?customer=.*"));
        page.locator("input.plan-invoice[value='" + code + "-A']").check();
        page.locator("#plan-down").fill("600");
        page.locator("#plan-count").fill("3");
        page.locator("#plan-first").fill("2025-07-10");
        page.locator("#plan-compute").click();
        assertThat(page.locator("#schedule-table tbody tr")).hasCount(4);
        htmxSettled();
        assertThat(page.locator("#plan-within-policy")).isVisible();
        assertThat(page.locator("#plan-check-result")).hasAttribute("data-authority", "MANAGER");
        page.locator("#schedule-table input.plan-amount").first().fill("100.00");
        assertThat(page.locator("#plan-breaches li[data-code='DOWN_PAYMENT']")).isVisible();
        assertThat(page.locator("#plan-difference")).isVisible();
        htmxSettled();
        page.locator("#schedule-table input.plan-amount").first().fill("600.00");
        assertThat(page.locator("#plan-within-policy")).isVisible();
        shot("payment-plan-editor");
        page.locator("#plan-submit").click();
        page.waitForURL(Pattern.compile(".*/payment-plans/\\d+$"));
        assertThat(page.locator(".flash.ok")).containsText("等待审批");
        assertThat(page.locator("#plan-status")).hasAttribute("data-status", "PENDING_APPROVAL");
        String planUrl = page.url();
        String id = planUrl.substring(planUrl.lastIndexOf('/') + 1);

        openPage();
        login(manager);
        nav("nav-payment-plans");
        page.waitForURL(url("/payment-plans"));
        page.locator("#plans-awaiting-table tr[data-id='" + id + "'] a").first().click();
        page.waitForURL(Pattern.compile(".*/payment-plans/" + id + "$"));
        page.locator("#plan-approve").click();
        page.waitForURL(Pattern.compile(".*/payment-plans/" + id + "$"));
        assertThat(page.locator(".flash.ok")).containsText("已批准");
        assertThat(page.locator("#plan-status")).hasAttribute("data-status", "ACTIVE");

        api("POST", "/api/payments", "ppfin", """
                {"paymentRef":"%s-P1","customerCode":"%s","paymentDate":"2025-06-10","amount":600.00}""".formatted(code, code), 201);
        clock.set(LocalDate.parse("2025-07-10"), LocalTime.of(10, 0));
        api("POST", "/api/payments", "ppfin", """
                {"paymentRef":"%s-P2","customerCode":"%s","paymentDate":"2025-07-10","amount":1000.00}""".formatted(code, code), 201);
        clock.set(LocalDate.parse("2025-07-14"), LocalTime.of(8, 0));
        api("POST", "/api/collection-runs?asOf=2025-07-14", manager, null, 200);

        for (int i = 0; i < 50; i++) {
            page.navigate(planUrl);
            if ("BROKEN".equals(page.locator("#plan-status").getAttribute("data-status"))) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(page.locator("#plan-status")).hasAttribute("data-status", "BROKEN");
        assertThat(page.locator("#plan-installments tr[data-number='2']")).hasAttribute("data-status", "MISSED");
        assertThat(page.locator("#plan-broken-on")).containsText("2025");
        shot("payment-plan-broken");

        openPage();
        login(collector);
        page.navigate(url("/worklist"));
        assertThat(page.locator("body")).containsText("方案 " + id + " 第 2 期未按时付清");
    }
}
