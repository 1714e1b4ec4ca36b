package io.huikuan.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The small rules behind the web hardening: what counts as a browser, where a saved page redirects to. */
class WebHardeningTests {

    @Test
    void aSavedPageIsRedirectedToByPathOnlyNeverToAnotherHost() {
        assertThat(WebHardening.relative("http://evil.example/customers/C1?continue")).isEqualTo("/customers/C1?continue");
        assertThat(WebHardening.relative("http://evil.example//other.example/x")).as("protocol-relative").isEqualTo("/");
        assertThat(WebHardening.relative("http://evil.example")).isEqualTo("/");
        assertThat(WebHardening.relative("not a url")).isEqualTo("/");
        assertThat(WebHardening.relative("http://localhost/customers?q=%25")).isEqualTo("/customers?q=%25");
    }

    @Test
    void browsersAreToldApartFromTools() {
        assertThat(WebHardening.fromBrowser(request("User-Agent", "curl/8.5.0"))).isFalse();
        assertThat(WebHardening.fromBrowser(request("Accept", "application/json"))).isFalse();
        assertThat(WebHardening.fromBrowser(request("Sec-Fetch-Mode", "no-cors"))).isTrue();
        assertThat(WebHardening.fromBrowser(request("Origin", "https://evil.example"))).isTrue();
        assertThat(WebHardening.fromBrowser(request("Accept", "text/html,application/xhtml+xml"))).isTrue();
    }

    @Test
    void onlyStateChangingBasicCallsFromAnotherSiteAreRefused() {
        MockHttpServletRequest post = request("Authorization", "Basic YWRtaW46YWRtaW4=");
        post.setMethod("POST");
        assertThat(CrossSiteBasicGuard.refused(post)).as("a tool").isFalse();
        post.addHeader("Sec-Fetch-Site", "cross-site");
        assertThat(CrossSiteBasicGuard.refused(post)).isTrue();

        MockHttpServletRequest get = request("Authorization", "Basic YWRtaW46YWRtaW4=");
        get.addHeader("Sec-Fetch-Site", "cross-site");
        assertThat(CrossSiteBasicGuard.refused(get)).as("a read").isFalse();

        MockHttpServletRequest bearer = request("Authorization", "Bearer hk_x");
        bearer.setMethod("DELETE");
        bearer.addHeader("Origin", "https://evil.example");
        assertThat(CrossSiteBasicGuard.refused(bearer)).as("a token is never attached by the browser itself").isFalse();

        MockHttpServletRequest own = request("Authorization", "basic YWRtaW46YWRtaW4=");
        own.setMethod("PUT");
        own.setServerName("huikuan.example.com");
        own.setServerPort(80);
        own.addHeader("Origin", "http://huikuan.example.com");
        own.addHeader("Sec-Fetch-Site", "same-origin");
        assertThat(CrossSiteBasicGuard.refused(own)).isFalse();
        own.removeHeader("Origin");
        own.addHeader("Origin", "http://huikuan.example.com:8443");
        assertThat(CrossSiteBasicGuard.refused(own)).as("another port is another origin").isTrue();
    }

    private static MockHttpServletRequest request(String header, String value) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", "/api/customers");
        r.addHeader(header, value);
        return r;
    }
}
