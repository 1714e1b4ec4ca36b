package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import io.huikuan.correspondence.outbox.OutboxSender;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.legal.internal.AttachmentStore;
import io.huikuan.support.Api;
import io.huikuan.support.TestSmtp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The evidence pack read back: a customer with invoices, payments, an issued statement and demand letter, an uploaded
 * contract and delivery note, an e-mail delivered through a real SMTP server and a limitation event; the ZIP downloaded
 * through the API holds every folder and file, the index PDF lists each file with the SHA-256 of the bytes in the ZIP,
 * the spreadsheets hold the ledger as of the date asked for, and a pack as of an earlier date or for one invoice holds
 * only what was known then about it.
 */
@SpringBootTest(properties = {"huikuan.outbox.enabled=false", "huikuan.mail.from=ar@huikuan.test"})
@AutoConfigureMockMvc
abstract class EvidencePackBehaviour {

    /** The SMTP server of the test class running (each subclass starts its own; the context reads its port when it is built). */
    static GreenMail SMTP;

    @BeforeAll
    static void startSmtp() {
        SMTP = TestSmtp.start();
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    static final byte[] CONTRACT = "%PDF-1.4\n% 购销合同 No. HT-2025-118\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] DELIVERY = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    OutboxSender sender;
    @Autowired
    LimitationEvents events;
    @Autowired
    Clock clock;

    String code;
    String statementNo;
    String letterNo;
    long messageId;

    @BeforeEach
    void customer() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "legal", Role.LEGAL);
        Api.user(users, "epcol", Role.COLLECTOR);
        code = "EP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"南通东方纺织有限公司","owner":"epcol"}""".formatted(code)).andExpect(status().isCreated());
        call(post("/api/customers/" + code + "/contacts"), "admin", """
                {"name":"周敏","role":"FINANCE","email":"zhou@dongfang.example"}""").andExpect(status().isCreated());
        invoice("A", "2026-01-10", "2026-02-09", "10000.00");
        invoice("B", "2026-02-15", "2026-03-17", "5000.00");
        invoice("C", "2026-05-15", "2026-06-14", "800.00");
        payment("P1", "2026-03-01", "4000.00");
        payment("P2", "2026-06-01", "1000.00");

        JsonNode st = Api.json(call(post("/api/customers/" + code + "/statements").param("from", "2026-01-01"), "finance", null)
                .andExpect(status().isCreated()));
        statementNo = st.get("number").asString();
        letterNo = Api.json(call(post("/api/customers/" + code + "/letters").param("kind", "DEMAND_LETTER"), "legal", null)
                .andExpect(status().isCreated())).get("number").asString();

        mvc.perform(multipart("/api/customers/" + code + "/attachments").file(new MockMultipartFile("file", "购销合同.pdf", "application/pdf", CONTRACT))
                .param("category", "CONTRACT").param("documentDate", "2025-12-20").param("description", "HT-2025-118")
                .with(SecurityMockMvcRequestPostProcessors.httpBasic("legal", "legal"))).andExpect(status().isCreated());
        mvc.perform(multipart("/api/customers/" + code + "/attachments").file(new MockMultipartFile("file", "送货单.png", "image/png", DELIVERY))
                .param("category", "DELIVERY").param("documentDate", "2026-02-14").param("invoiceNos", code + "-B")
                .with(SecurityMockMvcRequestPostProcessors.httpBasic("legal", "legal"))).andExpect(status().isCreated());

        messageId = Api.json(call(post("/api/customers/" + code + "/messages"), "finance", """
                {"template":"statement_cover","documentIds":[%d],"idempotencyKey":"ep-%s"}""".formatted(st.get("id").asLong(), code))
                .andExpect(status().isCreated())).get("id").asLong();
        assertThat(sender.runOnce().sent()).isEqualTo(1);

        events.record(new LimitationEvents.NewEvent(code, List.of(code + "-A"), LocalDate.of(2026, 5, 10), LimitationEventKind.DEMAND_DELIVERED,
                "EMS 1180000001 签收 2026-05-10", "MANUAL", null, null), "legal");
    }

    void invoice(String name, String issue, String due, String amount) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(code, name, code, issue, due, amount)).andExpect(status().isCreated());
    }

    void payment(String ref, String date, String amount) throws Exception {
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%s-%s","customerCode":"%s","paymentDate":"%s","amount":%s}""".formatted(code, ref, code, date, amount))
                .andExpect(status().isCreated());
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    /** The ZIP's entries in order: path → bytes (directories: empty). */
    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                files.put(e.getName(), out.toByteArray());
            }
        }
        return files;
    }

    static List<List<String>> sheet(byte[] xlsx, int index) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getSheets().toList().get(index).read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER
                            ? cell.asNumber().stripTrailingZeros().toPlainString() : cell.getText());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void thePackHoldsEveryFolderAndItsIndexListsTheSha256OfEachFile() throws Exception {
        LocalDate today = LocalDate.now(clock);
        byte[] zip = call(get("/api/customers/" + code + "/evidence-pack"), "legal", null).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("evidence-" + code + "-" + today + ".zip")))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> files = unzip(zip);

        assertThat(files.keySet()).contains("01-index.pdf", "02-contracts/", "03-invoices/", "04-delivery/", "05-statements/", "06-demands/",
                "10-other/", "02-contracts/2025-12-20_购销合同.pdf", "03-invoices/invoices.xlsx", "04-delivery/2026-02-14_送货单.png",
                "05-statements/" + statementNo + ".pdf", "06-demands/" + letterNo + ".pdf", "06-demands/message-" + messageId + "-email.eml",
                "07-activities.xlsx", "08-payments.xlsx", "09-limitation.xlsx");
        assertThat(files.get("02-contracts/2025-12-20_购销合同.pdf")).isEqualTo(CONTRACT);
        assertThat(files.get("04-delivery/2026-02-14_送货单.png")).isEqualTo(DELIVERY);
        assertThat(pdfText(files.get("06-demands/" + letterNo + ".pdf"))).contains("南通东方纺织有限公司");

        String eml = new String(files.get("06-demands/message-" + messageId + "-email.eml"), StandardCharsets.UTF_8);
        assertThat(eml).contains("ep-" + code + "@huikuan>", "To: zhou@dongfang.example", "X-Huikuan-Accepted-At: ",
                "X-Huikuan-Documents: " + statementNo, "Subject: =?UTF-8?B?");
        jakarta.mail.internet.MimeMessage parsed = new jakarta.mail.internet.MimeMessage((jakarta.mail.Session) null,
                new ByteArrayInputStream(files.get("06-demands/message-" + messageId + "-email.eml")));
        assertThat(parsed.getSubject()).isNotBlank();
        assertThat(parsed.getAllRecipients()[0].toString()).isEqualTo("zhou@dongfang.example");

        // the index lists every file of the pack with the SHA-256 of the bytes in the ZIP
        String shots = System.getProperty("huikuan.screenshots");
        if (shots != null && !shots.isBlank()) {
            try (PDDocument d = Loader.loadPDF(files.get("01-index.pdf"))) {
                for (int p = 0; p < d.getNumberOfPages(); p++) {
                    javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(d).renderImageWithDPI(p, 80), "png",
                            java.nio.file.Paths.get(shots, "evidence-index-" + p + ".png").toFile());
                }
            }
        }
        String index = pdfText(files.get("01-index.pdf"));
        assertThat(index).contains("证据材料目录", "南通东方纺织有限公司", code, "截至 " + today, code + "-A", code + "-B", code + "-C",
                "15,800.00", "5,000.00", "10,800.00", "EMS 1180000001");
        String flat = index.replaceAll("\\s+", "");
        int listed = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().endsWith("/") || f.getKey().equals("01-index.pdf")) {
                continue;
            }
            assertThat(flat).as("the index lists " + f.getKey()).contains(f.getKey().replaceAll("\\s+", ""));
            assertThat(flat).as("the index gives the SHA-256 of " + f.getKey()).contains("SHA-256:" + AttachmentStore.sha256(f.getValue()));
            listed++;
        }
        assertThat(listed).isEqualTo(9);

        // the ledger extract as of today: A paid 4,000 + 1,000 (oldest due first), B and C open
        List<List<String>> invoices = sheet(files.get("03-invoices/invoices.xlsx"), 0);
        assertThat(invoices.get(0)).startsWith("发票号", "开票日", "到期日");
        assertThat(invoices).hasSize(4);
        assertThat(invoices.get(1)).startsWith(code + "-A").contains("10000", "5000");
        assertThat(invoices.get(1).subList(4, 9)).containsExactly("10000", "5000", "0", "0", "5000");
        assertThat(invoices.get(3).subList(4, 9)).containsExactly("800", "0", "0", "0", "800");

        List<List<String>> payments = sheet(files.get("08-payments.xlsx"), 0);
        assertThat(payments).hasSize(3);
        assertThat(payments.get(1)).startsWith(code + "-P1").contains(code + "-A", "4000");
        assertThat(payments.get(2)).startsWith(code + "-P2").contains(code + "-A", "1000");

        List<List<String>> activities = sheet(files.get("07-activities.xlsx"), 0);
        assertThat(activities.stream().map(r -> String.join(" ", r)))
                .anyMatch(r -> r.contains(statementNo)).anyMatch(r -> r.contains(letterNo)).anyMatch(r -> r.contains("zhou@dongfang.example"));

        List<List<String>> limitation = sheet(files.get("09-limitation.xlsx"), 0);
        // the manual event, and the events recorded automatically: the demand letter (not counting until its courier
        // receipt is entered) and the delivered e-mail
        assertThat(limitation).hasSize(4);
        assertThat(limitation.get(1)).contains("催款送达", "EMS 1180000001 签收 2026-05-10", code + "-A");
        assertThat(limitation.stream().map(r -> String.join(" ", r)))
                .anyMatch(r -> r.contains(letterNo) && r.contains("DOCUMENT") && r.contains("否"))
                .anyMatch(r -> r.contains("zhou@dongfang.example") && r.contains("MESSAGE") && r.contains("是"));
        List<List<String>> clocks = sheet(files.get("09-limitation.xlsx"), 1);
        assertThat(clocks.get(0)).hasSize(4);
        assertThat(clocks.stream().skip(1).map(r -> r.get(0))).containsExactlyInAnyOrder(code + "-A", code + "-B", code + "-C");
        assertThat(clocks.stream().skip(1).map(r -> r.get(3))).containsOnly("RUNNING");
    }

    @Test
    void aPackAsOfAnEarlierDateForOneInvoiceHoldsOnlyWhatWasKnownThen() throws Exception {
        assertThat(LocalDate.now(clock)).isAfter(LocalDate.of(2026, 6, 1));
        byte[] zip = call(get("/api/customers/" + code + "/evidence-pack").param("asOf", "2026-04-30").param("invoiceNos", code + "-A")
                .param("locale", "en"), "finance", null).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString("evidence-" + code + "-2026-04-30.zip")))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> files = unzip(zip);
        // the contract (about no invoice in particular) is in; the delivery note of invoice B is not; the statement, letter
        // and e-mail of today (the test clock's 2026-06-30) are not facts of 2026-04-30
        assertThat(files.keySet()).contains("02-contracts/2025-12-20_购销合同.pdf")
                .noneMatch(k -> k.startsWith("04-delivery/") && !k.equals("04-delivery/"))
                .noneMatch(k -> k.startsWith("05-statements/") && !k.equals("05-statements/"))
                .noneMatch(k -> k.startsWith("06-demands/") && !k.equals("06-demands/"));

        List<List<String>> invoices = sheet(files.get("03-invoices/invoices.xlsx"), 0);
        assertThat(invoices.get(0)).startsWith("Invoice no.");
        assertThat(invoices).hasSize(2);
        assertThat(invoices.get(1).subList(4, 9)).containsExactly("10000", "4000", "0", "0", "6000");
        List<List<String>> payments = sheet(files.get("08-payments.xlsx"), 0);
        assertThat(payments).hasSize(2);
        assertThat(payments.get(1)).startsWith(code + "-P1");

        assertThat(sheet(files.get("09-limitation.xlsx"), 0)).as("the event of 2026-05-10 is after the date").hasSize(1);

        String index = pdfText(files.get("01-index.pdf"));
        assertThat(index).contains("Evidence index", "As of 2026-04-30", "Scope: invoices " + code + "-A", "10,000.00", "6,000.00")
                .doesNotContain(code + "-C", "证据材料目录");
        assertThat(new BigDecimal("4000.00")).isEqualByComparingTo(new BigDecimal(payments.get(1).get(6)));
    }

    @Test
    void badRequestsAndRolesAreRefusedBeforeAnythingIsWritten() throws Exception {
        call(get("/api/customers/" + code + "/evidence-pack").param("asOf", "2999-01-01"), "legal", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        call(get("/api/customers/" + code + "/evidence-pack").param("asOf", "30.06.2026"), "legal", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        call(get("/api/customers/" + code + "/evidence-pack").param("invoiceNos", code + "-A,NOPE-1"), "legal", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("invoiceNos"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("NOPE-1")));
        call(get("/api/customers/" + code + "/evidence-pack").param("locale", "fr"), "legal", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("locale"));
        call(get("/api/customers/" + code + "/evidence-pack"), "epcol", null).andExpect(status().isForbidden());
        call(get("/api/customers/NOSUCH-CUSTOMER/evidence-pack"), "legal", null).andExpect(status().isNotFound());
    }
}
