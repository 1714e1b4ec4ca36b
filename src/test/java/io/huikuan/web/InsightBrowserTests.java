package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The insight pages in Debian's Chromium (issue 17): the dashboard loads the 13-week cash forecast with htmx and the
 * dashboard's script draws its chart; "what works" filters by collector and exports the table as an XLSX file that
 * opens; the month's outlook shows on the collector's progress card. No Content-Security-Policy violation anywhere.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "huikuan.outbox.enabled=false")
class InsightBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;

    private String collector;
    private String code;

    @BeforeEach
    void setUp() throws Exception {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        collector = "inscol" + suffix;
        code = "INS-" + suffix;
        Api.user(users, "insboss", Role.MANAGER);
        Api.user(users, "insfin", Role.FINANCE);
        Api.user(users, "insadmin", Role.ADMIN);
        Api.user(users, collector, Role.COLLECTOR);
        api("POST", "/api/customers", "insadmin", """
                {"code":"%s","name":"效果浏览器测试公司","owner":"%s"}""".formatted(code, collector), 201);
        api("POST", "/api/invoices", "insfin", """
                {"invoiceNo":"%s-1","customerCode":"%s","issueDate":"2026-09-01","dueDate":"2026-10-01","amount":3000.00}""".formatted(code, code), 201);
        api("POST", "/api/activities", collector, """
                {"customerCode":"%s","channel":"PHONE","outcome":"REACHED","script":"S01"}""".formatted(code), 201);
        openPage();
    }

    @Test
    void theDashboardDrawsTheForecastAndWhatWorksExportsItsTable() throws Exception {
        login("insboss");
        page.navigate(url("/dashboard"));
        assertThat(page.locator("#forecast-chart")).isVisible();
        assertThat(page.locator("#forecast-weeks tbody tr")).not().hasCount(0);
        page.waitForFunction("() => window.huikuanCharts && window.huikuanCharts['forecast-chart']");
        shot("insight-dashboard-forecast");
        page.navigate(url("/insight/forecast"));
        page.waitForFunction("() => window.huikuanCharts && window.huikuanCharts['forecast-chart']");

        page.navigate(url("/insight/effectiveness"));
        page.locator("#effectiveness-filters select[name=dimension]").selectOption("COLLECTOR");
        page.locator("#effectiveness-filters button[type=submit]").click();
        assertThat(page.locator("#effectiveness-table tr[data-key='" + collector + "']")).isVisible();
        assertThat(page.locator("#effectiveness-table tr[data-key='" + collector + "'] td").nth(1)).hasText("1");
        shot("insight-effectiveness");
        Download download = page.waitForDownload(() -> page.locator("#effectiveness-xlsx").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).startsWith("effectiveness-collector-").endsWith(".xlsx");
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(download.path()))) {
            for (Row r : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                r.forEach(c -> cells.add(c == null ? "" : c.getText()));
                rows.add(cells);
            }
        }
        org.assertj.core.api.Assertions.assertThat(rows.getFirst()).startsWith("催收员", "联系次数");
        org.assertj.core.api.Assertions.assertThat(rows).anySatisfy(r -> org.assertj.core.api.Assertions.assertThat(r).startsWith(collector, "1"));
    }

    @Test
    void theCollectorsProgressCardShowsTheModelsOutlookForTheMonth() {
        login(collector);
        page.navigate(url("/targets"));
        assertThat(page.locator("#progress-outlook #outlook-predicted")).isVisible();
        assertThat(page.locator("#progress-outlook")).containsText("模型预测月底回款");
    }
}
