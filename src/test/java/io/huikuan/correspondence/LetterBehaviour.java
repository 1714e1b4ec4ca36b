package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Letters as PDF from the letter templates on the company's letterhead: one consolidated letter per customer
 * listing every overdue undisputed invoice with interest, the seal printed by the signature, the reply slip of
 * the balance confirmation acknowledging the debt, the lawyer letter marked as a draft; each numbered, stored,
 * recorded as an activity and announced as {@link DemandIssued}; bad parameters and roles refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
abstract class LetterBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    ApplicationEvents events;

    String code;

    @BeforeEach
    void ledger() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "letmgr", Role.MANAGER);
        Api.user(users, "letlegal", Role.LEGAL);
        Api.user(users, "letcol", Role.COLLECTOR);
        Api.user(users, "othercol", Role.COLLECTOR);
        code = "LET" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"杭州明远包装材料有限公司","owner":"letcol"}""".formatted(code)).andExpect(status().isCreated());
        call(post("/api/customers/" + code + "/contacts"), "admin", """
                {"name":"陈静","role":"FINANCE","title":"财务经理","email":"chen@example.com"}""").andExpect(status().isCreated());
        call(post("/api/contracts"), "admin", """
                {"contractNo":"HT-%s","customerCode":"%s","signedDate":"2026-01-05","lateClause":"DAILY_RATE","lateRate":0.0005}"""
                .formatted(code, code)).andExpect(status().isCreated());
        invoice("A", "2026-03-10", "2026-04-09", "1000.00", true);
        invoice("B", "2026-04-15", "2026-05-15", "2500.50", false);
        invoice("C", "2026-06-01", "2026-07-01", "300.25", false);
        call(put("/api/company-profile"), "letmgr", """
                {"name":"上海汇通工业品有限公司","address":"上海市浦东新区张江路 88 号","phone":"021-5555 8888","email":"ar@huitong.example",
                 "bankName":"招商银行上海张江支行","bankAccount":"1219 0888 0000 6666","taxId":"91310115MA1H000000",
                 "signatoryName":"周明","signatoryTitle":"财务总监","payByDays":10}""").andExpect(status().isOk());
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    void invoice(String name, String issue, String due, String amount, boolean contract) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s%s}"""
                .formatted(code, name, code, issue, due, amount, contract ? ",\"contractNo\":\"HT-" + code + "\"" : ""))
                .andExpect(status().isCreated());
    }

    JsonNode issue(String user, String kind, String... more) throws Exception {
        MockHttpServletRequestBuilder req = post("/api/customers/" + code + "/letters").param("kind", kind);
        for (int i = 0; i + 1 < more.length; i += 2) {
            req = req.param(more[i], more[i + 1]);
        }
        return Api.json(call(req, user, null).andExpect(status().isCreated()));
    }

    byte[] pdf(long id, String user) throws Exception {
        byte[] pdf = mvc.perform(get("/api/documents/" + id).with(httpBasic(user, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String shots = System.getProperty("huikuan.screenshots");
        if (shots != null && !shots.isBlank()) {
            try (PDDocument d = Loader.loadPDF(pdf)) {
                String name = new PDFTextStripper().getText(d).lines().filter(l -> l.matches(".*[A-Z]{2}-2026-\\d{6}.*")).findFirst().orElse("letter")
                        .replaceAll(".*([A-Z]{2})-2026-\\d{6}.*", "$1");
                for (int p = 0; p < d.getNumberOfPages(); p++) {
                    ImageIO.write(new PDFRenderer(d).renderImageWithDPI(p, 80), "png", java.nio.file.Paths.get(shots, "letter-" + name + "-" + (p + 1) + ".png").toFile());
                }
            }
        }
        return pdf;
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    /** Pixels clearly red (the seal) on the first page. */
    static int redPixels(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(d).renderImageWithDPI(0, 72);
            int red = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    int rgb = page.getRGB(x, y);
                    if ((rgb >> 16 & 0xff) > 180 && (rgb >> 8 & 0xff) < 110 && (rgb & 0xff) < 110) {
                        red++;
                    }
                }
            }
            return red;
        }
    }

    static byte[] sealPng() throws Exception {
        BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(220, 30, 30));
        g.setStroke(new java.awt.BasicStroke(12));
        g.drawOval(10, 10, 180, 180);
        g.fillOval(80, 80, 40, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void aDemandLetterCoversEveryOverdueInvoiceWithInterestOnTheLetterheadWithTheSeal() throws Exception {
        mvc.perform(multipart(org.springframework.http.HttpMethod.PUT, "/api/company-profile/seal")
                        .file(new MockMultipartFile("file", "seal.png", "image/png", sealPng())).with(httpBasic("letmgr", "letmgr"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isNoContent());

        JsonNode doc = issue("letmgr", "DEMAND_LETTER");
        assertThat(doc.get("number").asString()).matches("DL-2026-\\d{6}");
        assertThat(doc.get("kind").asString()).isEqualTo("DEMAND_LETTER");
        // A (1,000.00) and B (2,500.50) are overdue on 2026-06-30; C falls due tomorrow
        assertThat(new BigDecimal(doc.get("amount").asString())).isEqualByComparingTo("3500.50");
        byte[] pdf = pdf(doc.get("id").asLong(), "letmgr");
        assertThat(Documents.sha256(pdf)).isEqualTo(doc.get("sha256").asString());
        String text = text(pdf);
        assertThat(text).contains("杭州明远包装材料有限公司", "上海汇通工业品有限公司", "周明", doc.get("number").asString(), code + "-A", code + "-B",
                "3,500.50", "1219 0888 0000 6666").doesNotContain(code + "-C");
        // interest on A under its contract: 1,000.00 × 0.0005 × 82 days = 41.00; B has no contract
        assertThat(text).contains("41.00");
        assertThat(redPixels(pdf)).as("the seal is printed").isGreaterThan(300);

        assertThat(events.stream(DemandIssued.class).filter(e -> e.customerCode().equals(code)).toList()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("DEMAND_LETTER");
            assertThat(e.demandsPayment()).isTrue();
            assertThat(e.date()).isEqualTo("2026-06-30");
            assertThat(e.amount()).isEqualByComparingTo("3500.50");
            assertThat(e.invoiceNumbers()).containsExactly(code + "-A", code + "-B");
            assertThat(e.evidence()).contains(doc.get("number").asString(), doc.get("sha256").asString());
            assertThat(e.documentId()).isEqualTo(doc.get("id").asLong());
        });
        call(get("/api/activities").param("customer", code), "letmgr", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].channel").value("DEMAND_LETTER")).andExpect(jsonPath("$[0].outcome").value("SENT"));
        call(get("/api/customers/" + code + "/documents"), "letcol", null).andExpect(jsonPath("$[0].number").value(doc.get("number").asString()));
    }

    @Test
    void theBalanceConfirmationCarriesAReplySlipThatAcknowledgesTheDebt() throws Exception {
        JsonNode doc = issue("letcol", "BALANCE_CONFIRMATION");
        assertThat(doc.get("number").asString()).startsWith("BC-2026-");
        String text = text(pdf(doc.get("id").asLong(), "letcol"));
        // the whole balance, not yet due included: 1,000.00 + 2,500.50 + 300.25
        assertThat(text).contains("回", "执", "3,800.75", "叁仟捌佰元柒角伍分", "尚欠贵公司", "债务人（盖章）", doc.get("number").asString());
        assertThat(events.stream(DemandIssued.class).filter(e -> e.customerCode().equals(code)).toList()).singleElement()
                .satisfies(e -> assertThat(e.demandsPayment()).isFalse());

        JsonNode en = issue("letcol", "BALANCE_CONFIRMATION", "locale", "en");
        assertThat(text(pdf(en.get("id").asLong(), "letcol"))).contains("Reply slip", "3,800.75", "杭州明远包装材料有限公司");
    }

    @Test
    void theLawyerLetterIsADraftForLegalAndTheReminderIsForCollectors() throws Exception {
        JsonNode lawyer = issue("letlegal", "LAWYER_LETTER");
        assertThat(lawyer.get("draft").asBoolean()).isTrue();
        assertThat(text(pdf(lawyer.get("id").asLong(), "letlegal"))).contains("草稿", "杭州明远包装材料有限公司");

        JsonNode reminder = issue("letcol", "PAYMENT_REMINDER", "tone", "FIRM");
        assertThat(reminder.get("number").asString()).startsWith("RM-2026-");
        assertThat(reminder.get("draft").asBoolean()).isFalse();

        call(post("/api/customers/" + code + "/letters").param("kind", "DEMAND_LETTER"), "letcol", null).andExpect(status().isForbidden());
        call(post("/api/customers/" + code + "/letters").param("kind", "PAYMENT_REMINDER"), "othercol", null).andExpect(status().isNotFound());
        call(get("/api/customers/" + code + "/documents"), "letcol", null).andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void thePreviewStoresNothing() throws Exception {
        byte[] pdf = mvc.perform(get("/api/customers/" + code + "/letters/preview").param("kind", "PAYMENT_REMINDER").with(httpBasic("letcol", "letcol")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(pdf)).contains("杭州明远包装材料有限公司", "预览");
        call(get("/api/customers/" + code + "/documents"), "letcol", null).andExpect(jsonPath("$.length()").value(0));
        assertThat(events.stream(DemandIssued.class).toList()).isEmpty();
    }

    @Test
    void badParametersAreNamed() throws Exception {
        for (List<String> bad : List.of(List.of("kind", "FOO"), List.of("kind", "STATEMENT"), List.of("tone", "LOUD"), List.of("locale", "fr"))) {
            MockHttpServletRequestBuilder req = post("/api/customers/" + code + "/letters").param(bad.get(0), bad.get(1));
            if (!bad.get(0).equals("kind")) {
                req = req.param("kind", "PAYMENT_REMINDER");
            }
            call(req, "letcol", null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(bad.get(0)));
        }
        call(post("/api/customers/" + code + "/letters"), "letcol", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));

        String fresh = code + "N";
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"新客户","owner":"letcol"}""".formatted(fresh)).andExpect(status().isCreated());
        call(post("/api/customers/" + fresh + "/letters").param("kind", "DEMAND_LETTER"), "letmgr", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("letter.nothingOverdue"));
        call(get("/api/customers/" + fresh + "/documents"), "letmgr", null).andExpect(jsonPath("$.length()").value(0));

        call(put("/api/company-profile"), "letmgr", """
                {"name":" ","email":"not-an-address","payByDays":0}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("name", "email", "payByDays")));
        call(get("/api/company-profile"), "letcol", null).andExpect(jsonPath("$.name").value("上海汇通工业品有限公司"));
        call(put("/api/company-profile"), "letcol", """
                {"name":"X"}""").andExpect(status().isForbidden());
        mvc.perform(multipart(org.springframework.http.HttpMethod.PUT, "/api/company-profile/seal")
                        .file(new MockMultipartFile("file", "seal.png", "image/png", "not an image".getBytes())).with(httpBasic("letmgr", "letmgr"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("seal"));
    }
}
