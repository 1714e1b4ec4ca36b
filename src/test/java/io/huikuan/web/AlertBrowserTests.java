package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.huikuan.credit.AlertEvaluator;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
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
 * Early-warning alerts in Debian's Chromium (issue 15, item 4): the header's badge counts a collector's open alerts, the
 * inbox resolves one with a note (the badge goes down), the customer page lists the one left, and a manager's dry run of
 * a rule in the rule editor shows how many alerts it would raise.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AlertBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    AlertEvaluator evaluator;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String collector;
    private String manager;
    private String code;

    @BeforeEach
    void setUp() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        collector = "alcol" + suffix;
        manager = "almgr" + suffix;
        code = "ALB-" + suffix;
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, manager, Role.MANAGER);
        LocalDate today = LocalDate.now(clock);
        CurrentUser.runAsSystem(() -> {
            customers.create(new Customer(code, "预警浏览器测试有限公司", null, "华东", null, null, collector, null, null, "C", List.of()), "browser test");
            invoices.create(new Invoice(code + "-A", code, null, today.minusDays(150), today.minusDays(120), new BigDecimal("10000.00"), null, null,
                    null, null), "browser test");
            evaluator.evaluate(today);
        });
        openPage();
    }

    void htmxSettled() {
        page.waitForFunction("() => !document.querySelector('.htmx-added, .htmx-settling, .htmx-swapping, .htmx-request')");
    }

    @Test
    void theBadgeCountsOpenAlertsTheInboxResolvesOneAndTheRuleEditorDryRuns() {
        long open = jdbc.sql("SELECT count(*) FROM credit_alert a JOIN customer c ON c.id = a.customer_id WHERE c.owner = ? AND a.status = 'OPEN'")
                .param(collector).query(Long.class).single();
        org.assertj.core.api.Assertions.assertThat(open).as("overdue, never contacted (and maybe concentrated)").isGreaterThanOrEqualTo(2);
        login(collector);
        page.navigate(url("/alerts"));
        assertThat(page.locator("#alert-badge-count")).hasText(String.valueOf(open));
        var overdue = page.locator("#alerts-table tr[data-customer='" + code + "']").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("最久一笔已逾期120天"));
        assertThat(overdue).hasCount(1);
        shot("alert-inbox");
        overdue.locator(".alert-resolve input[name=note]").fill("已电话联系财务，本周五付款");
        overdue.locator(".alert-resolve button").click();
        page.waitForURL(Pattern.compile(".*/alerts$"));
        assertThat(page.locator(".flash.ok")).containsText("预警已解决");
        assertThat(page.locator("#alert-badge-count")).hasText(String.valueOf(open - 1));
        assertThat(page.locator("#alerts-table tr[data-customer='" + code + "']")).hasCount((int) open - 1);

        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#customer-alerts li")).hasCount((int) open - 1);
        assertThat(page.locator("#customer-alerts")).containsText("从未记录联系");

        openPage();
        login(manager);
        page.navigate(url("/alerts/rules"));
        var rule = page.locator("section.alert-rule[data-kind=OVERDUE]").first();
        rule.locator("button.dry-run").click();
        htmxSettled();
        assertThat(rule.locator(".dry-run-text")).containsText(Pattern.compile("该规则今天会产生[1-9][0-9]*条预警"));
        shot("alert-rules-dry-run");
    }
}
