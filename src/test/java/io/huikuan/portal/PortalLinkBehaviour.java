package io.huikuan.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.correspondence.PortalLinkSource;
import io.huikuan.identity.CurrentUser;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The debtor portal's links (issue 16, items 1 and 4), on H2 and PostgreSQL: a link's token is 256 random bits and only
 * its hash is stored; it opens the customer's page (its invoices, never another customer's) without login; tampered,
 * expired, revoked and unknown tokens answer 404 with the page that says how to get a new link; too many requests 429;
 * every request is logged with IP and user agent; portal forms need the CSRF token; a portal visitor has no rights
 * anywhere else; {{portal.link}} in a message opens the portal; bad input named; roles.
 */
@SpringBootTest(properties = {"huikuan.outbox.enabled=false", "huikuan.portal.requests-per-minute-per-ip=30",
        "huikuan.portal.requests-per-minute-per-link=12", "huikuan.portal.base-url=https://pay.example.com"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class PortalLinkBehaviour extends PortalFixture {


    PortalLinkBehaviour() {
        super("PL", "杭州临平纺织");
    }

    long contact(String customer, String name) throws Exception {
        JsonNode c = Api.json(call(post("/api/customers/" + customer + "/contacts"), "admin", """
                {"name":"%s","role":"FINANCE","email":"cw@example.com"}""".formatted(name)).andExpect(status().isCreated()));
        return c.get("id").asLong();
    }

    static String token(JsonNode link) {
        return link.get("url").asString().substring("/portal/".length());
    }

    @Test
    void aLinkCarriesAnUnguessableTokenOnlyItsHashIsStoredAndItOpensTheCustomersInvoicesOnly() throws Exception {
        String mine = customer("A", collector);
        String theirs = customer("B", collector);
        invoice(mine, mine + "-INV1", "2025-05-01", "1200.50");
        invoice(mine, mine + "-INV2", "2025-07-01", "300.00");
        invoice(theirs, theirs + "-INV9", "2025-05-01", "999.00");

        JsonNode l = link(mine, collector, "{\"expiresInDays\":14}");
        assertThat(l.get("id").asLong()).isPositive();
        assertThat(l.get("url").asString()).matches("/portal/[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token(l))).as("256 random bits").hasSize(32);
        assertThat(l.get("expiresAt").asString()).startsWith("2025-06-24");
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token(l).getBytes(StandardCharsets.US_ASCII)));
        assertThat(jdbc.sql("SELECT token_hash FROM portal_link WHERE id = ?").param(l.get("id").asLong()).query(String.class).single())
                .isEqualTo(hash);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM portal_link WHERE token_hash LIKE ?").param("%" + token(l).substring(0, 20) + "%")
                .query(Long.class).single()).as("the token itself is nowhere").isZero();

        String page = body(open(l.get("url").asString()).andExpect(status().isOk()));
        assertThat(page).contains("杭州临平纺织 A", mine + "-INV1", mine + "-INV2", "1,200.50", "已逾期 40 天", "1,500.50")
                .doesNotContain(theirs + "-INV9", "杭州临平纺织 B");
        assertThat(body(open(l.get("url").asString() + "?lang=en").andExpect(status().isOk()))).contains("Open invoices", "40 days overdue");

        JsonNode other = link(theirs, "finance", null);
        assertThat(body(open(other.get("url").asString()).andExpect(status().isOk()))).contains(theirs + "-INV9").doesNotContain(mine + "-INV1");
    }

    @Test
    void tamperedExpiredRevokedAndUnknownTokensAnswer404WithTheWayToANewLink() throws Exception {
        String c = customer("T", collector);
        JsonNode l = link(c, collector, "{\"expiresInDays\":3}");
        String t = token(l);
        String tampered = t.substring(0, 10) + (t.charAt(10) == 'A' ? 'B' : 'A') + t.substring(11);
        assertThat(body(open("/portal/" + tampered).andExpect(status().isNotFound()))).contains("此链接无效", "索取新的链接");
        assertThat(body(open("/portal/" + tampered + "?lang=en").andExpect(status().isNotFound()))).contains("This link is not valid",
                "ask your contact at our company for a new link");
        open("/portal/not-a-token").andExpect(status().isNotFound());
        open("/portal/").andExpect(status().isNotFound());
        open("/portal/" + t + "/../../customers").andExpect(r -> assertThat(r.getResponse().getStatus()).as("refused").isIn(400, 404));

        open("/portal/" + t).andExpect(status().isOk());
        clock.set(LocalDate.parse("2025-06-13"), LocalTime.of(10, 1));
        assertThat(body(open("/portal/" + t).andExpect(status().isNotFound()))).contains("此链接无效");

        clock.set(LocalDate.parse("2025-06-10"), LocalTime.of(10, 0));
        JsonNode r = link(c, "admin", null);
        open(r.get("url").asString()).andExpect(status().isOk());
        call(delete("/api/portal-links/" + r.get("id").asLong()), collector, null).andExpect(status().isNoContent());
        open(r.get("url").asString()).andExpect(status().isNotFound());

        JsonNode links = Api.json(call(get("/api/customers/" + c + "/portal-links"), collector, null).andExpect(status().isOk()));
        assertThat(links.size()).isEqualTo(2);
        assertThat(links.get(0).get("status").asString()).isEqualTo("REVOKED");
        assertThat(links.get(0).get("revokedBy").asString()).isEqualTo(collector);
        assertThat(links.get(0).get("accessCount").asLong()).isEqualTo(1);
        assertThat(links.get(1).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(links.get(1).has("token")).isFalse();
        assertThat(links.toString()).doesNotContain(t);
    }

    @Test
    void accessesAreLoggedWithIpAndUserAgentAndTooManyRequestsAnswer429() throws Exception {
        String c = customer("L", collector);
        JsonNode l = link(c, collector, null);
        String url = l.get("url").asString();
        for (int i = 0; i < 12; i++) {
            open(url).andExpect(status().isOk());
        }
        assertThat(body(open(url).andExpect(status().isTooManyRequests()))).contains("请求过于频繁");
        assertThat(body(open(url, "10.99.0.1").andExpect(status().isTooManyRequests()))).as("per link, whatever the IP").contains("请求过于频繁");
        clock.set(LocalDate.parse("2025-06-10"), LocalTime.of(10, 1));
        open(url).andExpect(status().isOk());

        JsonNode log = Api.json(call(get("/api/customers/" + c + "/portal-access"), collector, null).andExpect(status().isOk()));
        assertThat(log.size()).as("12 opened, the first refusal of the minute (not the next), 1 opened").isEqualTo(14);
        JsonNode newest = log.get(0);
        assertThat(newest.get("outcome").asString()).isEqualTo("OK");
        assertThat(newest.get("ip").asString()).isEqualTo(ip);
        assertThat(newest.get("userAgent").asString()).contains("MicroMessenger");
        assertThat(newest.get("path").asString()).isEqualTo("/portal/{link}");
        assertThat(log.get(1).get("outcome").asString()).isEqualTo("RATE_LIMITED");
        assertThat(log.get(1).get("ip").asString()).isEqualTo(ip);
        assertThat(log.toString()).doesNotContain(token(l));
        JsonNode links = Api.json(call(get("/api/customers/" + c + "/portal-links"), collector, null));
        assertThat(links.get(0).get("accessCount").asLong()).isEqualTo(13);

        String other = customer("L2", collector);
        String u2 = link(other, collector, null).get("url").asString();
        String busy = "10.77." + (IPS.getAndIncrement() % 250) + ".9";
        for (int i = 0; i < 30; i++) {
            open("/portal/" + "x".repeat(40) + (100 + i), busy).andExpect(status().isNotFound()); // guessing tokens
        }
        open(u2, busy).andExpect(status().isTooManyRequests());
        open(u2).andExpect(status().isOk()); // another IP
    }

    @Test
    void portalFormsNeedTheCsrfTokenAndAVisitorHasNoRightsElsewhere() throws Exception {
        String a = customer("S1", collector);
        String b = customer("S2", collector);
        invoice(a, a + "-X", "2025-05-01", "10.00");
        invoice(b, b + "-Y", "2025-05-01", "20.00");
        String ua = link(a, collector, null).get("url").asString();
        String ub = link(b, collector, null).get("url").asString();

        mvc.perform(post(ua + "/confirmation").param("answer", "AGREE").with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })).andExpect(status().isForbidden());
        MvcResult withCsrf = mvc.perform(post(ua + "/confirmation").param("answer", "AGREE").with(csrf()).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })).andReturn();
        assertThat(withCsrf.getResponse().getStatus()).as("past the CSRF check (no such form yet)").isNotEqualTo(403);

        MockHttpSession session = new MockHttpSession();
        mvc.perform(get(ua).session(session).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })).andExpect(status().isOk());
        mvc.perform(get("/customers").session(session)).andExpect(r -> assertThat(r.getResponse().getStatus()).isIn(302, 401));
        mvc.perform(get("/customers/" + a).session(session)).andExpect(r -> assertThat(r.getResponse().getStatus()).isIn(302, 401));
        mvc.perform(get("/api/customers/" + a).session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/customers/" + a + "/portal-links").session(session)).andExpect(status().isUnauthorized());

        MockHttpSession reused = session.isInvalid() ? new MockHttpSession() : session;
        reused.setAttribute("io.huikuan.portal.link", -1L);
        String page = body(mvc.perform(get(ub).session(reused).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })).andExpect(status().isOk()));
        assertThat(page).as("the token decides, never the session").contains(b + "-Y").doesNotContain(a + "-X");
        assertThat(reused.isInvalid()).as("a session bound to another link is dropped").isTrue();
    }

    @Test
    void theMessageVariableRendersALinkThatOpensThePortalAndIsReusedWhileValid() throws Exception {
        String c = customer("M", collector);
        invoice(c, c + "-M1", "2025-05-01", "88.00");
        String tpl = "pl_" + run.toLowerCase();
        call(put("/api/templates/" + tpl + "/EMAIL/zh-CN/GENTLE"), "admin", """
                {"subject":"对账 {{customer.name}}","body":"请在手机上查看：{{portal.link}}\\n\\n{{company.name}}","note":"portal"}""")
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isIn(200, 201));
        String draft = """
                {"template":"%s","channel":"EMAIL","tone":"GENTLE","locale":"zh-CN","to":"cw@example.com"}""".formatted(tpl);
        JsonNode first = Api.json(call(post("/api/customers/" + c + "/messages/preview"), collector, draft).andExpect(status().isOk()));
        String text = first.get("text").asString();
        assertThat(text).containsPattern("https://pay\\.example\\.com/portal/[A-Za-z0-9_-]{43}");
        String url = text.replaceAll("(?s).*https://pay\\.example\\.com(/portal/[A-Za-z0-9_-]{43}).*", "$1");
        assertThat(first.get("html").asString()).contains(url);
        assertThat(body(open(url).andExpect(status().isOk()))).contains(c + "-M1");

        JsonNode second = Api.json(call(post("/api/customers/" + c + "/messages/preview"), "admin", draft).andExpect(status().isOk()));
        assertThat(second.get("text").asString()).as("reused while valid").contains(url);
        JsonNode links = Api.json(call(get("/api/customers/" + c + "/portal-links"), collector, null));
        assertThat(links.size()).isEqualTo(1);
        assertThat(links.get(0).get("purpose").asString()).isEqualTo("MESSAGE");

        call(delete("/api/portal-links/" + links.get(0).get("id").asLong()), "admin", null).andExpect(status().isNoContent());
        JsonNode third = Api.json(call(post("/api/customers/" + c + "/messages/preview"), collector, draft).andExpect(status().isOk()));
        assertThat(third.get("text").asString()).as("a revoked link is replaced").doesNotContain(url).contains("https://pay.example.com/portal/");
    }

    @Autowired
    PortalLinkSource messageLinks;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aMessageLinkIsMadeInTheRenderersOwnTransactionAndAReadOnlyRenderOnlyReusesOne() throws Exception {
        String c = customer("RO", collector);
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        TransactionTemplate writable = new TransactionTemplate(transactions);

        String none = CurrentUser.asSystem(() -> readOnly.execute(t -> messageLinks.linkFor(c)));
        assertThat(none).as("nothing made beside a read-only render").isEqualTo("https://pay.example.com/portal/…");
        assertThat(count("SELECT count(*) FROM portal_link l JOIN customer c ON c.id = l.customer_id WHERE c.code = ?", c)).isZero();

        String rolledBack = CurrentUser.asSystem(() -> writable.execute(t -> {
            String made = messageLinks.linkFor(c);
            t.setRollbackOnly();
            return made;
        }));
        assertThat(rolledBack).matches("https://pay\\.example\\.com/portal/[A-Za-z0-9_-]{43}");
        assertThat(count("SELECT count(*) FROM portal_link l JOIN customer c ON c.id = l.customer_id WHERE c.code = ?", c))
                .as("the link is part of the renderer's transaction: rolled back with it").isZero();

        String made = CurrentUser.asSystem(() -> writable.execute(t -> messageLinks.linkFor(c)));
        String reused = CurrentUser.asSystem(() -> readOnly.execute(t -> messageLinks.linkFor(c)));
        assertThat(reused).as("a read-only render reuses it").isEqualTo(made);
        open(made.substring("https://pay.example.com".length())).andExpect(status().isOk());
    }

    @Test
    void badInputIsNamedAndOnlyTheCustomersCollectorAndTheOfficeMakeLinks() throws Exception {
        String c = customer("V", collector);
        String d = customer("W", collector);
        long theirs = contact(d, "钱会计");
        long ours = contact(c, "孙会计");
        call(post("/api/customers/" + c + "/portal-links"), collector, "{\"expiresInDays\":0}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresInDays"));
        call(post("/api/customers/" + c + "/portal-links"), collector, "{\"expiresInDays\":366}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresInDays"));
        call(post("/api/customers/" + c + "/portal-links"), collector, "{\"contactId\":" + theirs + "}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contactId"));
        call(post("/api/customers/NOPE-" + run + "/portal-links"), "admin", null).andExpect(status().isNotFound());
        call(delete("/api/portal-links/987654321"), "admin", null).andExpect(status().isNotFound());

        JsonNode l = link(c, collector, "{\"contactId\":" + ours + ",\"expiresInDays\":365}");
        assertThat(l.get("expiresAt").asString()).startsWith("2026-06-10");
        JsonNode listed = Api.json(call(get("/api/customers/" + c + "/portal-links"), "finance", null));
        assertThat(listed.get(0).get("contactName").asString()).isEqualTo("孙会计");

        String other = "other-" + run.toLowerCase();
        call(post("/api/customers/" + c + "/portal-links"), other, null).andExpect(status().isNotFound());
        call(get("/api/customers/" + c + "/portal-links"), other, null).andExpect(status().isNotFound());
        call(delete("/api/portal-links/" + l.get("id").asLong()), other, null).andExpect(status().isNotFound());
        call(post("/api/customers/" + c + "/portal-links"), "legal", null).andExpect(status().isForbidden());
        open(l.get("url").asString()).andExpect(status().isOk());
        List<String> outcomes = jdbc.sql("SELECT outcome FROM portal_access a JOIN portal_link l ON l.id = a.link_id WHERE l.id = ?")
                .param(l.get("id").asLong()).query(String.class).list();
        assertThat(outcomes).containsExactly("OK");
    }

    @Test
    void theCollectorMakesALinkOnTheCustomerPageSeesItOnceWithItsVisitsAndRevokesIt() throws Exception {
        String c = customer("P", collector);
        call(get("/customers/" + c), collector, null).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"portal-panel\""));
        assertThat(body(call(get("/customers/" + c + "/portal"), collector, null).andExpect(status().isOk()))).contains("还没有门户链接");

        String made = body(call(post("/customers/" + c + "/portal").param("expiresInDays", "7").with(csrf()), collector, null)
                .andExpect(status().isOk()));
        String url = made.replaceAll("(?s).*id=\"portal-created-url\" value=\"https://pay\\.example\\.com(/portal/[A-Za-z0-9_-]{43})\".*", "$1");
        assertThat(url).matches("/portal/[A-Za-z0-9_-]{43}");
        open(url).andExpect(status().isOk());
        open(url).andExpect(status().isOk());

        String panel = body(call(get("/customers/" + c + "/portal"), collector, null).andExpect(status().isOk()));
        assertThat(panel).contains("已打开 2 次", "有效", "来自微信", "MicroMessenger", ip).doesNotContain(url);
        assertThat(body(call(post("/customers/" + c + "/portal").param("expiresInDays", "400").with(csrf()), collector, null)))
                .contains("有效天数须在 1 到 365 天之间");

        long id = jdbc.sql("SELECT l.id FROM portal_link l JOIN customer c ON c.id = l.customer_id WHERE c.code = ?").param(c)
                .query(Long.class).single();
        assertThat(body(call(post("/customers/" + c + "/portal/" + id + "/revoke").with(csrf()), collector, null).andExpect(status().isOk())))
                .contains("已撤销");
        open(url).andExpect(status().isNotFound());
        call(get("/customers/" + c + "/portal"), "other-" + run.toLowerCase(), null).andExpect(status().isNotFound());
    }

    @Test
    void aPdfLetterCarriesThePortalLinkWhenItsTemplateUsesIt() throws Exception {
        String c = customer("R", collector);
        invoice(c, c + "-R1", "2025-05-01", "66.00");
        String base = "/api/templates/payment_reminder/LETTER/zh-CN/GENTLE";
        JsonNode current = Api.json(call(get(base), "admin", null).andExpect(status().isOk())).get("latest");
        JsonNode added = Api.json(call(put(base), "admin", """
                {"subject":%s,"body":%s,"note":"portal link test"}""".formatted(q(current.get("subject").asString()),
                q(current.get("body").asString() + "\n\n在线对账：{{portal.link}}"))).andExpect(status().isOk()));
        try {
            byte[] pdf = call(get("/api/customers/" + c + "/letters/preview").param("kind", "PAYMENT_REMINDER"), collector, null)
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            String text;
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            }
            assertThat(text).contains("在线对账：https://pay.example.com/portal/");
            String token = text.replaceAll("(?s).*https://pay\\.example\\.com/portal/([A-Za-z0-9_-]{43}).*", "$1");
            assertThat(body(open("/portal/" + token).andExpect(status().isOk()))).contains(c + "-R1");
            List<String> codes = qrCodes(pdf);
            assertThat(codes).as("the letter prints the link as a QR code too").containsExactly("https://pay.example.com/portal/" + token);
            String scanned = codes.get(0).substring("https://pay.example.com".length());
            assertThat(body(open(scanned).andExpect(status().isOk()))).as("the QR code opens the customer's portal").contains(c + "-R1");
        } finally {
            call(post(base + "/versions/" + current.get("version").asInt() + "/restore"), "admin", null).andExpect(status().is2xxSuccessful());
            assertThat(added.get("version").asInt()).isGreaterThan(current.get("version").asInt());
        }
        byte[] plain = call(get("/api/customers/" + c + "/letters/preview").param("kind", "PAYMENT_REMINDER"), collector, null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(qrCodes(plain)).as("no QR code when the template does not use {{portal.link}}").isEmpty();
    }

    /** The texts of the QR codes among the PDF's images, decoded by ZXing from the images' pixels. */
    static List<String> qrCodes(byte[] pdf) throws Exception {
        List<String> found = new java.util.ArrayList<>();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
                        java.awt.image.BufferedImage pixels = image.getImage();
                        int w = pixels.getWidth();
                        int h = pixels.getHeight();
                        int[] rgb = pixels.getRGB(0, 0, w, h, null, 0, w);
                        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                                new com.google.zxing.RGBLuminanceSource(w, h, rgb)));
                        try {
                            found.add(new com.google.zxing.MultiFormatReader().decode(bitmap, java.util.Map.of(
                                    com.google.zxing.DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE),
                                    com.google.zxing.DecodeHintType.TRY_HARDER, true)).getText());
                        } catch (com.google.zxing.NotFoundException notACode) {
                            // a logo or seal
                        }
                    }
                }
            }
        }
        return found;
    }

    static String q(String s) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(s);
    }
}
