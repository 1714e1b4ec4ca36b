package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12, item 7 in Debian's Chromium: at 1440×900 the header's menus open by mouse and keyboard, lead
 * to their pages and close on a click outside or Escape; at 390×844 (a phone) the header is one compact
 * bar whose menu button opens the menus, the search and the user box, and no main page is wider than
 * the screen (tables scroll inside their own box).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class NavigationBrowserTests extends BrowserTestSupport {

    private static final List<String> MAIN_PAGES = List.of("/customers", "/invoices", "/payments", "/worklist", "/aging", "/dashboard",
            "/approvals", "/outbox", "/strategies", "/admin/users", "/promises", "/targets", "/month-ends", "/provisions", "/segments",
            "/templates", "/scripts", "/collection-runs", "/import", "/");

    @Autowired
    UserDirectory users;
    @Autowired
    MockMvc mvc;

    private String manager;
    private String code;

    @BeforeEach
    void data() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 6);
        manager = "nb-" + token;
        code = "NB" + token.toUpperCase();
        Api.user(users, manager, Role.MANAGER);
        Api.user(users, "nb-admin", Role.ADMIN);
        Api.call(mvc, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/customers"), "nb-admin", """
                {"code":"%s","name":"上海振华重工机械设备制造股份有限公司华东销售分公司","owner":"%s","region":"华东"}""".formatted(code, manager));
        Api.call(mvc, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/invoices"), "nb-admin", """
                {"invoiceNo":"NB-%s-0000000001","customerCode":"%s","issueDate":"2026-01-01","dueDate":"2026-01-31","amount":1272041.72}"""
                .formatted(token, code));
    }

    @Test
    void onADesktopTheMenusOpenByMouseAndKeyboardAndCloseOutside() {
        openPage(1440, 900);
        login(manager, "/dashboard");
        assertThat(headerHeight()).isLessThanOrEqualTo(64);
        assertThat(page.locator("#menu-toggle")).isHidden();
        assertThat(page.locator("#nav-aging")).isHidden();

        page.locator("#menu-reports > summary").click();
        assertThat(page.locator("#nav-aging")).isVisible();
        page.locator("#menu-work > summary").click(); // one menu open at a time
        assertThat(page.locator("#nav-aging")).isHidden();
        assertThat(page.locator("#nav-approvals")).isVisible();
        page.locator("h1").click(); // a click outside closes it
        assertThat(page.locator("#nav-approvals")).isHidden();

        page.locator("#menu-setup > summary").focus(); // the keyboard: Enter opens, Tab reaches the links, Escape closes
        page.keyboard().press("Enter");
        assertThat(page.locator("#nav-users")).isVisible();
        page.keyboard().press("Escape");
        assertThat(page.locator("#nav-users")).isHidden();

        nav("nav-customers");
        page.waitForURL(Pattern.compile(".*/customers$"));
        assertThat(page.locator("#menu-ledger")).hasClass(Pattern.compile("active"));
        nav("nav-users");
        page.waitForURL(Pattern.compile(".*/admin/users$"));

        page.locator("#global-search-q").fill(code);
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/customers/" + code + "$")); // the only hit, by its exact code
        shot("nav-desktop");
    }

    @Test
    void onAPhoneTheHeaderIsCompactAndNoMainPageOverflows() {
        openPage(390, 844);
        login(manager, "/dashboard");
        assertThat(headerHeight()).isLessThanOrEqualTo(64);
        assertThat(page.locator("#topnav")).isHidden();
        page.locator("#menu-toggle").click();
        assertThat(page.locator("#topnav")).isVisible();
        assertThat(page.locator("#menu-toggle")).hasAttribute("aria-expanded", "true");
        assertThat(page.locator("#global-search-q")).isVisible();
        shot("nav-phone-open");
        page.locator("#menu-ledger > summary").click();
        page.locator("#nav-invoices").click();
        page.waitForURL(Pattern.compile(".*/invoices$"));
        assertThat(page.locator("#topnav")).isHidden();

        for (String lang : List.of("zh-CN", "en")) {
            List<String> overflowing = new ArrayList<>();
            for (String path : MAIN_PAGES) {
                page.navigate(url(path + "?lang=" + lang));
                int width = ((Number) page.evaluate("document.scrollingElement.scrollWidth")).intValue();
                if (width > 395) {
                    overflowing.add(path + " (" + width + " px)");
                }
                assertThat(headerHeight()).as("header height on " + path).isLessThanOrEqualTo(64);
                shot("phone-" + lang + path.replace('/', '-'));
            }
            assertThat(overflowing).as("pages wider than a 390 px phone in " + lang).isEmpty();
        }
        page.navigate(url("/customers/" + code));
        assertThat(((Number) page.evaluate("document.scrollingElement.scrollWidth")).intValue()).isLessThanOrEqualTo(395);
        page.navigate(url("/invoices/NB-" + manager.substring(3) + "-0000000001"));
        assertThat(((Number) page.evaluate("document.scrollingElement.scrollWidth")).intValue()).isLessThanOrEqualTo(395);
    }

    @Test
    void theHeaderStaysOneBarAtEveryWidthInBothLanguages() {
        for (int width : new int[] {1440, 1100, 1024, 800, 390}) {
            openPage(width, 800);
            login(manager, "/dashboard");
            for (String lang : List.of("zh-CN", "en")) {
                page.navigate(url("/customers?lang=" + lang));
                assertThat(headerHeight()).as("header height at " + width + " px in " + lang).isLessThanOrEqualTo(64);
                assertThat(((Number) page.evaluate("document.scrollingElement.scrollWidth")).intValue())
                        .as("page width at " + width + " px in " + lang).isLessThanOrEqualTo(width + 5);
                shot("header-" + width + "-" + lang);
            }
        }
    }

    private int headerHeight() {
        return ((Number) page.evaluate("document.getElementById('topbar').getBoundingClientRect().height")).intValue();
    }
}
