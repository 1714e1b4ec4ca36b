package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.awt.image.BufferedImage;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Statements of account as PDF: the text read back with PDFBox holds the Chinese customer name, the
 * invoice numbers and the exact totals; the page rendered to an image is not blank where the Chinese
 * title is; the document is numbered, listed and its SHA-256 matches what is served; bad periods
 * and other collectors' customers are refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.test.context.event.RecordApplicationEvents
abstract class DocumentBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;
    @Autowired
    UserDirectory users;

    String code;

    @BeforeEach
    void ledger() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "doccol", Role.COLLECTOR);
        Api.user(users, "othercol", Role.COLLECTOR);
        code = "DOC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"苏州恒达精密机械有限公司","owner":"doccol"}""".formatted(code)).andExpect(status().isCreated());
        invoice("A", "2026-03-10", "2026-04-09", "1000.00");
        invoice("B", "2026-04-15", "2026-05-15", "2500.50");
        invoice("C", "2026-06-01", "2026-07-01", "300.25");
        call(post("/api/payments"), "finance", """
                {"paymentRef":"DP-%s","customerCode":"%s","paymentDate":"2026-05-20","amount":1200.00}""".formatted(code, code))
                .andExpect(status().isCreated());
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    void invoice(String name, String issue, String due, String amount) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(code, name, code, issue, due, amount)).andExpect(status().isCreated());
    }

    @Test
    void aStatementIssuedInEnglishHasEnglishLabelsAndItsNumber() throws Exception {
        JsonNode doc = Api.json(call(post("/api/customers/" + code + "/statements").param("from", "2026-04-01").param("to", "2026-06-30")
                .param("locale", "en"), "doccol", null).andExpect(status().isCreated()));
        byte[] pdf = mvc.perform(get("/api/documents/" + doc.get("id").asLong())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("doccol", "doccol")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(d);
            assertThat(text).contains("Statement of account", "No.: " + doc.get("number").asString(), "Opening balance: 1,000.00",
                    "Customer: 苏州恒达精密机械有限公司 (" + code + ")", code + "-B", "Due 2026-").doesNotContain("对账单", "期初余额");
        }
        call(post("/api/customers/" + code + "/statements").param("from", "2026-04-01").param("locale", "fr"), "doccol", null)
                .andExpect(status().isBadRequest());
    }

    @Test
    void aStatementPdfCarriesTheChineseNameTheInvoicesAndTheTotals() throws Exception {
        JsonNode doc = Api.json(call(post("/api/customers/" + code + "/statements").param("from", "2026-04-01").param("to", "2026-06-30"),
                "doccol", null).andExpect(status().isCreated()));
        assertThat(doc.get("number").asString()).matches("ST-2026-\\d{6}");
        assertThat(doc.get("kind").asString()).isEqualTo("STATEMENT");

        byte[] pdf = mvc.perform(get("/api/documents/" + doc.get("id").asLong())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("doccol", "doccol")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Documents.sha256(pdf)).isEqualTo(doc.get("sha256").asString());
        assertThat(pdf.length).isEqualTo(doc.get("sizeBytes").asInt());

        try (PDDocument d = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(d);
            assertThat(text).contains("苏州恒达精密机械有限公司", "对账单", "编号：" + doc.get("number").asString());
            // invoice A (March) is before the period: it is in the opening balance, not listed
            assertThat(text).contains(code + "-B", code + "-C", "DP-" + code).doesNotContain(code + "-A");
            // opening 1,000.00 + 2,500.50 + 300.25 − 1,200.00 = 2,600.75
            assertThat(text).contains("1,000.00", "2,600.75", "1,200.00");

            BufferedImage page = new PDFRenderer(d).renderImageWithDPI(0, 72);
            String shots = System.getProperty("huikuan.screenshots");
            if (shots != null && !shots.isBlank()) {
                javax.imageio.ImageIO.write(new PDFRenderer(d).renderImageWithDPI(0, 110), "png", java.nio.file.Paths.get(shots, "statement.png").toFile());
            }
            // the Chinese title across the top of the page: dark pixels there, so the glyphs were drawn
            int dark = 0;
            for (int y = 40; y < 90; y++) {
                for (int x = page.getWidth() / 4; x < page.getWidth() * 3 / 4; x++) {
                    int rgb = page.getRGB(x, y);
                    if (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3 < 128) {
                        dark++;
                    }
                }
            }
            assertThat(dark).isGreaterThan(100);
        }

        call(get("/api/customers/" + code + "/documents"), "doccol", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].number").value(doc.get("number").asString()))
                .andExpect(jsonPath("$[0].periodFrom").value("2026-04-01"));

        // issued documents are recorded on the customer and announced with their evidence (not as a demand)
        call(get("/api/activities").param("customer", code), "doccol", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].outcome").value("SENT"))
                .andExpect(jsonPath("$[0].notes").value(org.hamcrest.Matchers.containsString(doc.get("number").asString())));
        assertThat(events.stream(DemandIssued.class).filter(e -> e.customerCode().equals(code)).toList()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("STATEMENT");
            assertThat(e.demandsPayment()).isFalse();
            assertThat(e.invoiceNumbers()).containsExactly(code + "-B", code + "-C");
            assertThat(e.amount()).isEqualByComparingTo("2600.75");
            assertThat(e.evidence()).contains(doc.get("number").asString(), doc.get("sha256").asString());
        });
    }

    @Test
    void badPeriodsAndOtherPortfoliosAreRefused() throws Exception {
        call(post("/api/customers/" + code + "/statements").param("from", "2026-07-01").param("to", "2026-06-01"), "doccol", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        call(post("/api/customers/" + code + "/statements").param("from", "2026/01/01"), "doccol", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        call(post("/api/customers/" + code + "/statements"), "doccol", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        call(post("/api/customers/" + code + "/statements").param("from", "2026-01-01").param("to", "2026-12-31"), "doccol", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        call(post("/api/customers/" + code + "/statements").param("from", "2026-01-01"), "othercol", null).andExpect(status().isNotFound());
        call(get("/api/customers/" + code + "/documents"), "doccol", null).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));

        JsonNode doc = Api.json(call(post("/api/customers/" + code + "/statements").param("from", "2026-01-01"), "finance", null)
                .andExpect(status().isCreated()));
        call(get("/api/documents/" + doc.get("id").asLong()), "othercol", null).andExpect(status().isNotFound());
        call(get("/api/documents/999999999"), "finance", null).andExpect(status().isNotFound());
    }
}
