package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
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
 * A collector's morning in Debian's Chromium, over three days of a movable clock: the nightly run
 * puts a customer on the collector's worklist; the collector logs a call in which the customer pleads
 * no money now and promises to pay (scripts are suggested for the excuse and the contact's
 * personality), and the task leaves the list; the next day the payment is posted; the day after, a
 * manager runs the collection run from its page, which marks the promise kept, and the collector
 * sees it kept.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class)
class CollectorMorningBrowserTests extends BrowserTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;


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
        api("POST", "/api/customers", boss, """
                {"code":"%s","name":"宁波海天塑机有限公司","owner":"%s","grade":"B"}""".formatted(code, collector), 201);
        long contact = api("POST", "/api/customers/" + code + "/contacts", collector, """
                {"name":"王经理","role":"FINANCE","phone":"0574-8888 6666"}""", 201).get("id").asLong();
        api("PUT", "/api/customers/" + code + "/contacts/" + contact + "/personality", collector, """
                {"personalityType":"SOCIABLE"}""", 200);
        api("POST", "/api/invoices", finance, """
                {"invoiceNo":"MO-%s-1","customerCode":"%s","issueDate":"2026-05-25","dueDate":"2026-06-24","amount":12000.00}"""
                .formatted(token, code), 201);

        // day 1, 2026-07-01: the nightly run; the invoice is 7 days overdue, the standard strategy's phone call is due
        clock.set(LocalDate.of(2026, 7, 1), LocalTime.of(1, 30));
        JsonNode night = api("POST", "/api/collection-runs?asOf=2026-07-01", boss, null, 200);
        assertThat(night.get("tasksCreated").asInt()).isPositive();
        clock.set(LocalDate.of(2026, 7, 1), LocalTime.of(9, 45));

        open(collector);
        page.navigate(url("/worklist"));
        Locator row = page.locator("tr[data-task]", new Page.LocatorOptions().setHasText("宁波海天塑机有限公司"));
        assertThat(row).containsText("第 +7 天 · 电话");
        assertThat(row).containsText("逾期 12,000.00");
        row.locator("summary").click();
        Locator form = row.locator("form.log-activity");
        assertThat(form).isVisible();
        form.locator("select[name=contactId]").selectOption(String.valueOf(contact));
        form.locator("select[name=excuse]").selectOption("NO_MONEY");
        assertThat(form.locator(".suggested-scripts .script").first()).isVisible();
        assertThat(form.locator(".suggested-scripts")).containsText("外向型");
        shot("morning-scripts");
        form.locator("input[name=occurredAt]").fill("2026-07-01T09:30");
        form.locator("select[name=outcome]").selectOption("PROMISE");
        form.locator("input[name=promiseAmount]").fill("12000");
        form.locator("input[name=promiseDate]").fill("2026-07-03");
        form.locator("textarea[name=notes]").fill("客户说这个月资金紧张，答应 7 月 3 日前全额付款");
        form.locator("button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/worklist.*"));
        shot("morning-logged");
        assertThat(page.locator(".flash.ok")).isVisible();
        assertThat(page.locator("tr[data-task]", new Page.LocatorOptions().setHasText("宁波海天塑机有限公司"))).hasCount(0);
        page.navigate(url("/promises?status=open"));
        assertThat(page.locator("#promise-table tr[data-status=OPEN]", new Page.LocatorOptions().setHasText("宁波海天塑机有限公司")))
                .containsText("12,000.00");

        // day 2: the customer pays
        clock.set(LocalDate.of(2026, 7, 2), LocalTime.of(11, 0));
        api("POST", "/api/payments", finance, """
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
        JsonNode kept = api("GET", "/api/promises?status=kept&customer=" + code, collector, null, 200);
        assertThat(kept.get("total").asInt()).isEqualTo(1);
        assertThat(kept.get("items").get(0).get("settledOn").asString()).isEqualTo("2026-07-02");
    }

    private void open(String user) {
        openPage();
        page.navigate(url("/login"));
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#login-submit").click();
        page.waitForURL(Pattern.compile("^(?!.*/login).*$"));
    }

    private JsonNode api(String method, String path, String user, String json, int expected) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r;
        try (HttpClient client = HttpClient.newHttpClient()) {
            r = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }

}
