package io.huikuan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.support.Api;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a TLS-terminating proxy, as the README configures it ({@code server.forward-headers-strategy=native};
 * the test client on 127.0.0.1 plays the proxy): the session cookie is Secure, HSTS is sent, redirects stay
 * relative, and the API tells the site's own HTTPS pages from other sites.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.forward-headers-strategy=native")
class ReverseProxyIntegrationTests {

    private static final String SITE = "https://huikuan.example.com";

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
    void overHttpsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> login = send(proxied("/login").GET());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(login.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=");

        HttpResponse<String> page = send(proxied("/customers").header("Accept", "text/html").GET());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void theSitesOwnHttpsOriginMayWriteWithBasicOthersMayNot() throws Exception {
        String own = "RP-" + System.nanoTime() % 1000000;
        assertThat(send(proxied("/api/customers").header("Authorization", basic()).header("Origin", SITE)
                .header("Content-Type", "application/json").POST(customer(own))).statusCode()).isEqualTo(201);
        String foreign = own + "-X";
        assertThat(send(proxied("/api/customers").header("Authorization", basic()).header("Origin", "https://evil.example")
                .header("Content-Type", "application/json").POST(customer(foreign))).statusCode()).isEqualTo(403);
        String downgraded = own + "-H";
        assertThat(send(proxied("/api/customers").header("Authorization", basic()).header("Origin", "http://huikuan.example.com")
                .header("Content-Type", "application/json").POST(customer(downgraded))).statusCode())
                .as("the same host over plain HTTP is another origin").isEqualTo(403);
    }

    /** A request as the proxy forwards it: the browser asked for https://huikuan.example.com. */
    private HttpRequest.Builder proxied(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "huikuan.example.com").header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", "203.0.113.7");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.BodyPublisher customer(String code) {
        return HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"name\":\"代理测试 " + code + "\",\"creditLimit\":1000,\"creditDays\":30}");
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    }
}
