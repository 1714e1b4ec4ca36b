package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
import io.huikuan.legal.LimitationNotices;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The limitation warnings in Debian's Chromium (issue 14): a manager filters the worklist to expiring debts, sees
 * the limitation column in red, opens the demand proposal and issues the demand letter with one click; the dashboard
 * loads the limitation KPI with htmx (under the Content-Security-Policy).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LimitationWarningBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    LimitationNotices notices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private String manager;
    private String code;
    private LocalDate expires;

    @BeforeEach
    void setUp() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        manager = "limbt" + suffix;
        code = "LB-" + suffix;
        Api.user(users, manager, Role.MANAGER);
        customers.create(new Customer(code, "时效浏览器测试有限公司", null, "华东", null, null, manager, null, null, "C", List.of()), "browser test");
        LocalDate today = LocalDate.now(clock);
        LocalDate due = today.minusYears(3).plusDays(100); // the period ends in about 100 days
        expires = due.plusYears(3);
        invoices.create(new Invoice(code + "-A", code, null, due.minusDays(30), due, new BigDecimal("6600.00"), null, null, null, null), null);
        notices.run(today);
        openPage();
    }

    @Test
    void aManagerFindsTheExpiringDebtAndIssuesTheDemandLetterInOneClick() {
        login(manager);
        page.navigate(url("/worklist?customer=" + code));
        page.locator("#limitation-filter").selectOption("expiring");
        page.locator("#worklist-filter button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*limitation=expiring.*"));
        var rows = page.locator("#worklist-table tbody tr");
        assertThat(rows.first()).containsText("时效浏览器测试有限公司");
        var cell = rows.first().locator("td.limitation .limit-state");
        assertThat(cell).hasAttribute("data-limit", "EXPIRING");
        assertThat(cell).containsText(expires.toString());
        assertThat(cell).hasCSS("color", "rgb(180, 35, 24)");
        assertThat(page.locator("#worklist-table")).containsText("建议发催款函");
        shot("worklist-limitation");

        long task = jdbc.sql("SELECT t.id FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = ? AND t.kind = 'LIMITATION_DEMAND'")
                .param(code).query(Long.class).single();
        page.navigate(url("/worklist/tasks/" + task));
        assertThat(page.locator("#task-note")).containsText("请在 " + expires + " 前发出催款函");
        assertThat(page.locator("#task-note")).containsText("第一百九十五条");
        page.onDialog(d -> d.accept());
        page.locator("#issue-demand button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/customers/" + code + ".*"));
        assertThat(page.locator(".flash.ok")).containsText("催款函");
    }

    @Test
    void theDashboardLoadsTheLimitationKpi() {
        login(manager);
        page.navigate(url("/dashboard"));
        var kpi = page.locator("#dash-limitation");
        assertThat(kpi).isVisible();
        assertThat(kpi).containsText("180 天内诉讼时效届满");
        assertThat(kpi.locator("a[data-currency=CNY]")).hasAttribute("href", "/legal/limitation?status=EXPIRING");
        shot("dashboard-limitation");
    }
}
