package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.legal.internal.AttachmentStore;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The document store through its API (database store): a file goes in and comes back byte for byte with the SHA-256
 * recorded at upload; bad uploads (no file, an unknown category, too large, a forbidden or disguised type, another
 * customer's invoice, a bad link or date) are refused naming the field and nothing is stored; collectors upload delivery
 * papers for their own customers only; only legal and administrators delete, and never a limitation event's evidence.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "huikuan.legal.documents.max-size=64KB")
abstract class AttachmentBehaviour {

    static final byte[] PDF = ("%PDF-1.4\n% 合同 contract\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n").getBytes(StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    LimitationEvents events;

    String code;
    String other;

    @BeforeEach
    void customers() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "legal", Role.LEGAL);
        Api.user(users, "attcol", Role.COLLECTOR);
        Api.user(users, "othercol", Role.COLLECTOR);
        code = "ATT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        other = code + "-O";
        for (String c : List.of(code, other)) {
            call(post("/api/customers"), "admin", """
                    {"code":"%s","name":"无锡华光机电有限公司","owner":"%s"}""".formatted(c, c.equals(code) ? "attcol" : "othercol"))
                    .andExpect(status().isCreated());
        }
        invoice(code, "A");
        invoice(code, "B");
        invoice(other, "X");
    }

    void invoice(String customer, String name) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-%s","customerCode":"%s","issueDate":"2026-03-10","dueDate":"2026-04-09","amount":1000.00}"""
                .formatted(customer, name, customer)).andExpect(status().isCreated());
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    ResultActions call(MockMultipartHttpServletRequestBuilder req, String user, String json) throws Exception {
        return mvc.perform(req.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(user, user)));
    }

    MockMultipartHttpServletRequestBuilder upload(String customer, String fileName, byte[] bytes, String category) {
        MockMultipartHttpServletRequestBuilder b = multipart("/api/customers/" + customer + "/attachments");
        if (bytes != null) {
            b.file(new MockMultipartFile("file", fileName, "application/octet-stream", bytes));
        }
        if (category != null) {
            b.param("category", category);
        }
        return b;
    }

    @Test
    void aFileComesBackByteForByteWithTheSha256RecordedAtUpload() throws Exception {
        JsonNode a = Api.json(call(upload(code, "../../etc/采购合同 2026.pdf", PDF, "contract")
                .param("invoiceNos", code + "-A, " + code + "-B").param("description", "框架合同").param("documentDate", "2026-01-05"), "finance", null)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/attachments/"))));
        assertThat(a.get("sha256").asString()).isEqualTo(AttachmentStore.sha256(PDF));
        assertThat(a.get("size").asLong()).isEqualTo(PDF.length);
        assertThat(a.get("fileName").asString()).isEqualTo("采购合同 2026.pdf");
        assertThat(a.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(a.get("category").asString()).isEqualTo("CONTRACT");
        assertThat(a.get("storage").asString()).isEqualTo("DATABASE");
        assertThat(a.get("uploadedBy").asString()).isEqualTo("finance");
        assertThat(a.get("documentDate").asString()).isEqualTo("2026-01-05");

        byte[] back = call(get("/api/attachments/" + a.get("id").asLong()), "attcol", null).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("2026.pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(PDF);

        call(get("/api/customers/" + code + "/attachments"), "legal", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].invoiceNos").value(Matchers.contains(code + "-A", code + "-B")))
                .andExpect(jsonPath("$[0].description").value("框架合同"));
    }

    @Test
    void badUploadsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        call(upload(code, null, null, "CONTRACT"), "finance", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        call(upload(code, "empty.pdf", new byte[0], "CONTRACT"), "finance", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        call(upload(code, "a.pdf", PDF, "LETTER_OF_LOVE"), "finance", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        call(upload(code, "a.pdf", PDF, null), "finance", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        byte[] big = Arrays.copyOf(PDF, 65 * 1024);
        call(upload(code, "big.pdf", big, "CONTRACT"), "finance", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("64KB")));
        call(upload(code, "setup.exe", new byte[] {'M', 'Z', 0, 0}, "OTHER"), "finance", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("allowed: ")));
        call(upload(code, "bundle.zip", new byte[] {'P', 'K', 3, 4, 0}, "OTHER"), "finance", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        call(upload(code, "invoice.pdf", "MZ not a pdf".getBytes(StandardCharsets.UTF_8), "INVOICE"), "finance", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("not what its extension says")));
        call(upload(code, "a.pdf", PDF, "INVOICE").param("invoiceNos", code + "-A," + other + "-X"), "finance", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("invoiceNos"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString(other + "-X")));
        call(upload(code, "a.pdf", PDF, "OTHER").param("ownerKind", "SPACESHIP").param("ownerId", "1"), "finance", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ownerKind"));
        call(upload(code, "a.pdf", PDF, "OTHER").param("ownerKind", "LIMITATION_EVENT").param("ownerId", "999999999"), "finance", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ownerId"));
        call(upload(code, "a.pdf", PDF, "OTHER").param("documentDate", "2099-01-01"), "finance", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("documentDate"));
        call(upload(code, "a.pdf", PDF, "OTHER").param("documentDate", "5.1.2026"), "finance", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("documentDate"));

        call(get("/api/customers/" + code + "/attachments"), "finance", null).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void collectorsUploadDeliveryPapersForTheirOwnCustomersAndOnlyLegalDeletes() throws Exception {
        long id = Api.json(call(upload(code, "送货单.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2}, "DELIVERY"),
                "attcol", null).andExpect(status().isCreated())).get("id").asLong();
        call(upload(code, "contract.pdf", PDF, "CONTRACT"), "attcol", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        call(upload(code, "r.pdf", PDF, "DELIVERY"), "othercol", null).andExpect(status().isNotFound());
        call(get("/api/attachments/" + id), "othercol", null).andExpect(status().isNotFound());
        call(get("/api/customers/" + code + "/attachments"), "othercol", null).andExpect(status().isNotFound());
        call(get("/api/attachments/" + id), "finance", null).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"));

        call(delete("/api/attachments/" + id), "attcol", null).andExpect(status().isForbidden());
        call(delete("/api/attachments/" + id), "finance", null).andExpect(status().isForbidden());
        call(delete("/api/attachments/" + id), "legal", null).andExpect(status().isNoContent());
        call(get("/api/attachments/" + id), "legal", null).andExpect(status().isNotFound());
        call(delete("/api/attachments/999999999"), "admin", null).andExpect(status().isNotFound());
    }

    @Test
    void aLimitationEventsEvidenceCannotBeDeleted() throws Exception {
        long receipt = Api.json(call(upload(code, "快递回执.pdf", PDF, "COURIER_RECEIPT").param("invoiceNos", code + "-A"), "legal", null)
                .andExpect(status().isCreated())).get("id").asLong();
        long event = events.record(new LimitationEvents.NewEvent(code, List.of(code + "-A"), LocalDate.of(2026, 5, 10),
                LimitationEventKind.DEMAND_DELIVERED, "EMS 1234567890 signed 2026-05-10", "MANUAL", null, receipt), "legal");
        call(delete("/api/attachments/" + receipt), "admin", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("limitation event")));
        call(get("/api/attachments/" + receipt), "legal", null).andExpect(status().isOk());

        // a document linked to the event it proves
        call(upload(code, "签收.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10}, "COURIER_RECEIPT").param("ownerKind", "limitation_event")
                .param("ownerId", String.valueOf(event)), "legal", null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.ownerKind").value("LIMITATION_EVENT")).andExpect(jsonPath("$.ownerId").value(String.valueOf(event)));
    }
}
