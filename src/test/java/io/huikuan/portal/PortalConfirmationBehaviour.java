package io.huikuan.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Balance confirmation (对账确认) on the debtor portal (issue 16, item 2 and 3), on H2 and PostgreSQL: the debtor agrees or
 * disagrees through the real form (its CSRF token, a real link); the answer is stored with the statement shown and its
 * SHA-256 and listed by the API; it acknowledges the debt for the limitation clock; per-invoice differences open
 * reconciliation disputes, others a finance task; the owner is told; a stale statement and bad input are refused;
 * another customer's link cannot confirm this customer's statement.
 */
@SpringBootTest(properties = {"huikuan.outbox.enabled=false", "huikuan.portal.requests-per-minute-per-ip=1000",
        "huikuan.portal.requests-per-minute-per-link=1000"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class PortalConfirmationBehaviour extends PortalFixture {

    private static final Pattern HIDDEN = Pattern.compile("name=\"(_csrf|statementSha256)\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"(_csrf|statementSha256)\"");

    PortalConfirmationBehaviour() {
        super("PC", "宁波北仑五金");
    }

    /** The debtor's phone: one session, the form's hidden fields read from the page it was shown. */
    final class Phone {
        final MockHttpSession session = new MockHttpSession();
        final String url;
        String page;
        String csrf;
        String sha;

        Phone(String url) {
            this.url = url;
        }

        String open() throws Exception {
            page = body(mvc.perform(get(url + "/confirmation").session(session).with(r -> {
                r.setRemoteAddr(ip);
                return r;
            }).header("User-Agent", "Mozilla/5.0 (iPhone) MicroMessenger/8.0.50")).andExpect(status().isOk()));
            read(page);
            assertThat(csrf).as("the form carries its CSRF token").isNotBlank();
            assertThat(sha).as("the form carries the statement's hash").hasSize(64);
            return page;
        }

        /** Reads the form's hidden fields, as the browser submits those of the page it shows (the CSRF token changes after a post). */
        void read(String shown) {
            Matcher m = HIDDEN.matcher(shown);
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(4);
                String value = m.group(2) != null ? m.group(2) : m.group(3);
                if (name.equals("_csrf")) {
                    csrf = value;
                } else {
                    sha = value;
                }
            }
        }

        ResultActions submit(Map<String, String> fields) throws Exception {
            MockHttpServletRequestBuilder req = post(url + "/confirmation").session(session).param("_csrf", csrf).param("statementSha256", sha)
                    .header("User-Agent", "Mozilla/5.0 (iPhone) MicroMessenger/8.0.50").with(r -> {
                        r.setRemoteAddr(ip);
                        return r;
                    });
            fields.forEach(req::param);
            ResultActions r = mvc.perform(req);
            String shown = body(r);
            if (shown.contains("name=\"_csrf\"")) {
                String kept = sha;
                read(shown);
                sha = kept;
            }
            return r;
        }
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    JsonNode confirmations(String customer) throws Exception {
        return Api.json(call(get("/api/customers/" + customer + "/confirmations"), collector, null).andExpect(status().isOk()));
    }

    List<String> limitationInvoices(String customer, String confirmationId) {
        return jdbc.sql("""
                SELECT i.invoice_no FROM limitation_event e JOIN limitation_event_invoice ei ON ei.event_id = e.id
                JOIN invoice i ON i.id = ei.invoice_id JOIN customer c ON c.id = e.customer_id
                WHERE c.code = ? AND e.source = 'PORTAL_CONFIRMATION' AND e.source_ref = ? AND e.kind = 'ACKNOWLEDGED' ORDER BY i.invoice_no""")
                .params(customer, confirmationId).query(String.class).list();
    }

    List<String> tasks(String customer) {
        return jdbc.sql("""
                SELECT t.owner_role || ':' || coalesce(t.assignee, '-') || ':' || t.note FROM collection_task t JOIN customer c ON c.id = t.customer_id
                WHERE c.code = ? AND t.task_key LIKE 'PORTAL-%' ORDER BY t.id""").param(customer).query(String.class).list();
    }

    @Test
    void theDebtorAgreesThroughTheFormTheStatementShownIsStoredWithItsHashAndAcknowledgesTheDebt() throws Exception {
        String c = customer("A");
        invoice(c, c + "-1", "2025-05-01", "1200.50");
        invoice(c, c + "-2", "2025-07-01", "300.00");
        Phone phone = new Phone(linkUrl(c));
        assertThat(body(mvc.perform(get(phone.url).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })))).as("the start page leads to the confirmation").contains("确认余额", phone.url + "/confirmation");
        assertThat(phone.open()).contains("对账确认", c + "-1", c + "-2", "1,500.50", "同意上述余额");

        String done = phone.submit(Map.of("answer", "AGREE", "name", "王丽", "title", "财务经理", "signature", "王丽"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(done).isEqualTo(phone.url + "/confirmation?done=1");

        JsonNode list = confirmations(c);
        assertThat(list.size()).isEqualTo(1);
        JsonNode k = list.get(0);
        assertThat(k.get("answer").asString()).isEqualTo("AGREE");
        assertThat(k.get("amount").decimalValue()).isEqualByComparingTo("1500.50");
        assertThat(k.get("acknowledgedAmount").isNull()).isTrue();
        assertThat(k.get("name").asString()).isEqualTo("王丽");
        assertThat(k.get("title").asString()).isEqualTo("财务经理");
        assertThat(k.get("ip").asString()).isEqualTo(ip);
        assertThat(k.get("confirmedAt").asString()).startsWith("2025-06-10T");
        assertThat(k.get("statementSha256").asString()).isEqualTo(phone.sha);
        String stored = jdbc.sql("SELECT statement_text FROM portal_confirmation WHERE id = ?").param(k.get("id").asLong()).query(String.class).single();
        assertThat(sha256(stored)).as("the hash is the hash of the statement stored").isEqualTo(phone.sha);
        assertThat(stored).contains(c + "-1|2025-05-01|CNY|1200.50", c + "-2|2025-07-01|CNY|300.00", "total|1500.50", "2025-06-10");

        assertThat(limitationInvoices(c, k.get("id").asString())).containsExactly(c + "-1", c + "-2");
        assertThat(tasks(c)).singleElement().asString().startsWith("COLLECTOR:" + collector + ":");
        assertThat(body(call(get("/customers/" + c + "/portal"), collector, null).andExpect(status().isOk())))
                .as("the collector's panel").contains("确认余额：同意（1,500.50）");
        assertThat(body(call(get("/customers/" + c + "/timeline"), collector, null).andExpect(status().isOk())))
                .contains("王丽 (财务经理) 在债务人门户确认余额 1,500.50");
        assertThat(body(mvc.perform(get(phone.url + "/confirmation?done=1").session(phone.session).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })))).contains("谢谢，我们已收到您的确认");
    }

    @Test
    void anAgreementClosesTheOpenReconciliationDifferenceButNotAQualityDispute() throws Exception {
        String c = customer("R");
        invoice(c, c + "-1", "2025-05-01", "1200.50");
        invoice(c, c + "-2", "2025-05-15", "800.00");
        call(post("/api/invoices/" + c + "-1/disputes"), "finance", """
                {"openedOn":"2025-06-01","reason":"对账差异 200","amount":200,"category":"RECONCILIATION","owner":"FINANCE"}""")
                .andExpect(status().isCreated());
        call(post("/api/invoices/" + c + "-2/disputes"), "finance", """
                {"openedOn":"2025-06-02","reason":"质量问题","amount":100,"category":"QUALITY","owner":"QUALITY"}""")
                .andExpect(status().isCreated());
        Phone phone = new Phone(linkUrl(c));
        assertThat(phone.open()).as("the statement shows the undisputed amounts").contains("1,000.50", "700.00");
        phone.submit(Map.of("answer", "AGREE", "name", "王丽", "title", "财务经理")).andExpect(status().is3xxRedirection());
        String id = confirmations(c).get(0).get("id").asString();

        JsonNode reconciliation = Api.json(call(get("/api/invoices/" + c + "-1/disputes"), collector, null).andExpect(status().isOk())).get(0);
        assertThat(reconciliation.get("resolvedOn").asString()).as("the reconciliation difference is closed on the confirmation day")
                .isEqualTo("2025-06-10");
        assertThat(reconciliation.get("outcome").asString()).isEqualTo("WITHDRAWN");
        assertThat(reconciliation.get("resolution").asString()).isEqualTo("balance confirmed by the debtor on the portal, confirmation #" + id);
        JsonNode quality = Api.json(call(get("/api/invoices/" + c + "-2/disputes"), collector, null).andExpect(status().isOk())).get(0);
        assertThat(quality.get("resolvedOn").isNull()).as("a quality dispute stays open").isTrue();
        assertThat(quality.get("category").asString()).isEqualTo("QUALITY");
    }

    @Test
    void aDisagreementAcknowledgesItsAmountAndOpensReconciliationDisputesForTheInvoicesNamed() throws Exception {
        String c = customer("D");
        invoice(c, c + "-1", "2025-05-01", "1000.00");
        invoice(c, c + "-2", "2025-05-15", "500.00");
        Phone phone = new Phone(linkUrl(c));
        phone.open();
        phone.submit(Map.of("answer", "DISAGREE", "name", "李强", "title", "出纳", "acknowledgedAmount", "1,000.00",
                "differences", "2号发票货物短少", "disputed_" + c + "-2", "500")).andExpect(status().is3xxRedirection());

        JsonNode k = confirmations(c).get(0);
        assertThat(k.get("answer").asString()).isEqualTo("DISAGREE");
        assertThat(k.get("acknowledgedAmount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(k.get("amount").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(limitationInvoices(c, k.get("id").asString())).as("the invoice not disputed is acknowledged").containsExactly(c + "-1");
        List<String> disputes = jdbc.sql("""
                SELECT i.invoice_no || ':' || d.category || ':' || d.owner_function || ':' || d.amount FROM invoice_dispute d
                JOIN invoice i ON i.id = d.invoice_id WHERE i.customer_id = (SELECT id FROM customer WHERE code = ?)""").param(c)
                .query(String.class).list();
        assertThat(disputes).containsExactly(c + "-2:RECONCILIATION:FINANCE:500.00");
        assertThat(tasks(c)).as("no finance task: the disputes carry the differences").hasSize(1);
        assertThat(body(call(get("/customers/" + c + "/portal"), collector, null).andExpect(status().isOk())))
                .contains("不同意：承认 1,000.00（对账单 1,500.00）");

        String other = customer("E");
        invoice(other, other + "-1", "2025-05-01", "800.00");
        Phone second = new Phone(linkUrl(other));
        second.open();
        second.submit(Map.of("answer", "DISAGREE", "name", "赵敏", "acknowledgedAmount", "600", "differences", "已付 200 元未入账"))
                .andExpect(status().is3xxRedirection());
        assertThat(tasks(other)).hasSize(2).anySatisfy(t -> assertThat(t).startsWith("FINANCE:-:").contains("600", "已付 200 元未入账"));
    }

    @Test
    void aStaleStatementIsRefusedAndBadInputIsNamedAndNothingIsStored() throws Exception {
        String c = customer("S");
        invoice(c, c + "-1", "2025-05-01", "100.00");
        Phone phone = new Phone(linkUrl(c));
        phone.open();
        invoice(c, c + "-2", "2025-05-20", "50.00");
        String stale = body(phone.submit(Map.of("answer", "AGREE", "name", "王丽")).andExpect(status().isConflict()));
        assertThat(stale).contains("对账单在页面显示后已发生变化", c + "-2", "150.00");

        phone.open();
        assertThat(body(phone.submit(Map.of("answer", "AGREE", "name", " ")).andExpect(status().isBadRequest()))).contains("姓名: 必填");
        assertThat(body(phone.submit(Map.of("answer", "DISAGREE", "name", "王丽")).andExpect(status().isBadRequest())))
                .contains("贵司确认的欠款金额: 必填");
        assertThat(body(phone.submit(Map.of("answer", "DISAGREE", "name", "王丽", "acknowledgedAmount", "10.005"))
                .andExpect(status().isBadRequest()))).contains("贵司确认的欠款金额: 须为不小于 0、最多两位小数的金额");
        assertThat(body(phone.submit(Map.of("answer", "DISAGREE", "name", "王丽", "acknowledgedAmount", "-1"))
                .andExpect(status().isBadRequest()))).contains("须为不小于 0、最多两位小数的金额");
        assertThat(body(phone.submit(Map.of("answer", "MAYBE", "name", "王丽")).andExpect(status().isBadRequest()))).contains("请选择同意或不同意");
        assertThat(confirmations(c).size()).isZero();
        assertThat(tasks(c)).isEmpty();

        phone.session.invalidate();
        Phone noCsrf = new Phone(phone.url);
        noCsrf.open();
        noCsrf.csrf = "forged";
        noCsrf.submit(Map.of("answer", "AGREE", "name", "王丽")).andExpect(status().isForbidden());
        assertThat(confirmations(c).size()).isZero();
    }

    @Test
    void anotherCustomersLinkCannotConfirmThisCustomersStatementAndTheApiIsBoundToThePortfolio() throws Exception {
        String mine = customer("M");
        String theirs = customer("T");
        invoice(mine, mine + "-1", "2025-05-01", "700.00");
        invoice(theirs, theirs + "-1", "2025-05-01", "900.00");
        Phone mineShown = new Phone(linkUrl(mine));
        mineShown.open();
        Phone theirsPhone = new Phone(linkUrl(theirs));
        theirsPhone.open();
        theirsPhone.sha = mineShown.sha;
        assertThat(body(theirsPhone.submit(Map.of("answer", "AGREE", "name", "王丽")).andExpect(status().isConflict())))
                .contains(theirs + "-1").doesNotContain(mine + "-1");
        theirsPhone.submit(Map.of("answer", "DISAGREE", "name", "王丽", "acknowledgedAmount", "1", "disputed_" + mine + "-1", "700"))
                .andExpect(status().isBadRequest());
        assertThat(confirmations(mine).size()).isZero();
        assertThat(confirmations(theirs).size()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM invoice_dispute d JOIN invoice i ON i.id = d.invoice_id WHERE i.invoice_no = ?")
                .param(mine + "-1").query(Long.class).single()).isZero();

        call(get("/api/customers/" + mine + "/confirmations"), "other-" + run.toLowerCase(), null).andExpect(status().isNotFound());
        mvc.perform(get("/api/customers/" + mine + "/confirmations")).andExpect(status().isUnauthorized());
    }
    @Test
    void theStartPageShowsLateInterestPaidInvoicesAndTheStatementPdfForAPeriod() throws Exception {
        String c = customer("P");
        call(post("/api/contracts"), "admin", """
                {"contractNo":"HT-%s","customerCode":"%s","signedDate":"2025-01-05","lateClause":"DAILY_RATE","lateRate":0.0005}"""
                .formatted(c, c)).andExpect(status().isCreated());
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-K","customerCode":"%s","issueDate":"2025-04-01","dueDate":"2025-05-01","amount":1000.00,"contractNo":"HT-%s"}"""
                .formatted(c, c, c)).andExpect(status().isCreated());
        invoice(c, c + "-N", "2025-05-01", "400.00");
        invoice(c, c + "-P", "2025-03-01", "250.00");
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s-PAY","customerCode":"%s","paymentDate":"2025-04-20","amount":250.00,
                 "allocations":[{"invoiceNo":"%s-P","amount":250.00}]}""".formatted(c, c, c)).andExpect(status().isCreated());
        String url = linkUrl(c);
        String page = body(mvc.perform(get(url).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })).andExpect(status().isOk()));
        String interest = page.substring(page.indexOf("id=\"portal-interest\""), page.indexOf("id=\"portal-paid\""));
        assertThat(interest).as("0.05 %% a day on 1,000.00 for 40 days").contains("逾期利息", c + "-K", "20.00").doesNotContain(c + "-N");
        String paid = page.substring(page.indexOf("id=\"portal-paid\""), page.indexOf("id=\"portal-statement\""));
        assertThat(paid).contains(c + "-P", "250.00", "2025-04-20").doesNotContain(c + "-K");
        assertThat(page).contains(url + "/statement.pdf");

        byte[] pdf = mvc.perform(get(url + "/statement.pdf").param("from", "2025-01-01").param("to", "2025-06-10").with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })).andExpect(status().isOk()).andExpect(r -> assertThat(r.getResponse().getContentType()).isEqualTo("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(d).replaceAll("\\s+", ""))
                    .contains(c + "-K", c + "-N", c + "-P", c + "-PAY");
        }
        assertThat(body(mvc.perform(get(url + "/statement.pdf").param("from", "2025-13-01").with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })).andExpect(status().isBadRequest()))).contains("无法生成对账单", "开始日期: 须为 YYYY-MM-DD 格式的日期");
        assertThat(body(mvc.perform(get(url + "/statement.pdf").param("from", "2025-06-01").param("to", "2025-07-01").with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })).andExpect(status().isBadRequest()))).contains("结束日期: 不能晚于今天");
    }

    /** A PNG of noise, about 40 KB: more than the 20,000 characters allowed to other parameters, well below 200 KB. */
    static String pngDataUrl() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(100, 100, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.util.Random noise = new java.util.Random(16);
        for (int x = 0; x < 100; x++) {
            for (int y = 0; y < 100; y++) {
                img.setRGB(x, y, noise.nextInt());
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Test
    void aDrawnSignatureIsStoredWithTheConfirmationAndShownToTheCollectorAnythingButASmallPngIsRefused() throws Exception {
        String c = customer("S");
        invoice(c, c + "-1", "2025-05-01", "800.00");
        Phone phone = new Phone(linkUrl(c));
        assertThat(phone.open()).contains("id=\"signature-canvas\"", "name=\"signatureImage\"", "/js/signature.js");

        String jpeg = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10,
                'J', 'F', 'I', 'F', 0});
        byte[] big = new byte[210 * 1024];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, big, 0, 8);
        String tooLarge = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(big);
        for (String bad : List.of(jpeg, "data:text/plain;base64,aGVsbG8=", "data:image/png;base64,***", tooLarge)) {
            String page = body(phone.submit(Map.of("answer", "AGREE", "name", "王丽", "signatureImage", bad)).andExpect(status().isBadRequest()));
            assertThat(page).as("refused and named").contains("data-error=\"signatureImage\"");
        }
        assertThat(body(phone.submit(Map.of("answer", "AGREE", "name", "王丽", "signatureImage", tooLarge)))).contains("200 KB");
        assertThat(confirmations(c).size()).as("nothing stored for a refused signature").isZero();

        String drawn = pngDataUrl();
        assertThat(drawn.length()).isBetween(20_001, 200_000);
        phone.submit(Map.of("answer", "AGREE", "name", "王丽", "title", "财务经理", "signatureImage", drawn)).andExpect(status().is3xxRedirection());
        JsonNode k = confirmations(c).get(0);
        assertThat(k.get("hasDrawnSignature").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT signature_image FROM portal_confirmation WHERE id = ?").param(k.get("id").asLong()).query(String.class).single())
                .isEqualTo(drawn);
        assertThat(body(call(get("/customers/" + c + "/portal"), collector, null).andExpect(status().isOk())))
                .as("the collector sees the drawn signature").contains("id=\"portal-signature\"", drawn);

        String typedOnly = customer("T");
        invoice(typedOnly, typedOnly + "-1", "2025-05-01", "100.00");
        Phone other = new Phone(linkUrl(typedOnly));
        other.open();
        other.submit(Map.of("answer", "AGREE", "name", "李强", "signature", "李强", "signatureImage", "")).andExpect(status().is3xxRedirection());
        assertThat(confirmations(typedOnly).get(0).get("hasDrawnSignature").asBoolean()).isFalse();
        assertThat(body(call(get("/customers/" + typedOnly + "/portal"), collector, null))).doesNotContain("portal-signature\"");
    }
}
