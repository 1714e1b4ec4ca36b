package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.BoundingBox;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The drawn signature on a phone (Chromium, 390×844): drawing on the confirmation's canvas fills the hidden field
 * {@code signatureImage} with a PNG data URL (the script is a file, as the CSP wants), "clear" empties it, and the
 * confirmation posted with a drawing is stored with it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "huikuan.outbox.enabled=false")
class PortalSignatureBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;


    void stroke(BoundingBox box, double x0, double y0, double x1, double y1) {
        page.mouse().move(box.x + x0, box.y + y0);
        page.mouse().down();
        for (int i = 1; i <= 10; i++) {
            page.mouse().move(box.x + x0 + (x1 - x0) * i / 10, box.y + y0 + (y1 - y0) * i / 10);
        }
        page.mouse().up();
    }

    @Test
    void drawingOnTheCanvasFillsTheHiddenFieldAndTheConfirmationKeepsIt() throws Exception {
        String code = "PSB-" + System.nanoTime() % 1_000_000;
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        api("POST", "/api/customers", "admin", """
                {"code":"%s","name":"手写签名测试有限公司","owner":"admin"}""".formatted(code), 201);
        api("POST", "/api/invoices", "finance", """
                {"invoiceNo":"%s-1","customerCode":"%s","issueDate":"2025-01-01","dueDate":"2025-02-01","amount":900.00}""".formatted(code, code), 201);
        Matcher m = Pattern.compile("/portal/[A-Za-z0-9_-]{43}").matcher(api("POST", "/api/customers/" + code + "/portal-links", "admin", "{}", 201));
        org.assertj.core.api.Assertions.assertThat(m.find()).isTrue();

        openPage(390, 844);
        page.navigate(url(m.group() + "/confirmation"));
        assertThat(page.locator("#signature-canvas")).isVisible();
        page.locator("#signature-canvas").scrollIntoViewIfNeeded();
        BoundingBox box = page.locator("#signature-canvas").boundingBox();
        org.assertj.core.api.Assertions.assertThat(box.width).as("the canvas fits the phone").isLessThanOrEqualTo(390);
        org.assertj.core.api.Assertions.assertThat(page.locator("#signature-image").inputValue()).isEmpty();

        stroke(box, 20, 60, box.width - 20, 30);
        String drawn = page.locator("#signature-image").inputValue();
        org.assertj.core.api.Assertions.assertThat(drawn).as("a stroke fills the hidden field").startsWith("data:image/png;base64,iVBORw0KGgo");
        page.locator("#signature-clear").click();
        org.assertj.core.api.Assertions.assertThat(page.locator("#signature-image").inputValue()).as("clear empties it").isEmpty();
        stroke(box, 30, 80, box.width / 2, 20);
        stroke(box, box.width / 2, 20, box.width - 30, 90);
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scroll at 390 px").isTrue();

        page.locator("#confirm-form input[name=answer][value=AGREE]").check();
        page.locator("#confirm-form input[name=name]").fill("吴敏");
        page.locator("#confirm-form button[type=submit]").click();
        page.waitForURL("**/confirmation?done=1");
        org.assertj.core.api.Assertions.assertThat(api("GET", "/api/customers/" + code + "/confirmations", "admin", null, 200))
                .contains("\"hasDrawnSignature\":true");
    }
}
