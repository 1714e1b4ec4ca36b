package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Every main page works under the Content-Security-Policy in Debian's Chromium: the browser reports no
 * violation (no inline script, inline style or inline handler anywhere, htmx and Chart.js included) and
 * no script error, while the policy is really in force on each page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;

    private final List<String> violations = new ArrayList<>();
    private String code;
    private String invoice;
    private final List<String> dialogs = new ArrayList<>();

    @BeforeEach
    void dataAndPage() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        String token = UUID.randomUUID().toString().substring(0, 6);
        code = "CSP-" + token;
        invoice = "INV-CSP-" + token;
        post("/api/customers", "{\"code\":\"" + code + "\",\"name\":\"杭州安策机电有限公司\",\"creditLimit\":100000,\"creditDays\":30}");
        post("/api/invoices", "{\"invoiceNo\":\"" + invoice + "\",\"customerCode\":\"" + code
                + "\",\"issueDate\":\"2026-03-01\",\"dueDate\":\"2026-04-01\",\"amount\":12345.67}");
        post("/api/payments", "{\"paymentRef\":\"P-" + code + "\",\"customerCode\":\"" + code
                + "\",\"paymentDate\":\"2026-06-15\",\"amount\":345.67,\"method\":\"BANK_TRANSFER\"}");
        openPage();
        page.onConsoleMessage(m -> {
            if (m.text().toLowerCase().contains("content security policy")) {
                violations.add(page.url() + ": " + m.text());
            }
        });
        page.onPageError(e -> violations.add(page.url() + ": script error " + e));
        // the browser's own report of each violation, also for those it does not log
        page.addInitScript("document.addEventListener('securitypolicyviolation', function (e) {"
                + " console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI); });");
    }

    @Test
    void theMainPagesShowNoPolicyViolation() {
        visit("/login");
        login("admin");
        for (String path : List.of("/", "/dashboard", "/worklist", "/aging", "/aging/bucket-sets", "/provisions", "/month-ends",
                "/scripts", "/templates", "/promises", "/targets", "/strategies", "/segments", "/segments/new", "/collection-runs",
                "/approvals", "/outbox", "/customers", "/customers/" + code, "/customers/" + code + "/attachments", "/customers/new", "/invoices", "/invoices/" + invoice,
                "/payments", "/payments/P-" + code, "/payments/new?customer=" + code, "/import", "/admin/users", "/account", "/settings/company",
                "/help/measures", "/templates/reminder/EMAIL/zh-CN/GENTLE", "/customers?lang=en")) {
            visit(path);
        }
        // the template editor's variable buttons and live preview work without inline script
        visit("/templates/csp_check/EMAIL/zh-CN/GENTLE");
        page.locator("#tpl-customer").fill(code);
        page.locator("#tpl-subject").fill("账款提醒");
        page.locator("#tpl-body").fill("您好：");
        page.locator(".tpl-vars button[data-insert='{{customer.name}}']").click();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#preview-html")).containsText("杭州安策机电有限公司");

        // deleting asks first (data-confirm, no inline handler); declining keeps the payment
        visit("/payments/P-" + code);
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        page.locator("#delete-payment input[name=reason]").fill("录入错误");
        page.locator("#delete-payment button[type=submit]").click();
        assertThat(dialogs).hasSize(1);
        assertThat(page.url()).endsWith("/payments/P-" + code);

        assertThat(violations).isEmpty();
    }

    @Test
    void swaggerUiShowsNoPolicyViolation() {
        // Swagger UI's pages alone may apply inline styles (it injects a <style>); scripts stay 'self' only
        login("admin");
        page.navigate(url("/swagger-ui.html"));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".swagger-ui .info")).isVisible();
        assertThat(violations).isEmpty();
    }

    /** Opens the page, checks the policy came with it and waits until htmx has loaded its parts. */
    private void visit(String path) {
        Response r = page.navigate(url(path));
        assertThat(r.status()).as(path).isLessThan(400);
        assertThat(r.headerValue("content-security-policy")).as(path).contains("script-src 'self'");
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private void post(String path, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(201);
    }
}
