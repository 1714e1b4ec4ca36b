package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import io.huikuan.correspondence.outbox.OutboxSender;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.TestSmtp;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * A user writes to a customer by hand and the daily run's e-mail step goes out, both through the outbox to a real
 * SMTP server (GreenMail): the statement arrives attached and readable, a retried request sends once, bad requests
 * name their field, and each delivery is recorded as an activity (completing the step's task) with the evidence
 * published as {@link DemandIssued}.
 */
@SpringBootTest(properties = {"huikuan.outbox.enabled=false", "huikuan.mail.from=ar@huikuan.test"})
@AutoConfigureMockMvc
@RecordApplicationEvents
class ManualMessageIntegrationTests {

    static final GreenMail SMTP = TestSmtp.start();

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        TestSmtp.register(r, SMTP);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    OutboxSender sender;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    String code;

    @BeforeEach
    void customer() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "boss", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "mmcol", Role.COLLECTOR);
        Api.user(users, "mmother", Role.COLLECTOR);
        code = "MM" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"常州天宁电气有限公司","owner":"mmcol","grade":"MM%s"}""".formatted(code, code.substring(2, 8)))
                .andExpect(status().isCreated());
        call(post("/api/customers/" + code + "/contacts"), "admin", """
                {"name":"钱丽","role":"FINANCE","email":"qian@tianning.example"}""").andExpect(status().isCreated());
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-A","customerCode":"%s","issueDate":"2026-04-15","dueDate":"2026-05-15","amount":8600.00}"""
                .formatted(code, code)).andExpect(status().isCreated());
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    @Test
    void aStatementIsEMailedByHandOnceWithThePdfAndRecorded() throws Exception {
        JsonNode doc = Api.json(call(post("/api/customers/" + code + "/statements").param("from", "2026-01-01"), "mmcol", null)
                .andExpect(status().isCreated()));
        String body = """
                {"template":"statement_cover","documentIds":[%d],"idempotencyKey":"k-%s"}""".formatted(doc.get("id").asLong(), code);

        call(post("/api/customers/" + code + "/messages/preview"), "mmcol", body).andExpect(status().isOk())
                .andExpect(jsonPath("$.to").value("qian@tianning.example")).andExpect(jsonPath("$.channel").value("EMAIL"))
                .andExpect(jsonPath("$.attachments[0]").value(doc.get("number").asString()));
        JsonNode first = Api.json(call(post("/api/customers/" + code + "/messages"), "mmcol", body).andExpect(status().isCreated()));
        JsonNode again = Api.json(call(post("/api/customers/" + code + "/messages"), "mmcol", body).andExpect(status().isCreated()));
        assertThat(again.get("id").asLong()).as("a retried request sends once").isEqualTo(first.get("id").asLong());
        assertThat(first.get("status").asString()).isEqualTo("QUEUED");

        assertThat(sender.runOnce().sent()).isEqualTo(1);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("qian@tianning.example");
        byte[] pdf = attachment(received[0]);
        assertThat(pdf).as("the statement is attached").isNotNull();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(d)).contains("常州天宁电气有限公司", code + "-A", "8,600.00");
        }
        call(get("/api/activities").param("customer", code), "mmcol", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].channel").value("EMAIL")).andExpect(jsonPath("$[0].outcome").value("SENT"))
                .andExpect(jsonPath("$[0].notes").value(org.hamcrest.Matchers.containsString(doc.get("number").asString())));
        assertThat(events.stream(DemandIssued.class).filter(e -> first.get("id").asLong() == (e.messageId() == null ? -1 : e.messageId())))
                .singleElement().satisfies(e -> assertThat(e.evidence()).contains("qian@tianning.example", "k-" + code));
    }

    @Test
    void badRequestsNameTheirField() throws Exception {
        String other = code + "X";
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"他人客户","owner":"mmother"}""".formatted(other)).andExpect(status().isCreated());
        JsonNode foreign = Api.json(call(post("/api/customers/" + other + "/statements").param("from", "2026-01-01"), "mmother", null)
                .andExpect(status().isCreated()));
        call(post("/api/customers/" + code + "/messages"), "mmcol", """
                {"template":"statement_cover","documentIds":[%d]}""".formatted(foreign.get("id").asLong())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("documentIds"));
        call(post("/api/customers/" + code + "/messages"), "mmcol", """
                {"template":"overdue_notice","channel":"SMS"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        call(post("/api/customers/" + code + "/messages"), "mmcol", """
                {"template":"no_such_template"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("template"));
        call(post("/api/customers/" + code + "/messages"), "mmcol", """
                {"template":"reminder","channel":"FAX","tone":"LOUD"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("channel", "tone")));
        call(post("/api/customers/" + code + "/messages"), "mmother", """
                {"template":"reminder"}""").andExpect(status().isNotFound());
        call(get("/api/customers/" + code + "/messages"), "mmcol", null).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void theDailyRunsEMailStepIsDeliveredAndCompletesItsTask() throws Exception {
        String grade = "MM" + code.substring(2, 8);
        call(post("/api/strategies"), "boss", """
                {"code":"S_%s","nameZh":"邮件","nameEn":"Mail","steps":[
                 {"dayOffset":30,"channel":"EMAIL","tone":"FIRM","ownerRole":"COLLECTOR","template":"overdue_notice"}]}""".formatted(grade))
                .andExpect(status().isCreated());
        call(put("/api/segments/G_" + grade), "boss", """
                {"nameZh":"测试","nameEn":"Test","position":1,"grades":"%s","strategyCode":"S_%s"}""".formatted(grade, grade))
                .andExpect(status().isOk());
        call(post("/api/collection-runs").param("asOf", "2026-06-30"), "boss", null).andExpect(status().isOk());
        long task = jdbc.sql("SELECT t.id FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = ? AND t.kind = 'STEP'")
                .param(code).query(Long.class).single();
        call(post("/api/step-messages/dispatch"), "boss", null).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT status FROM collection_task WHERE id = ?").param(task).query(String.class).single()).as("open until sent")
                .isEqualTo("OPEN");

        sender.runOnce();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isNotBlank();
        assertThat(jdbc.sql("SELECT status || '/' || outcome FROM collection_task WHERE id = ?").param(task).query(String.class).single())
                .isEqualTo("DONE/SENT");
    }

    static byte[] attachment(Part part) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.isMimeType("application/pdf")) {
            return part.getInputStream().readAllBytes();
        }
        if (part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                byte[] found = attachment(b);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
