package io.huikuan.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads over real HTTP (Tomcat, multipart limits): an XLSX bomb is refused with a 4xx naming the
 * limit while the server keeps serving; a file over the upload size answers 413 with the API's JSON
 * problem body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=4MB"})
class UploadLimitsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void users() {
        Api.user(users, "uploadadmin", Role.ADMIN);
    }

    HttpRequest upload(String kind, String filename, byte[] content) throws IOException {
        String boundary = "----huikuan" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports/" + kind))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("uploadadmin:uploadadmin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    @Test
    void threeXlsxBombsAtOnceAreRefusedAndTheServerStaysHealthy() throws Exception {
        byte[] bomb = XlsxFiles.bomb(1L << 30);
        assertThat(bomb.length).as("a 1 MB file that unpacks to 1 GiB").isBetween(900_000, 1_200_000);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(http.sendAsync(upload("customers", "bomb.xlsx", bomb), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        for (CompletableFuture<HttpResponse<String>> a : answers) {
            HttpResponse<String> r = a.get();
            assertThat(r.statusCode()).isEqualTo(422);
            JsonNode error = json.readTree(r.body()).get("errors").get(0);
            assertThat(error.get("column").asString()).isEqualTo("file");
            assertThat(error.get("value").asString()).isEqualTo("huikuan.imports.max-cell-chars=32767");
            assertThat(error.get("message").asString()).contains("the file is refused").contains("more than 32767 characters");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE code = 'BOMB-1'").query(Long.class).single()).isZero();

        String code = "UL" + System.nanoTime();
        HttpResponse<String> normal = http.send(upload("customers", "ok.csv",
                ("customer_code,name\n" + code + ",正常客户有限公司\n").getBytes(StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
        assertThat(normal.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT name FROM customer WHERE code = ?").param(code).query(String.class).single()).isEqualTo("正常客户有限公司");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    void aFileOverTheUploadSizeAnswers413WithTheUsualJsonProblem() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        HttpResponse<String> r = http.send(upload("invoices", "big.csv", big), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("status").asInt()).isEqualTo(413);
        assertThat(body.get("title").asString()).isEqualTo("File too large");
        assertThat(body.get("detail").asString()).contains("2MB").contains("spring.servlet.multipart.max-file-size");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("file");
    }
}
