package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.options.FilePayload;
import io.huikuan.correspondence.outbox.OutboxSender;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.TestSmtp;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The debtor acts on the portal in Debian's Chromium at 390×844 (issue 16, part C): the collector e-mails a template
 * with {@code {{portal.link}}}; the e-mail delivered to GreenMail carries the link; the debtor opens it on a phone,
 * confirms the balance (AGREE, name and title), disputes one invoice with a photo, promises a payment and uploads the bank receipt; the collector then sees all of it
 * in the customer page's portal panel, the confirmation included.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"huikuan.outbox.enabled=false", "huikuan.mail.from=ar@huikuan.test"})
class PortalActionBrowserTests extends BrowserTestSupport {

    static final GreenMail SMTP = TestSmtp.start();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.4\n% receipt\n".getBytes(StandardCharsets.US_ASCII);

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        TestSmtp.register(r, SMTP);
    }

    @Autowired
    UserDirectory users;
    @Autowired
    OutboxSender sender;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String collector;
    private String code;

    @BeforeEach
    void setUp() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        collector = "pacol" + suffix;
        code = "PAB-" + suffix;
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, collector, Role.COLLECTOR);
        api("POST", "/api/customers", "admin", """
                {"code":"%s","name":"门户操作测试有限公司","owner":"%s"}""".formatted(code, collector), 201);
        api("POST", "/api/customers/" + code + "/contacts", "admin", """
                {"name":"周会计","role":"FINANCE","email":"zhou@portal.example"}""", 201);
        api("POST", "/api/invoices", "finance", """
                {"invoiceNo":"%s-I1","customerCode":"%s","issueDate":"2026-05-01","dueDate":"2026-05-31","amount":2000.00}"""
                .formatted(code, code), 201);
        api("POST", "/api/invoices", "finance", """
                {"invoiceNo":"%s-I2","customerCode":"%s","issueDate":"2026-05-10","dueDate":"2026-06-09","amount":5000.00}"""
                .formatted(code, code), 201);
    }


    static String text(Part p) throws Exception {
        Object content = p.getContent();
        if (content instanceof String s) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        if (content instanceof Multipart m) {
            for (int i = 0; i < m.getCount(); i++) {
                b.append(text(m.getBodyPart(i))).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void theDebtorOpensTheLinkFromAnEMailDisputesPromisesAndUploadsAReceiptAndTheCollectorSeesIt() throws Exception {
        String tpl = "pab_" + code.substring(4);
        api("PUT", "/api/templates/" + tpl + "/EMAIL/zh-CN/GENTLE", "admin", """
                {"subject":"对账 {{customer.name}}","body":"请在手机上查看并回复：{{portal.link}}\\n\\n{{company.name}}","note":"portal"}""", 201);
        api("POST", "/api/customers/" + code + "/messages", collector, """
                {"template":"%s","channel":"EMAIL","tone":"GENTLE","locale":"zh-CN","to":"zhou@portal.example"}""".formatted(tpl), 201);
        org.assertj.core.api.Assertions.assertThat(sender.runOnce().sent()).isEqualTo(1);
        MimeMessage[] received = SMTP.getReceivedMessages();
        org.assertj.core.api.Assertions.assertThat(received).hasSize(1);
        Matcher m = Pattern.compile("/portal/[A-Za-z0-9_-]{43}").matcher(text(received[0]));
        org.assertj.core.api.Assertions.assertThat(m.find()).as("the e-mail carries the portal link").isTrue();
        String path = m.group();

        openPage(390, 844);
        page.navigate(url(path));
        assertThat(page.locator("#portal-customer")).hasText("门户操作测试有限公司");
        page.locator("#portal-confirm-link").click();
        assertThat(page.locator("#confirm-total")).containsText("7,000.00");
        page.locator("#confirm-form input[name=answer][value=AGREE]").check();
        page.locator("#confirm-form input[name=name]").fill("周会计");
        page.locator("#confirm-form input[name=title]").fill("财务主管");
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the confirmation form has no horizontal scroll at 390 px").isTrue();
        shot("portal-confirmation-390");
        page.locator("#confirm-form button[type=submit]").click();
        assertThat(page.locator("#confirm-done")).containsText("谢谢，我们已收到您的确认");

        page.navigate(url(path));
        page.locator("#portal-act a").click();

        page.locator("#portal-dispute select[name=invoiceNo]").selectOption(code + "-I1");
        page.locator("#portal-dispute select[name=category]").selectOption("QUALITY");
        page.locator("#portal-dispute textarea[name=text]").fill("外包装破损，2 箱无法使用");
        page.locator("#portal-dispute input[name=files]").setInputFiles(new FilePayload("破损.png", "image/png", PNG));
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scroll at 390 px").isTrue();
        shot("portal-actions-390");
        page.locator("#portal-dispute button[type=submit]").click();
        assertThat(page.locator("#portal-done")).containsText("已收到您的异议");

        page.locator("#portal-promise input[name=amount]").fill("5000");
        page.locator("#portal-promise input[name=date]").fill("2026-07-15");
        page.locator("#portal-promise button[type=submit]").click();
        assertThat(page.locator("#portal-done")).containsText("已收到您的付款承诺");

        page.locator("#portal-receipt input[name=amount]").fill("1200.50");
        page.locator("#portal-receipt input[name=paidOn]").fill("2026-06-29");
        page.locator("#portal-receipt input[name=file]").setInputFiles(new FilePayload("回单.pdf", "application/pdf", PDF));
        page.locator("#portal-receipt button[type=submit]").click();
        assertThat(page.locator("#portal-done")).containsText("已收到您的银行回单");

        openPage();
        login(collector);
        page.navigate(url("/customers/" + code));
        assertThat(page.locator("#portal-confirmed")).containsText("确认余额：同意（7,000.00）");
        assertThat(page.locator("#portal-actions")).containsText("提出异议");
        assertThat(page.locator("#portal-actions")).containsText(code + "-I1");
        assertThat(page.locator("#portal-actions")).containsText("2,000.00");
        assertThat(page.locator("#portal-actions")).containsText("承诺付款");
        assertThat(page.locator("#portal-actions")).containsText("5,000.00");
        assertThat(page.locator("#portal-actions")).containsText("告知已付款");
        assertThat(page.locator("#portal-actions")).containsText("1,200.50");
        shot("portal-actions-panel");

        // before the next call: the task the portal opened for the collector shows the same on the call sheet
        long task = jdbc.sql("""
                SELECT min(t.id) FROM collection_task t JOIN customer c ON c.id = t.customer_id
                WHERE c.code = ? AND t.assignee = ? AND t.task_key LIKE 'portal-action-%'""").params(code, collector).query(Long.class).single();
        page.navigate(url("/worklist/tasks/" + task));
        assertThat(page.locator("#portal-summary-opened")).containsText("已打开");
        assertThat(page.locator("#portal-summary #portal-confirmed")).containsText("确认余额：同意（7,000.00）");
        assertThat(page.locator("#portal-summary-actions li")).hasCount(3);
        assertThat(page.locator("#portal-summary-actions")).containsText("告知已付款");
    }
}
