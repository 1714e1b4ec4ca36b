package io.huikuan.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (the name does not end in Tests): takes screenshots of a running
 * Huikuan for a person to look at. Run with
 * {@code -Dtest=ScreenshotTour -Dhuikuan.tour.url=http://localhost:8080 -Dhuikuan.tour.user=admin -Dhuikuan.tour.password=...
 * -Dhuikuan.tour.pages=/,/customers -Dhuikuan.tour.out=/tmp/shots}.
 */
class ScreenshotTour {

    @Test
    void takeScreenshots() {
        String url = System.getProperty("huikuan.tour.url");
        assumeTrue(url != null && !url.isBlank(), "huikuan.tour.url not set");
        Path out = Paths.get(System.getProperty("huikuan.tour.out", "/tmp/shots"));
        String lang = System.getProperty("huikuan.tour.lang", "zh-CN");
        try (Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = pw.chromium().launch(BrowserTestSupport.launchOptions())) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900));
            page.navigate(url + "/login?lang=" + lang);
            page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("login-" + lang + ".png")));
            page.fill("#username", System.getProperty("huikuan.tour.user", "admin"));
            page.fill("#password", System.getProperty("huikuan.tour.password", "admin"));
            page.click("#login-submit");
            page.waitForLoadState();
            int i = 0;
            for (String p : System.getProperty("huikuan.tour.pages", "/").split(",")) {
                page.navigate(url + p);
                page.waitForLoadState();
                String name = String.format("%02d%s-%s.png", i++, p.replaceAll("[^a-zA-Z0-9]+", "_"), lang);
                page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve(name)).setFullPage(true));
            }
        }
    }

    static BrowserType.LaunchOptions options() {
        return BrowserTestSupport.launchOptions();
    }
}
