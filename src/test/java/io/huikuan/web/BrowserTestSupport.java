package io.huikuan.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests share: Debian's Chromium driven by Playwright (never a downloaded browser),
 * one browser per test class, a fresh 1400×900 zh-CN page per {@link #openPage()}, login through the
 * form, and screenshots of key steps with {@code -Dhuikuan.screenshots=DIR}. Every test fails when the browser
 * reported a Content-Security-Policy violation on any page it opened (an inline script, style or handler).
 */
abstract class BrowserTestSupport {

    private static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;
    BrowserContext context;
    Page page;
    private final List<String> policyViolations = new java.util.ArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        browser = playwright.chromium().launch(launchOptions());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    /** Debian's Chromium, headless. */
    static BrowserType.LaunchOptions launchOptions() {
        return new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--no-first-run"));
    }

    static Path chromium() {
        String configured = System.getenv("HUIKUAN_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Paths.get(dir, "chromium");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Paths.get("/usr/bin/chromium");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        throw new IllegalStateException("Debian's chromium is not installed: apt-get install -y chromium (or set HUIKUAN_CHROMIUM)");
    }

    /** A fresh browser context and page (closing the previous one), Chinese, 1400×900. */
    void openPage() {
        openPage(1400, 900);
    }

    /** A fresh browser context and page of this viewport size (e.g. 390×844, a phone), Chinese. */
    void openPage(int width, int height) {
        closePage();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN"));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        Page opened = page;
        page.onConsoleMessage(m -> {
            if (m.text().toLowerCase(java.util.Locale.ROOT).contains("content security policy")) {
                policyViolations.add(opened.url() + ": " + m.text());
            }
        });
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
            context = null;
        }
        List<String> seen = List.copyOf(policyViolations);
        policyViolations.clear();
        org.assertj.core.api.Assertions.assertThat(seen).as("Content-Security-Policy violations reported by the browser").isEmpty();
    }

    /** Logs in with the form (password = username) and waits to leave the login page. */
    void login(String username) {
        submitLogin(username);
        page.waitForURL(Pattern.compile("^(?!.*/login).*$"));
    }

    /** Logs in and waits for {@code landing}. */
    void login(String username, String landing) {
        submitLogin(username);
        page.waitForURL(url(landing));
    }

    private void submitLogin(String username) {
        page.navigate(url("/login"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(username);
        page.locator("#login-submit").click();
    }

    /**
     * Follows a header link by its id, as a person would: on a narrow screen through the menu button,
     * then through the menu that holds the link (the header groups its links in menus, issue 12).
     */
    void nav(String linkId) {
        com.microsoft.playwright.Locator link = page.locator("#" + linkId);
        if (page.locator("#menu-toggle").isVisible() && page.locator("#topbar.nav-open").count() == 0) {
            page.locator("#menu-toggle").click();
        }
        if (!link.isVisible()) {
            page.locator("details.navmenu:has(#" + linkId + ") > summary").click();
        }
        link.click();
    }

    /** With {@code -Dhuikuan.screenshots=DIR} the test leaves screenshots of its key steps for a person to look at. */
    void shot(String name) {
        String dirName = System.getProperty("huikuan.screenshots");
        if (dirName != null && !dirName.isBlank()) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(dirName, name + ".png")).setFullPage(true));
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A call of the application's API over HTTP as {@code user} (Basic, password = user name); the status must be {@code expected} (201: or 200). */
    String api(String method, String path, String user, String json, int expected) throws Exception {
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path))).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(json, java.nio.charset.StandardCharsets.UTF_8))
                .build();
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(req,
                java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isIn(expected, expected == 201 ? 200 : expected);
        return r.body();
    }
}
