package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
import io.huikuan.ledger.Payment;
import io.huikuan.ledger.PaymentMethod;
import io.huikuan.ledger.PaymentService;
import io.huikuan.ledger.PaymentService.PaymentRequest;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12, items 10 and 11 in Debian's Chromium at 1440×900 and 390×844: a manager's dashboard shows the collection
 * work panels; the customer page shows the over-limit warning, the header facts and the timeline, whose filter narrows
 * it to one kind; nothing is wider than the phone's screen. Today is 2026-06-30.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ManagerHomeBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    JdbcClient jdbc;

    private String manager;
    private String collector;
    private String code;

    @BeforeEach
    void portfolio() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        manager = "mhb" + suffix;
        collector = "mhc" + suffix;
        code = "MH-" + suffix;
        Api.user(users, manager, Role.MANAGER);
        Api.user(users, collector, Role.COLLECTOR);
        customers.create(new Customer(code, "首页浏览器测试有限公司", null, "华东", null, null, collector, new BigDecimal("1000.00"), 30, "B",
                List.of()), "browser test");
        invoices.create(new Invoice(code + "-1", code, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), new BigDecimal("5000.00"),
                null, null, null, null), null);
        payments.post(new PaymentRequest(code + "-P", code, LocalDate.of(2026, 6, 20), new BigDecimal("800.00"), null,
                PaymentMethod.BANK_TRANSFER, null, List.of(new Payment.Allocation(code + "-1", new BigDecimal("800.00"))), false), null);
        long id = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(code).query(Long.class).single();
        Timestamp at = Timestamp.from(LocalDateTime.of(2026, 6, 29, 15, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        jdbc.sql("""
                INSERT INTO activity (customer_id, channel, occurred_at, outcome, notes, recorded_by, recorded_at, direction)
                VALUES (?, 'PHONE', ?, 'REACHED', '客户来电确认对账', ?, ?, 'INBOUND')""").params(id, at, collector, at).update();
        jdbc.sql("""
                INSERT INTO collection_task (customer_id, task_key, kind, channel, owner_role, assignee, due_date, overdue_amount, days_overdue,
                                             risk_factor, priority, reason, status, completed_by, completed_at, outcome, created_at)
                VALUES (?, 'F:mh', 'FOLLOW_UP', 'PHONE', 'COLLECTOR', ?, ?, 100, 10, 1, 10, 'r', 'DONE', ?, ?, 'REACHED', ?)""")
                .params(id, collector, LocalDate.of(2026, 6, 30), collector, at, at).update();
        for (String key : List.of("F:mh1", "F:mh2")) {
            jdbc.sql("""
                    INSERT INTO collection_task (customer_id, task_key, kind, channel, owner_role, assignee, due_date, overdue_amount,
                                                 days_overdue, risk_factor, priority, reason, status, created_at)
                    VALUES (?, ?, 'FOLLOW_UP', 'PHONE', 'COLLECTOR', ?, ?, 4200, 90, 1, 50, 'r', 'OPEN', ?)""")
                    .params(id, key, collector, LocalDate.of(2026, 6, 30), at).update();
        }
        openPage();
    }

    @ParameterizedTest
    @CsvSource({"1440, 900", "390, 844"})
    void theManagersHomeAndTheCustomerTimeline(int width, int height) {
        page.setViewportSize(width, height);
        login(manager);
        page.navigate(url("/dashboard"));
        assertThat(page.locator("#dash-work")).isVisible();
        assertThat(page.locator("#work-done-week")).isVisible();
        assertThat(page.locator("#work-promises-due")).isVisible();
        assertThat(page.locator("#work-approvals")).isVisible();
        assertThat(page.locator("#work-outbox-problems")).isVisible();
        assertThat(page.locator("#work-collected")).isVisible();
        assertThat(page.locator("#dash-aging-table")).isVisible();
        noHorizontalOverflow("dashboard");
        shot("manager-home-dashboard-" + width);

        page.navigate(url("/"));
        assertThat(page.locator("#overview-aging-table tr")).hasCount(7);
        noHorizontalOverflow("overview");

        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#over-limit")).containsText("4,200.00");
        assertThat(page.locator("#header-promise")).isVisible();
        assertThat(page.locator("#timeline-list .timeline-entry").first()).isVisible();
        assertThat(page.locator("#timeline-list [data-kind=PAYMENT]")).hasCount(1);
        page.locator("#timeline-kind-ACTIVITY").click();
        assertThat(page.locator("#timeline-kind-ACTIVITY")).hasClass(java.util.regex.Pattern.compile(".*active.*"));
        assertThat(page.locator("#timeline-list [data-kind=PAYMENT]")).hasCount(0);
        assertThat(page.locator("#timeline-list [data-kind=ACTIVITY]")).hasCount(1);
        assertThat(page.locator("#timeline-list [data-direction=INBOUND]")).containsText("客户来电/来访");
        page.locator("#timeline-kind-PAYMENT").click();
        assertThat(page.locator("#timeline-list [data-kind=ACTIVITY]")).hasCount(0);
        assertThat(page.locator("#timeline-list [data-kind=PAYMENT]")).containsText("800.00");
        assertThat(page.locator("#customer-promises")).isVisible();
        noHorizontalOverflow("customer page");
        shot("manager-home-customer-" + width);
    }

    /** Issue 12, item 12: on the phone a collector selects every task of the page, confirms, and both are snoozed. */
    @Test
    void aCollectorSnoozesTheSelectionOnThePhone() {
        page.setViewportSize(390, 844);
        login(collector);
        page.navigate(url("/worklist"));
        assertThat(page.locator("#worklist-table tbody tr")).hasCount(2);
        page.locator("#worklist-table thead .select-all").check();
        assertThat(page.locator("#worklist-table tbody input[name=taskIds]:checked")).hasCount(2);
        page.locator("#bulk-snooze input[name=until]").fill("2026-07-06");
        page.locator("#bulk-snooze input[name=reason]").fill("客户财务休假");
        List<String> asked = new java.util.ArrayList<>();
        page.onceDialog(d -> {
            asked.add(d.message());
            d.accept();
        });
        page.locator("#bulk-snooze-submit").click();
        assertThat(page.locator(".flash.ok")).containsText("已延后 2 项任务至 2026-07-06");
        assertThat(asked).containsExactly("将所选的 2 项任务延后？");
        assertThat(page.locator("#worklist-table")).hasCount(0);
        noHorizontalOverflow("worklist");
    }

    private void noHorizontalOverflow(String what) {
        Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        Object wide = page.evaluate("() => Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8)"
                + ".map(e => e.tagName + '#' + e.id + '.' + e.className).join(' | ')");
        assertThat(overflow.intValue()).as(what + " wider than the screen (px), widest: " + wide).isLessThanOrEqualTo(0);
    }
}
