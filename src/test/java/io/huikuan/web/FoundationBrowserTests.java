package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The foundation as a user meets it, in Debian's Chromium: log in, import an invoices file on the
 * import page, see the customer's open balance, post payments (automatic and manual allocation)
 * and see the balance drop by exactly the amount; a collector cannot open another's customer.
 * Today is 2026-06-30 in tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FoundationBrowserTests extends BrowserTestSupport {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;

    @TempDir
    Path dir;

    @BeforeEach
    void usersAndPage() {
        Api.user(users, "finance1", Role.FINANCE);
        Api.user(users, "collector1", Role.COLLECTOR);
        Api.user(users, "collector2", Role.COLLECTOR);
        openPage();
    }

    @Test
    void financeImportsInvoicesSeesTheOpenBalanceAndPostsPayments() throws IOException {
        String code = newCustomer("上海华锐机械有限公司", "collector1");
        String n = code.replace("BT-", "");
        Path csv = dir.resolve("invoices.csv");
        Files.writeString(csv, """
                invoice_no,customer_code,issue_date,due_date,amount
                INV-%1$s-1,%2$s,2026-04-01,2026-05-31,"12,345.67"
                INV-%1$s-2,%2$s,2026-05-15,2026-07-31,20000
                INV-%1$s-3,%2$s,2026-06-20,2026-08-31,¥7654.33
                """.formatted(n, code), StandardCharsets.UTF_8);

        login("finance1");
        assertThat(page.locator("#current-user")).hasText("finance1");

        page.navigate(url("/import"));
        page.locator("#kind-invoices").check();
        page.locator("#import-file").setInputFiles(csv);
        page.locator("#import-submit").click();
        assertThat(page.locator("#import-report")).isVisible();
        assertThat(page.locator("#count-imported")).hasText("3");
        assertThat(page.locator("#count-rejected")).hasText("0");
        assertThat(page.locator("#import-errors")).hasCount(0);
        shot("import-report");

        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#customer-name")).hasText("上海华锐机械有限公司");
        assertThat(page.locator("#summary-open")).hasText("40,000.00");
        assertThat(page.locator("#summary-overdue")).hasText("12,345.67");
        assertThat(page.locator("#open-invoice-table tbody tr")).hasCount(3);

        // a payment allocated automatically, oldest due first: the overdue invoice is settled first
        page.locator("a[href^='/payments/new']").first().click();
        assertThat(page.locator("#customerCode")).hasValue(code);
        page.locator("#paymentRef").fill("PAY-" + n + "-1");
        page.locator("#amount").fill("15,000.50");
        page.locator("#method").selectOption("BANK_ACCEPTANCE_DRAFT");
        page.locator("#post-payment").click();
        page.waitForURL(Pattern.compile(".*/payments/PAY-" + n + "-1$"));
        assertThat(page.locator("#payment-unapplied")).hasText("0.00");

        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#summary-open")).hasText("24,999.50");
        assertThat(page.locator("#summary-overdue")).hasText("0.00");
        assertThat(page.locator("#summary-paid")).hasText("15,000.50");

        // manual allocation: htmx loads the open invoices; over-allocating is refused and nothing is posted
        page.navigate(url("/payments/new"));
        page.locator("#customerCode").fill(code);
        page.locator("#customerCode").dispatchEvent("change");
        assertThat(page.locator("input[aria-label='INV-" + n + "-3']")).isVisible();
        page.locator("#paymentRef").fill("PAY-" + n + "-2");
        page.locator("#amount").fill("9000");
        page.locator("input[aria-label='INV-" + n + "-3']").fill("9000");
        assertThat(page.locator("#allocation-manual")).isChecked();
        page.locator("#post-payment").click();
        assertThat(page.locator("#payment-errors")).isVisible();
        assertThat(page.locator("input[aria-label='INV-" + n + "-3'] + .field-error")).containsText("超额核销：9000 超过发票 INV-" + n + "-3 的未清余额 7654.33");
        shot("payment-over-allocation");
        assertThat(page.locator("#paymentRef")).hasValue("PAY-" + n + "-2");
        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#summary-open")).hasText("24,999.50");

        page.navigate(url("/payments/new?customer=" + code));
        page.locator("#paymentRef").fill("PAY-" + n + "-2");
        page.locator("#amount").fill("9000");
        page.locator("input[aria-label='INV-" + n + "-3']").fill("7,654.33");
        page.locator("#post-payment").click();
        page.waitForURL(Pattern.compile(".*/payments/PAY-" + n + "-2$"));
        assertThat(page.locator("#payment-unapplied")).hasText("1,345.67");

        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#summary-open")).hasText("17,345.17");
        assertThat(page.locator("#summary-unapplied")).hasText("1,345.67");
        assertThat(page.locator("#history")).containsText("PAY-" + n + "-2");
        shot("customer-after-payments");
    }

    @Test
    void aCollectorCannotOpenAnotherCollectorsCustomer() {
        String mine = newCustomer("北京京北建材集团", "collector1");
        String theirs = newCustomer("广州南方化工股份有限公司", "collector2");
        login("collector1");

        Response own = page.navigate(url("/customers/" + mine));
        assertThat(own.status()).isEqualTo(200);
        assertThat(page.locator("#customer-name")).hasText("北京京北建材集团");

        Response other = page.navigate(url("/customers/" + theirs));
        assertThat(other.status()).isEqualTo(404);
        assertThat(page.locator("h1")).containsText("未找到");
        assertThat(page.locator("body")).not().containsText("广州南方化工股份有限公司");
        shot("collector-404");

        page.navigate(url("/customers?q=" + theirs));
        assertThat(page.locator("#customer-table")).hasCount(0);
    }

    @Test
    void wrongPasswordShowsAnErrorAndTheLanguageSwitches() {
        page.navigate(url("/login"));
        page.locator("#username").fill("finance1");
        page.locator("#password").fill("not-the-password");
        page.locator("#login-submit").click();
        assertThat(page.locator(".flash.bad")).hasText("用户名或密码错误，请重试。");

        login("finance1");
        assertThat(page.locator(".mainnav")).containsText("客户");
        page.locator("a[lang='en']").click();
        assertThat(page.locator(".mainnav")).containsText("Customers");
        page.navigate(url("/invoices"));
        assertThat(page.locator("h1")).hasText("Invoices");
        page.locator("a[lang='zh-CN']").click();
        assertThat(page.locator("h1")).hasText("发票");
    }


    /** A customer created as an administrator (the test's own security context), owned by {@code owner}. */
    private String newCustomer(String name, String owner) {
        String code = "BT-" + System.nanoTime() % 1_000_000 + SEQ.incrementAndGet();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        try {
            customers.create(new Customer(code, name, null, "华东", null, "机械", owner, new BigDecimal("500000.00"), 60, "B", List.of()),
                    "browser test");
        } finally {
            SecurityContextHolder.clearContext();
        }
        return code;
    }

}
