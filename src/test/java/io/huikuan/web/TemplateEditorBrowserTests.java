package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.huikuan.correspondence.TemplateChannel;
import io.huikuan.correspondence.Templates;
import io.huikuan.customer.Contact;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.worklist.Tone;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The template editor in Debian's Chromium: a manager types into the body (and clicks a variable in) and the live
 * preview (htmx, as they type) shows the chosen customer's name; an unknown {{foo}} shows its error in Chinese; after fixing it the manager saves
 * with a change note and sees version 2 in use and in the history.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TemplateEditorBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    Templates templates;

    private String manager;
    private String code;
    private String template;

    @BeforeEach
    void setUp() {
        String token = UUID.randomUUID().toString().substring(0, 6);
        manager = "tb-" + token;
        code = "TB-" + token;
        template = "tb_" + token.replace('-', '_');
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        try {
            Api.user(users, manager, Role.MANAGER);
            customers.create(new Customer(code, "宁波海天塑机有限公司", null, "华东", null, "机械", null, null, 60, "B",
                    List.of(new Contact(null, "孙会计", Contact.ContactRole.FINANCE, "会计", null, null, null, null))), null);
            templates.save(template, TemplateChannel.EMAIL, "zh-CN", Tone.GENTLE, "账款提醒", "您好：", "第一版");
        } finally {
            SecurityContextHolder.clearContext();
        }
        openPage();
    }

    @Test
    void aManagerSeesTheLivePreviewAndTheErrorWhileTypingThenSavesVersionTwo() {
        login(manager);
        page.navigate(url("/templates"));
        nav("nav-templates");
        page.navigate(url("/templates/" + template + "/EMAIL/zh-CN/GENTLE"));
        assertThat(page.locator("#version-in-use")).containsText("v1");
        assertThat(page.locator("#preview-html")).containsText("您好：");

        page.locator("#tpl-customer").fill(code);
        var body = page.locator("#tpl-body");
        body.click();
        body.press("End");
        body.pressSequentially("{{customer.name}}，");
        // a variable from the list goes in at the cursor
        page.locator(".tpl-vars button[data-insert='{{contact.name}}']").click();
        assertThat(page.locator("#preview-html")).containsText("您好：宁波海天塑机有限公司，孙会计");
        shot("template-editor-preview");

        body.pressSequentially(" {{foo}}");
        assertThat(page.locator("#preview-errors")).containsText("未知变量 {{foo}}（第 1 行）");
        assertThat(page.locator("#preview-html")).hasCount(0);
        shot("template-editor-error");

        for (int i = 0; i < " {{foo}}".length(); i++) {
            body.press("Backspace");
        }
        assertThat(page.locator("#preview-html")).containsText("宁波海天塑机有限公司，孙会计");
        assertThat(page.locator("#preview-errors")).hasCount(0);

        page.locator("#tpl-note").fill("加上客户名称");
        page.locator("#tpl-save").click();
        page.waitForURL(Pattern.compile(".*/templates/" + template + "/EMAIL/zh-CN/GENTLE$"));
        assertThat(page.locator(".flash.ok")).containsText("已保存为版本 v2");
        assertThat(page.locator("#version-in-use")).containsText("v2");
        assertThat(page.locator("#versions tr[data-version='2']")).containsText("加上客户名称");
        assertThat(page.locator("#tpl-body")).hasValue("您好：{{customer.name}}，{{contact.name}}");
        shot("template-editor-saved");
    }
}
