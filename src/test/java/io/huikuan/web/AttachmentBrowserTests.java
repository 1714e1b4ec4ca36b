package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.FilePayload;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A lawyer in Debian's Chromium: from the customer page to its documents & evidence page, uploads a signed confirmation,
 * sees it listed with its SHA-256, is told in Chinese when a file type is refused, and downloads the evidence pack, whose
 * ZIP holds the uploaded file and the index.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AttachmentBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;

    String code;

    @BeforeEach
    void customer() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "lawyer", Role.LEGAL);
        code = "ABT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/customers")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"name\":\"镇江金山化工有限公司\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        openPage();
    }

    @Test
    void aLawyerUploadsASignedConfirmationAndDownloadsTheEvidencePack() throws Exception {
        login("lawyer");
        page.navigate(url("/customers/" + code));
        page.locator("#customer-attachments").click();
        page.waitForURL(url("/customers/" + code + "/attachments"));
        assertThat(page.locator("h1").textContent()).isEqualTo("证据材料");

        byte[] pdf = "%PDF-1.4\n% 对账函回执\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        page.locator("#attachment-file").setInputFiles(new FilePayload("对账函回执.pdf", "application/pdf", pdf));
        page.locator("#attachment-category").selectOption("SIGNED_CONFIRMATION");
        page.locator("#attachment-submit").click();
        page.waitForURL(url("/customers/" + code + "/attachments"));
        assertThat(page.locator(".flash.ok").textContent()).contains("已上传 对账函回执.pdf");
        assertThat(page.locator("#attachment-table tbody tr").count()).isEqualTo(1);
        assertThat(page.locator("#attachment-table tbody tr").first().textContent()).contains("对账函回执.pdf", "签回的对账函");
        shot("attachments");

        page.locator("#attachment-file").setInputFiles(new FilePayload("run.sh", "text/x-sh", "#!/bin/sh\0".getBytes(StandardCharsets.UTF_8)));
        page.locator("#attachment-submit").click();
        page.waitForURL(url("/customers/" + code + "/attachments"));
        assertThat(page.locator(".flash.bad").textContent()).contains("不接受“run.sh”这种文件");

        Download download = page.waitForDownload(() -> page.locator("#evidence-download").click());
        assertThat(download.suggestedFilename()).startsWith("evidence-" + code + "-").endsWith(".zip");
        boolean index = false;
        boolean uploaded = false;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(download.path()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                index |= e.getName().equals("01-index.pdf");
                uploaded |= e.getName().startsWith("05-statements/") && e.getName().endsWith("_对账函回执.pdf");
            }
        }
        assertThat(index).isTrue();
        assertThat(uploaded).isTrue();
    }
}
