package io.huikuan.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.support.MovableClock;
import io.huikuan.support.PdfText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The portal never shows or changes another customer's data (issue 16, item 4), on H2 and PostgreSQL. Every portal
 * URL the application maps (read from Spring MVC's mappings, so a new one is covered the day it is added) is called
 * with customer A's token and customer B's invoice numbers in every parameter a portal form knows: no answer, page or
 * PDF carries anything of B, and nothing of B is stored. A tampered token answers 404 on every URL; a session planted
 * before the link is opened gets a new id.
 */
@SpringBootTest(properties = {"huikuan.outbox.enabled=false", "huikuan.portal.requests-per-minute-per-ip=1000",
        "huikuan.portal.requests-per-minute-per-link=1000"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class PortalIsolationBehaviour extends PortalFixture {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    PortalIsolationBehaviour() {
        super("PI", "门户隔离");
    }

    /** Every (method, path) the application serves under {@code /portal/{token}}. */
    List<Map.Entry<HttpMethod, String>> portalUrls() {
        TreeSet<String> seen = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/portal/{token}")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? List.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    seen.add(m.name() + " " + path);
                }
            }
        }
        List<Map.Entry<HttpMethod, String>> urls = new ArrayList<>();
        for (String s : seen) {
            urls.add(Map.entry(HttpMethod.valueOf(s.substring(0, s.indexOf(' '))), s.substring(s.indexOf(' ') + 1)));
        }
        return urls;
    }

    /** What of customer {@code code} the portal could have stored. */
    long footprint(String code) {
        long n = 0;
        for (String table : List.of("portal_action", "portal_confirmation", "promise", "payment_plan", "attachment", "activity", "collection_task")) {
            n += count("SELECT count(*) FROM " + table + " t JOIN customer c ON c.id = t.customer_id WHERE c.code = ?", code);
        }
        return n + count("SELECT count(*) FROM invoice_dispute x JOIN invoice i ON i.id = x.invoice_id JOIN customer c ON c.id = i.customer_id"
                + " WHERE c.code = ?", code);
    }

    MockHttpServletRequestBuilder call(HttpMethod method, String path, String token, String theirInvoice) {
        MockHttpServletRequestBuilder req = request(method, path.replace("{token}", token));
        for (String p : List.of("invoice", "invoiceNo")) {
            req.param(p, theirInvoice);
        }
        req.param("disputed[" + theirInvoice + "]", "1.00").param("category", "QUALITY").param("amount", "1.00").param("text", "x")
                .param("date", "2025-06-20").param("paidOn", "2025-06-09").param("note", "x").param("installments", "2")
                .param("firstDate", "2025-07-01").param("answer", "DISAGREE").param("name", "张三").param("acknowledgedAmount", "0")
                .param("differences", "x").param("from", "2025-01-01").param("to", "2025-06-10").param("code", "123456");
        return req.with(r -> {
            r.setRemoteAddr(ip);
            return r;
        }).header("User-Agent", PHONE);
    }

    static String shown(MockHttpServletResponse r) throws Exception {
        byte[] bytes = r.getContentAsByteArray();
        return "application/pdf".equals(r.getContentType()) ? PdfText.of(bytes) : new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void everyPortalUrlWithOneCustomersTokenShowsAndStoresNothingOfAnother() throws Exception {
        String a = customer("A");
        String b = customer("B");
        invoice(a, a + "-I1", "2025-05-01", "1000.00");
        invoice(b, b + "-I9", "2025-05-01", "900.00");
        invoice(b, b + "-I8", "2025-07-01", "800.00");
        String tokenA = linkUrl(a).substring("/portal/".length());
        linkUrl(b);
        long before = footprint(b);

        List<Map.Entry<HttpMethod, String>> urls = portalUrls();
        assertThat(urls).as("the portal's URLs are found").hasSizeGreaterThanOrEqualTo(10)
                .contains(Map.entry(HttpMethod.POST, "/portal/{token}/confirmation"), Map.entry(HttpMethod.GET, "/portal/{token}/statement.pdf"));
        Map<String, String> answered = new java.util.HashMap<>();
        for (Map.Entry<HttpMethod, String> u : urls) {
            MockHttpServletRequestBuilder req = call(u.getKey(), u.getValue(), tokenA, b + "-I9");
            if (u.getKey() != HttpMethod.GET) {
                req.with(csrf());
            }
            MockHttpServletResponse r = mvc.perform(req).andReturn().getResponse();
            String where = u.getKey() + " " + u.getValue() + " → " + r.getStatus();
            assertThat(r.getStatus()).as(where).isLessThan(500);
            assertThat(shown(r)).as(where).doesNotContain(b, "门户隔离 B");
            assertThat(r.getRedirectedUrl() == null ? "" : r.getRedirectedUrl()).as(where).doesNotContain(b);
            answered.put(u.getKey() + " " + u.getValue(), r.getStatus() + " " + shown(r));
        }
        assertThat(answered.get("GET /portal/{token}")).as("A's own page is shown").startsWith("200").contains(a + "-I1");
        assertThat(answered.get("GET /portal/{token}/statement.pdf")).as("A's own statement").startsWith("200").contains(a + "-I1");
        assertThat(footprint(b)).as("nothing of B stored through A's link").isEqualTo(before);
        open("/portal/" + tokenA + "/actions?invoice=" + b + "-I9").andExpect(status().isNotFound());
    }

    @Test
    void aTamperedTokenAnswers404OnEveryPortalUrl() throws Exception {
        String a = customer("T");
        invoice(a, a + "-I1", "2025-05-01", "1000.00");
        String token = linkUrl(a).substring("/portal/".length());
        String tampered = token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);
        for (Map.Entry<HttpMethod, String> u : portalUrls()) {
            MockHttpServletRequestBuilder req = call(u.getKey(), u.getValue(), tampered, a + "-I1");
            if (u.getKey() != HttpMethod.GET) {
                req.with(csrf());
            }
            MockHttpServletResponse r = mvc.perform(req).andReturn().getResponse();
            assertThat(r.getStatus()).as(u.getKey() + " " + u.getValue()).isEqualTo(404);
            assertThat(shown(r)).doesNotContain(a + "-I1");
        }
    }

    @Test
    void aSessionPlantedBeforeTheLinkIsOpenedGetsANewId() throws Exception {
        String a = customer("S");
        invoice(a, a + "-I1", "2025-05-01", "1000.00");
        String url = linkUrl(a);
        MockHttpSession planted = new MockHttpSession();
        String plantedId = planted.getId();
        var result = mvc.perform(get(url).session(planted).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })).andExpect(status().isOk()).andReturn();
        assertThat(result.getRequest().getSession(false).getId()).as("no session fixation").isNotEqualTo(plantedId);
        mvc.perform(post(url + "/messages").param("text", "你好").session(planted).with(csrf()).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })).andExpect(status().is3xxRedirection());
    }
}
