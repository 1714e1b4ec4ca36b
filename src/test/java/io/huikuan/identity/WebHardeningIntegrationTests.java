package io.huikuan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.support.Api;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a browser (and an attacker's page) meets over real HTTP: the security headers on pages and API
 * answers, a session cookie that other sites' requests do not carry, redirects that never name a forged
 * Host, no Basic login dialog for browsers, and no data changed by another site's request riding on
 * Basic credentials the browser remembered, while tools calling the API with Basic keep working.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebHardeningIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String EVIL = "evil.example";

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void users() {
        Api.user(users, "admin", Role.ADMIN);
    }

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() throws Exception {
        for (HttpResponse<String> r : List.of(
                send(request("/login").GET()),
                send(request("/api/me").header("Authorization", basic("admin")).GET()),
                send(request("/api/me").GET()),
                send(request("/css/app.css").GET()))) {
            String what = r.request().uri().getPath() + " → " + r.statusCode();
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(what).contains("script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                    "base-uri 'self'", "form-action 'self'", "default-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(r.headers().firstValue("Permissions-Policy").orElse("")).as(what).contains("camera=()", "geolocation=()");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> login = send(request("/login").GET());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(cookie).as("plain HTTP: not Secure").doesNotContainIgnoringCase("Secure");
    }

    @Test
    void redirectsNeverNameAForgedHost() throws Exception {
        Raw page = raw("GET", "/customers", Map.of("Host", EVIL, "Accept", "text/html"), null);
        assertThat(page.status).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("/login").doesNotContain(EVIL);

        // the login in the same session: back to the page asked for, still without the forged host
        Raw loggedIn = login(page.cookie("JSESSIONID"), "admin");
        assertThat(loggedIn.status).isEqualTo(302);
        assertThat(loggedIn.header("Location")).startsWith("/customers").doesNotContain(EVIL);

        Raw wrong = login(null, "not-the-password");
        assertThat(wrong.status).isEqualTo(302);
        assertThat(wrong.header("Location")).isEqualTo("/login?error");
    }

    /** Opens the login form (in {@code session}, or a new one) and logs in as admin with {@code password}, all with the forged Host. */
    private Raw login(String session, String password) throws IOException {
        Raw form = raw("GET", "/login", session == null ? Map.of("Host", EVIL) : Map.of("Host", EVIL, "Cookie", "JSESSIONID=" + session), null);
        String current = form.cookie("JSESSIONID") == null ? session : form.cookie("JSESSIONID");
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form.body);
        assertThat(csrf.find()).as("the login form holds a CSRF token").isTrue();
        String body = "username=admin&password=" + password + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return raw("POST", "/login", Map.of("Host", EVIL, "Cookie", "JSESSIONID=" + current,
                "Content-Type", "application/x-www-form-urlencoded"), body);
    }

    @Test
    void browsersAreNeverAskedForBasicCredentialsToolsAre() throws Exception {
        HttpResponse<String> tool = send(request("/api/me").GET());
        assertThat(tool.statusCode()).isEqualTo(401);
        assertThat(tool.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"huikuan\"");

        HttpResponse<String> fetch = send(request("/api/me").header("Sec-Fetch-Mode", "cors").header("Sec-Fetch-Site", "cross-site")
                .header("Origin", "https://" + EVIL).GET());
        assertThat(fetch.statusCode()).isEqualTo(401);
        assertThat(fetch.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(fetch.body()).contains("\"status\":401");

        HttpResponse<String> addressBar = send(request("/api/me").header("Accept", "text/html,application/xhtml+xml").GET());
        assertThat(addressBar.statusCode()).isEqualTo(401);
        assertThat(addressBar.headers().firstValue("WWW-Authenticate")).isEmpty();

        // the pages: an htmx request after the session ended is sent to the login page, without a dialog
        HttpResponse<String> htmx = send(request("/worklist/progress").header("HX-Request", "true").header("Accept", "*/*")
                .header("Sec-Fetch-Mode", "cors").header("Sec-Fetch-Site", "same-origin").GET());
        assertThat(htmx.statusCode()).isEqualTo(401);
        assertThat(htmx.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(htmx.headers().firstValue("HX-Redirect")).hasValue("/login");
        HttpResponse<String> apiDocs = send(request("/v3/api-docs").header("Accept", "*/*").GET());
        assertThat(apiDocs.statusCode()).isEqualTo(401);
        assertThat(apiDocs.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    }

    @Test
    void anotherSitesRequestRidingOnRememberedBasicCredentialsChangesNothing() throws Exception {
        String fromOrigin = newCode();
        HttpResponse<String> r = send(request("/api/customers").header("Authorization", basic("admin"))
                .header("Origin", "https://" + EVIL).header("Content-Type", "application/json").POST(customer(fromOrigin)));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"status\":403").contains("another site");

        String fromSite = newCode();
        assertThat(send(request("/api/customers").header("Authorization", basic("admin")).header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "no-cors").header("Content-Type", "application/json").POST(customer(fromSite))).statusCode())
                .isEqualTo(403);
        String sibling = newCode();
        assertThat(send(request("/api/customers").header("Authorization", basic("admin")).header("Sec-Fetch-Site", "same-site")
                .header("Content-Type", "application/json").POST(customer(sibling))).statusCode())
                .as("a sibling subdomain is another site too").isEqualTo(403);
        String sandboxed = newCode();
        assertThat(send(request("/api/customers").header("Authorization", basic("admin")).header("Origin", "null")
                .header("Content-Type", "application/json").POST(customer(sandboxed))).statusCode()).isEqualTo(403);

        for (String code : List.of(fromOrigin, fromSite, sibling, sandboxed)) {
            assertThat(send(request("/api/customers/" + code).header("Authorization", basic("admin")).GET()).statusCode())
                    .as("customer %s was not created", code).isEqualTo(404);
        }
        // reading is not a change (and the other site cannot read the answer: no CORS)
        assertThat(send(request("/api/me").header("Authorization", basic("admin")).header("Origin", "https://" + EVIL)
                .header("Sec-Fetch-Site", "cross-site").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void toolsAndOurOwnPagesStillWriteWithBasic() throws Exception {
        String curl = newCode();
        assertThat(send(request("/api/customers").header("Authorization", basic("admin")).header("Content-Type", "application/json")
                .header("User-Agent", "curl/8.5.0").header("Accept", "*/*").POST(customer(curl))).statusCode()).isEqualTo(201);
        String sameOrigin = newCode();
        assertThat(send(request("/api/customers").header("Authorization", basic("admin")).header("Content-Type", "application/json")
                .header("Origin", "http://localhost:" + port).header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "cors")
                .POST(customer(sameOrigin))).statusCode()).as("Swagger UI's 'try it out' on this server").isEqualTo(201);
        assertThat(send(request("/api/customers/" + curl).header("Authorization", basic("admin")).GET()).statusCode()).isEqualTo(200);
    }

    private String newCode() {
        return "WH-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    private static HttpRequest.BodyPublisher customer(String code) {
        return HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"name\":\"跨站测试 " + code + "\",\"creditLimit\":1000,\"creditDays\":30}");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** One HTTP/1.1 exchange on a plain socket, so the Host header can be anything (as an attacker's client sends it). */
    private Raw raw(String method, String path, Map<String, String> headers, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return Raw.parse(all.toString(StandardCharsets.UTF_8));
        }
    }

    private record Raw(int status, Map<String, List<String>> headers, String body) {

        static Raw parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        String cookie(String name) {
            for (String c : headers.getOrDefault("set-cookie", List.of())) {
                if (c.startsWith(name + "=")) {
                    return c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
                }
            }
            return null;
        }
    }
}
