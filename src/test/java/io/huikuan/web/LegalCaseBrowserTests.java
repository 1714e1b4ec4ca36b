package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * A legal user in Debian's Chromium opens a lawsuit from the customer page (the overdue invoice ticked, the not-yet-due one
 * not), records the filing and a hearing on the case page, and sees the hearing's deadline with the days left, the reminder
 * task, the hearing on the calendar and the case in the list. A payment order's form answers the 支付令 check.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class)
class LegalCaseBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;

    @Test
    void legalOpensACaseFromTheCustomerPageRecordsFilingAndAHearingAndSeesTheDeadline() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 6);
        String legal = "lg-" + token;
        String finance = "lf-" + token;
        String code = "LG-" + token;
        Api.user(users, legal, Role.LEGAL);
        Api.user(users, finance, Role.FINANCE);
        Api.user(users, "lg-admin", Role.ADMIN);
        clock.set(LocalDate.of(2026, 6, 30), LocalTime.of(10, 0));
        api("POST", "/api/customers", "lg-admin", """
                {"code":"%s","name":"无锡华光锅炉有限公司","grade":"C","region":"华东"}""".formatted(code), 201);
        api("POST", "/api/invoices", finance, """
                {"invoiceNo":"LG-%s-1","customerCode":"%s","issueDate":"2026-02-01","dueDate":"2026-03-31","amount":86000.00}""".formatted(token, code), 201);
        api("POST", "/api/invoices", finance, """
                {"invoiceNo":"LG-%s-2","customerCode":"%s","issueDate":"2026-06-20","dueDate":"2026-07-20","amount":5000.00}""".formatted(token, code), 201);

        openPage();
        login(legal);
        page.navigate(url("/customers/" + code));
        page.locator("#open-legal-case").click();
        page.waitForURL(Pattern.compile(".*/legal/cases/new.*"));
        assertThat(page.locator("#case-invoices input[value='LG-" + token + "-1']")).isChecked();
        assertThat(page.locator("#case-invoices input[value='LG-" + token + "-2']")).not().isChecked();

        // a payment order: the form answers the check, condition by condition
        page.locator("#case-kind").selectOption("PAYMENT_ORDER");
        page.locator("#payment-order-check-button").click();
        assertThat(page.locator("#payment-order-verdict")).hasText("可以申请支付令：各项条件均满足。");
        assertThat(page.locator("tr[data-condition='SERVABLE_IN_CHINA']")).containsText("客户地区 华东 在中国大陆。");

        page.locator("#case-kind").selectOption("LAWSUIT");
        page.locator("#case-court").fill("无锡市中级人民法院");
        page.locator("#case-no").fill("(2026)苏02民初88号");
        page.locator("#legal-case-submit").click();
        page.waitForURL(Pattern.compile(".*/legal/cases/\\d+$"));
        assertThat(page.locator("#case-kind")).hasText("诉讼");
        assertThat(page.locator("#case-claim")).containsText("86,000.00");

        page.locator("#add-stage > summary").click();
        page.locator("#stage-stage").selectOption("FILED");
        page.locator("#stage-date").fill("2026-06-10");
        page.locator("#stage-submit").click();
        assertThat(page.locator("#case-stages li[data-stage='FILED']")).containsText("立案申请");

        page.locator("#add-stage > summary").click();
        page.locator("#stage-stage").selectOption("HEARING");
        page.locator("#stage-date").fill("2026-07-08");
        page.locator("#stage-time").fill("09:30");
        page.locator("#stage-place").fill("第三法庭");
        page.locator("#stage-submit").click();
        assertThat(page.locator("#case-deadlines tr[data-deadline='HEARING']")).containsText("剩余 8 天");
        assertThat(page.locator("#case-deadlines tr[data-deadline='HEARING']")).containsText("任务 2026-07-05");
        shot("legal-case");

        // a hearing before the filing is refused, naming the date
        page.locator("#add-stage > summary").click();
        page.locator("#stage-stage").selectOption("ACCEPTED");
        page.locator("#stage-date").fill("2026-06-01");
        page.locator("#stage-submit").click();
        assertThat(page.locator("#add-stage .field-error")).containsText("不能早于立案日期");

        nav("nav-hearings");
        assertThat(page.locator("#hearing-table")).containsText("第三法庭");
        nav("nav-legal-cases");
        assertThat(page.locator("#legal-case-table")).containsText(code);
        assertThat(page.locator("#legal-case-table")).containsText("剩余 8 天");
    }
}
