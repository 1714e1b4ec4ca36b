package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.FilePayload;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * In Debian's Chromium, under the Content-Security-Policy (no script of ours is needed): a legal user computes the claim
 * on the new-case form (interest at 万分之五, the court fee of a lawsuit), opens the case with it, sees on the case page
 * how the interest was computed, uploads the judgment there and downloads the case's evidence pack with it inside.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class)
class CaseClaimBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;

    @Test
    void legalComputesTheClaimOpensTheCaseUploadsTheJudgmentAndDownloadsTheCasePack() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 6);
        String legal = "cl-" + token;
        String code = "CL-" + token;
        Api.user(users, legal, Role.LEGAL);
        Api.user(users, "cl-admin", Role.ADMIN);
        Api.user(users, "cl-finance", Role.FINANCE);
        clock.set(LocalDate.of(2026, 6, 30), LocalTime.of(10, 0));
        api("/api/customers", "cl-admin", """
                {"code":"%s","name":"常州天宁精密机械有限公司","region":"华东"}""".formatted(code));
        api("/api/invoices", "cl-finance", """
                {"invoiceNo":"CL-%s-1","customerCode":"%s","issueDate":"2026-02-01","dueDate":"2026-03-31","amount":86000.00}""".formatted(token, code));

        openPage();
        login(legal);
        page.navigate(url("/legal/cases/new?customer=" + code));
        page.locator("#case-kind").selectOption("LAWSUIT");
        page.locator("#claim-compute-button").click();
        // 86,000.00 × 0.0005 × 91 days (2026-04-01 to 2026-06-30) = 3,913.00; the fee of a lawsuit on 89,913.00 = 2,047.83
        assertThat(page.locator("input[name='interest']")).hasValue("3913.00");
        assertThat(page.locator("input[name='costs']")).hasValue("2047.83");
        assertThat(page.locator("#claim-lines tbody tr")).hasCount(1);
        assertThat(page.locator("#claim-lines")).containsText("91");
        assertThat(page.locator("#claim-total")).containsText("91,960.83");
        page.locator("#case-no").fill("(2026)苏04民初66号");
        page.locator("#legal-case-submit").click();
        page.waitForURL(Pattern.compile(".*/legal/cases/\\d+$"));
        assertThat(page.locator("#case-claim")).containsText("91,960.83");
        assertThat(page.locator("#claim-method")).containsText("0.0005");
        assertThat(page.locator("#claim-lines")).containsText("3,913.00");

        page.locator("#add-document > summary").click();
        byte[] pdf = "%PDF-1.4\n% 民事判决书\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        page.locator("#case-document-file").setInputFiles(new FilePayload("民事判决书.pdf", "application/pdf", pdf));
        page.locator("#case-document-category").selectOption("JUDGMENT");
        page.locator("#case-document-submit").click();
        page.waitForURL(Pattern.compile(".*/legal/cases/\\d+(#case-documents)?$"));
        assertThat(page.locator("#case-documents")).containsText("民事判决书.pdf");

        Download download = page.waitForDownload(() -> page.locator("#case-evidence-download").click());
        assertThat(download.suggestedFilename()).startsWith("evidence-case-").endsWith("-2026-06-30.zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(download.path()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("01-index.pdf", "11-case/2026-06-30_民事判决书.pdf");
    }

    private void api(String path, String user, String json) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> r;
        try (HttpClient client = HttpClient.newHttpClient()) {
            r = client.send(req, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(201);
    }
}
