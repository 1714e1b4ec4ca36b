package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A manager's approval round in Debian's Chromium, on a desktop (1440×900) and on a phone (390×844): the queue lists the
 * SMS and e-mails waiting for approval; the manager previews one (the text as the customer will read it), edits and
 * approves it, rejects another with a reason, and approves the rest selected, confirming each consequential step; the
 * flashes say what happened; on the phone nothing is wider than the screen.
 */
// its own context: the run covers every customer in the database
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "huikuan.test-context=approval-round")
class ApprovalRoundBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;

    String token;
    String grade;

    @Test
    void aManagersApprovalRoundOnADesktopAndOnAPhone() throws Exception {
        token = UUID.randomUUID().toString().substring(0, 6);
        String boss = "ab-" + token;
        Api.user(users, "aa-" + token, Role.ADMIN);
        Api.user(users, boss, Role.MANAGER);
        Api.user(users, "af-" + token, Role.FINANCE);
        Api.user(users, "ac-" + token, Role.COLLECTOR);
        grade = "R" + token.toUpperCase().replaceAll("[^A-Z]", "X");
        api("POST", "/api/strategies", boss, """
                {"code":"S_%s","nameZh":"审批回合","nameEn":"Approval round","steps":[
                 {"dayOffset":1,"channel":"SMS","tone":"GENTLE","ownerRole":"COLLECTOR","template":"overdue_notice","approval":true},
                 {"dayOffset":10,"channel":"EMAIL","tone":"FIRM","ownerRole":"COLLECTOR","template":"reminder","approval":true}]}"""
                .formatted(grade), 201);
        api("PUT", "/api/segments/G_" + grade, boss, """
                {"nameZh":"审批回合","nameEn":"Round","position":1,"grades":"%s","strategyCode":"S_%s"}""".formatted(grade, grade), 200);
        List<String> desktop = List.of(
                customer("温州瑞丰鞋业有限公司", "2026-06-28", "13800001234", null),
                customer("台州精工阀门有限公司", "2026-06-27", "13900001111", null),
                customer("宁波海韵电子有限公司", "2026-06-19", null, "lin@haiyun.example"),
                customer("金华永康五金有限公司", "2026-06-26", "13500004444", null));
        List<String> phone = List.of(
                customer("丽水青田石雕有限公司", "2026-06-18", null, "wu@qingtian.example"),
                customer("衢州江山木业有限公司", "2026-06-25", "13400005555", null),
                customer("舟山普陀渔业有限公司", "2026-06-24", "13300006666", null),
                customer("绍兴柯桥印染有限公司", "2026-06-23", "13600003333", null));
        api("POST", "/api/collection-runs?asOf=2026-06-30", boss, null, 200);

        round(boss, 1440, 900, desktop, false);
        round(boss, 390, 844, phone, true);
        page.navigate(url("/approvals"));
        assertThat(page.locator("#approvals-empty")).isVisible();
    }

    /** One round over four customers' steps: edit then approve, reject with a reason, approve the other two selected. */
    private void round(String boss, int width, int height, List<String> customers, boolean phone) {
        openPage();
        page.setViewportSize(width, height);
        page.onDialog(d -> d.accept());
        login(boss);
        page.navigate(url("/approvals"));
        for (String c : customers) {
            assertThat(row(c)).isVisible();
        }
        shot("approvals-" + width);
        fits(width, "approvals");

        // preview the first: the text the customer will read, the recipient, the invoice; edit it and approve
        row(customers.get(0)).locator("a.preview-link").click();
        page.waitForURL(Pattern.compile(".*/approvals/\\d+$"));
        assertThat(page.locator("#approval-message")).isVisible();
        assertThat(page.locator("#approval-invoices")).containsText("INV-" + customers.get(0));
        assertThat(page.locator("#approval-customer")).containsText(customers.get(0));
        shot("approval-preview-" + width);
        fits(width, "approval preview");
        page.locator("#edit-details summary").click();
        Locator text = page.locator("#edit-form textarea[name=text]");
        assertThat(text).not().isEmpty();
        text.fill("您好：贵司发票已逾期，请于本周五前付款。如已付款请忽略。");
        page.locator("#edit-approve-button").click();
        page.waitForURL(url("/approvals"));
        assertThat(page.locator(".flash.ok")).containsText("已批准 " + customers.get(0));
        assertThat(page.locator(".flash.ok")).containsText("已放入发件箱");
        assertThat(row(customers.get(0))).hasCount(0);

        // reject the second with a reason
        row(customers.get(1)).locator("a.preview-link").click();
        page.waitForURL(Pattern.compile(".*/approvals/\\d+$"));
        page.locator("#reject-details summary").click();
        page.locator("#reject-form textarea[name=reason]").fill("客户已来电，承诺本周付款");
        page.locator("#reject-button").click();
        page.waitForURL(url("/approvals"));
        assertThat(page.locator(".flash.ok")).containsText("已驳回 " + customers.get(1));
        assertThat(page.locator(".flash.ok")).containsText("客户已来电，承诺本周付款");

        // approve the rest, selected
        List<String> rest = new ArrayList<>(customers.subList(2, 4));
        if (phone) {
            page.locator("#approvals-check-all").check();
            for (String c : rest) {
                assertThat(row(c).locator("input.approval-pick")).isChecked();
            }
        } else {
            for (String c : rest) {
                row(c).locator("input.approval-pick").check();
            }
        }
        page.locator("#approve-selected").click();
        page.waitForURL(url("/approvals"));
        assertThat(page.locator(".flash.ok")).containsText("已批准 2 条：2 条已放入发件箱");
        for (String c : customers) {
            assertThat(row(c)).hasCount(0);
        }
        shot("approvals-done-" + width);
        fits(width, "approvals after the round");
    }

    private Locator row(String customer) {
        return page.locator("#approval-table tr[data-task]", new Page.LocatorOptions().setHasText(customer));
    }

    /** Nothing on the page is wider than the screen (a few pixels of rounding allowed). */
    private void fits(int width, String what) {
        Object scrollWidth = page.evaluate("() => document.scrollingElement.scrollWidth");
        assertThat(((Number) scrollWidth).intValue()).as(what + " at " + width + " px").isLessThanOrEqualTo(width + 4);
    }

    private String customer(String name, String due, String mobile, String email) throws Exception {
        String code = "AR" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        api("POST", "/api/customers", "aa-" + token, """
                {"code":"%s","name":"%s","owner":"ac-%s","grade":"%s"}""".formatted(code, name, token, grade), 201);
        api("POST", "/api/customers/" + code + "/contacts", "aa-" + token, mobile != null
                ? """
                {"name":"王经理","role":"FINANCE","phone":"%s"}""".formatted(mobile)
                : """
                {"name":"林经理","role":"FINANCE","email":"%s"}""".formatted(email), 201);
        api("POST", "/api/invoices", "af-" + token, """
                {"invoiceNo":"INV-%s","customerCode":"%s","issueDate":"2026-03-01","dueDate":"%s","amount":8600.00}"""
                .formatted(code, code, due), 201);
        return code;
    }
}
