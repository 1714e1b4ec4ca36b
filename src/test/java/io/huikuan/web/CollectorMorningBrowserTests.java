package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A collector's morning in Debian's Chromium at 1440×900, over three days of a movable clock: the nightly run
 * puts a customer on the collector's worklist; the collector opens the task's page (contacts with a click-to-call
 * link, the open invoices with their total, the promise history), copies the phone number and logs a call in
 * which the customer pleads no money now and promises to pay (scripts are suggested for the excuse and the
 * contact's personality, their placeholders filled), and the task leaves the list; the next day the payment is posted; the day after, a
 * manager runs the collection run from its page, which marks the promise kept, and the collector
 * sees it kept. The same call is made on a phone's screen (390×844), where nothing is wider than the screen.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class)
class CollectorMorningBrowserTests extends BrowserTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;


    @Test
    void theCollectorsMorningFromTheWorklistToAKeptPromise() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 6);
        String collector = "mo-" + token;
        String boss = "mb-" + token;
        String finance = "mf-" + token;
        String code = "MO-" + token;
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, boss, Role.MANAGER);
        Api.user(users, finance, Role.FINANCE);
        clock.set(LocalDate.of(2026, 6, 30), LocalTime.of(10, 0));
        apiJson("POST", "/api/customers", boss, """
                {"code":"%s","name":"宁波海天塑机有限公司","owner":"%s","grade":"B"}""".formatted(code, collector), 201);
        long contact = apiJson("POST", "/api/customers/" + code + "/contacts", collector, """
                {"name":"王经理","role":"FINANCE","phone":"0574-8888 6666"}""", 201).get("id").asLong();
        apiJson("PUT", "/api/customers/" + code + "/contacts/" + contact + "/personality", collector, """
                {"personalityType":"SOCIABLE"}""", 200);
        apiJson("POST", "/api/invoices", finance, """
                {"invoiceNo":"MO-%s-1","customerCode":"%s","issueDate":"2026-05-25","dueDate":"2026-06-24","amount":12000.00}"""
                .formatted(token, code), 201);

        // day 1, 2026-07-01: the nightly run; the invoice is 7 days overdue, the standard strategy's phone call is due
        clock.set(LocalDate.of(2026, 7, 1), LocalTime.of(1, 30));
        JsonNode night = apiJson("POST", "/api/collection-runs?asOf=2026-07-01", boss, null, 200);
        assertThat(night.get("tasksCreated").asInt()).isPositive();
        clock.set(LocalDate.of(2026, 7, 1), LocalTime.of(9, 45));

        open(collector, 1440, 900);
        callFromTheTaskPage("宁波海天塑机有限公司", contact, "0574-8888 6666", "tel:0574-88886666", "2026-07-03", "morning");
        page.navigate(url("/promises?status=open"));
        assertThat(page.locator("#promise-table tr[data-status=OPEN]", new Page.LocatorOptions().setHasText("宁波海天塑机有限公司")))
                .containsText("12,000.00");

        // day 2: the customer pays
        clock.set(LocalDate.of(2026, 7, 2), LocalTime.of(11, 0));
        apiJson("POST", "/api/payments", finance, """
                {"paymentRef":"MO-%s-P","customerCode":"%s","paymentDate":"2026-07-02","amount":12000.00}""".formatted(token, code), 201);

        // day 3: a manager runs the collection run from its page; it settles the promise as kept
        clock.set(LocalDate.of(2026, 7, 3), LocalTime.of(8, 30));
        open(boss);
        page.navigate(url("/collection-runs"));
        assertThat(page.locator("#run-form input[name=asOf]")).hasValue("2026-07-03");
        page.onceDialog(d -> d.accept()); // running the strategies asks first (issue 12, item 13)
        page.locator("#run-submit").click();
        page.waitForURL(Pattern.compile(".*/collection-runs/\\d+$"));
        assertThat(page.locator("#run-as-of")).hasText("2026-07-03");
        assertThat(page.locator("#run-promises-kept")).hasText("1");
        shot("morning-run");

        open(collector);
        page.navigate(url("/promises?status=kept"));
        assertThat(page.locator("#promise-table tr[data-status=KEPT]", new Page.LocatorOptions().setHasText("宁波海天塑机有限公司")))
                .containsText("12,000.00");
        // paid: nothing left on the worklist for this customer
        page.navigate(url("/worklist"));
        assertThat(page.locator("tr[data-task]", new Page.LocatorOptions().setHasText("宁波海天塑机有限公司"))).hasCount(0);
        JsonNode kept = apiJson("GET", "/api/promises?status=kept&customer=" + code, collector, null, 200);
        assertThat(kept.get("total").asInt()).isEqualTo(1);
        assertThat(kept.get("items").get(0).get("settledOn").asString()).isEqualTo("2026-07-02");
    }

    @Test
    void theSameCallOnAPhoneAt390PixelsNothingOverflows() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 6);
        String collector = "mp-" + token;
        String finance = "mpf-" + token;
        String code = "MP-" + token;
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, finance, Role.FINANCE);
        clock.set(LocalDate.of(2026, 7, 1), LocalTime.of(9, 30));
        String boss = "mpb-" + token;
        Api.user(users, boss, Role.MANAGER);
        apiJson("POST", "/api/customers", boss, """
                {"code":"%s","name":"温州瓯江电器制造有限公司","owner":"%s","grade":"B"}""".formatted(code, collector), 201);
        long contact = apiJson("POST", "/api/customers/" + code + "/contacts", collector, """
                {"name":"王经理","role":"FINANCE","phone":"0577-8888 6666","email":"wang.jingli@oujiang-dianqi.example.cn"}""", 201)
                .get("id").asLong();
        apiJson("POST", "/api/invoices", finance, """
                {"invoiceNo":"MP-%s-1","customerCode":"%s","issueDate":"2026-05-25","dueDate":"2026-06-24","amount":12000.00}"""
                .formatted(token, code), 201);
        long broken = apiJson("POST", "/api/promises", collector, """
                {"customerCode":"%s","amount":5000.00,"promisedDate":"2026-06-26","madeOn":"2026-06-20","channel":"PHONE"}""".formatted(code), 201)
                .get("id").asLong();
        jdbc.sql("UPDATE promise SET status = 'BROKEN', settled_on = DATE '2026-06-30' WHERE id = ?").param(broken).update();
        long customerId = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(code).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO collection_task (customer_id, task_key, kind, step_offset, channel, tone, owner_role, assignee, due_date, overdue_amount,
                                             days_overdue, risk_factor, priority, reason, status, created_at)
                VALUES (?, 'S:2026-06-24:7', 'STEP', 7, 'PHONE', 'FIRM', 'COLLECTOR', ?, DATE '2026-07-01', 12000.00, 7, 1.00, 14800.00,
                        'overdue 12,000.00 × risk 1.00 × age 1.23 (7 days)', 'OPEN', CURRENT_TIMESTAMP)""")
                .params(customerId, collector).update();

        open(collector, 390, 844);
        String taskPage = callFromTheTaskPage("温州瓯江电器制造有限公司", contact, "0577-8888 6666", "tel:0577-88886666", "2026-07-08", "phone");
        // the new promise joins the history on the task page, above the broken one
        page.navigate(taskPage);
        assertThat(page.locator("#promise-history tr[data-status=OPEN]")).containsText("12,000.00");
        assertThat(page.locator("#promise-history tr[data-status=BROKEN]")).containsText("5,000.00");
        assertThat(page.locator("#task")).containsText("已完成");
    }

    /**
     * From the worklist to the task page: the contacts, the open invoices with their total and the promises are there; the
     * phone number is copied; the scripts for the excuse and the contact's personality read without a placeholder; the call
     * is logged with a promise to pay the overdue 12,000.00 by {@code promiseDate}, and the task leaves the list. At a phone's
     * width nothing on the task page is wider than the screen. Answers the task page's address.
     */
    private String callFromTheTaskPage(String customer, long contact, String phone, String tel, String promiseDate, String shots) {
        page.navigate(url("/worklist"));
        Locator row = page.locator("tr[data-task]", new Page.LocatorOptions().setHasText(customer));
        assertThat(row).containsText("第 +7 天 · 电话");
        assertThat(row).containsText("12,000.00");
        row.locator("a[href*='/worklist/tasks/']").click();
        page.waitForURL(Pattern.compile(".*/worklist/tasks/\\d+.*"));
        String taskPage = page.url();
        assertThat(page.locator("#contacts li[data-contact='" + contact + "']")).containsText("王经理");
        assertThat(page.locator("#contacts li[data-contact='" + contact + "'] a.tel")).hasAttribute("href", tel);
        assertThat(page.locator("#open-invoices tr.totals .total-open")).hasText("12,000.00");
        assertThat(page.locator("#open-invoices tbody tr")).hasCount(1);
        assertThat(page.locator("#open-invoices tbody")).containsText("7 天");
        assertThat(page.locator("#promise-history")).isVisible();
        assertThat((Boolean) page.evaluate("() => { const t = document.querySelector('#open-invoices .table-scroll'); "
                + "return t.scrollWidth <= t.clientWidth + 1; }")).as("the open invoices fit their card").isTrue();
        shot(shots + "-task");

        Locator copy = page.locator("#contacts li[data-contact='" + contact + "'] .contact-line button.copy").first();
        copy.click();
        assertThat(copy).hasText("已复制");
        assertThat(String.valueOf(page.evaluate("() => navigator.clipboard.readText()"))).isEqualTo(phone);

        Locator form = page.locator("#log-activity form.log-activity");
        form.locator("select[name=contactId]").selectOption(String.valueOf(contact));
        form.locator("select[name=excuse]").selectOption("NO_MONEY");
        Locator scripts = form.locator(".suggested-scripts");
        assertThat(scripts.locator(".script").first()).isVisible();
        assertThat(scripts).containsText("王经理");
        assertThat(scripts.locator(".script-text").first()).not().containsText("{");
        assertThat(scripts.locator(".script[data-stage=FINAL], .script[data-stage=REMINDER]")).hasCount(0);
        long overflow = ((Number) page.evaluate("() => document.scrollingElement.scrollWidth")).longValue();
        long viewport = ((Number) page.evaluate("() => window.innerWidth")).longValue();
        assertThat(overflow).as("page width at a %d px viewport", viewport).isLessThanOrEqualTo(viewport + 5);
        shot(shots + "-scripts");

        form.locator("select[name=outcome]").selectOption("PROMISE");
        form.locator("input[name=promiseAmount]").fill("12000");
        form.locator("input[name=promiseDate]").fill(promiseDate);
        form.locator("textarea[name=notes]").fill("客户说这个月资金紧张，答应 " + promiseDate + " 前全额付款");
        form.locator("button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/worklist(\\?.*)?$"));
        shot(shots + "-logged");
        assertThat(page.locator(".flash.ok")).isVisible();
        assertThat(page.locator("tr[data-task]", new Page.LocatorOptions().setHasText(customer))).hasCount(0);
        return taskPage;
    }

    private void open(String user, int width, int height) {
        open(user);
        page.setViewportSize(width, height);
        context.grantPermissions(java.util.List.of("clipboard-read", "clipboard-write"),
                new com.microsoft.playwright.BrowserContext.GrantPermissionsOptions().setOrigin(url("")));
    }

    private void open(String user) {
        openPage();
        page.navigate(url("/login"));
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#login-submit").click();
        page.waitForURL(Pattern.compile("^(?!.*/login).*$"));
    }

    private JsonNode apiJson(String method, String path, String user, String json, int expected) throws Exception {
        String body = api(method, path, user, json, expected);
        return body.isEmpty() ? null : JSON.readTree(body);
    }

}
