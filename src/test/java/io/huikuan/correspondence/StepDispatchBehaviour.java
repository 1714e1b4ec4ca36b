package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The daily run's e-mail, SMS, message and letter steps produce their messages and letters: e-mails and SMS
 * queued in the outbox to the contact, the demand letter issued and e-mailed with the PDF attached, a step
 * marked for approval waiting for a manager, a contact without an address left to the collector with the
 * reason; a second pass produces nothing again.
 */
// its own context: the run and the dispatch cover every customer in the database, not only this test's
// (one dispatch thread: ApplicationEvents records the events of the test's own thread)
@SpringBootTest(properties = {"huikuan.test-context=step-dispatch", "huikuan.correspondence.dispatch-threads=1"})
@AutoConfigureMockMvc
@RecordApplicationEvents
abstract class StepDispatchBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    String grade;

    @BeforeEach
    void strategy() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "boss", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "sdcol", Role.COLLECTOR);
        grade = "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String code = "S_" + grade;
        call(post("/api/strategies"), "boss", """
                {"code":"%s","nameZh":"书面催收","nameEn":"Written","steps":[
                 {"dayOffset":-3,"channel":"EMAIL","tone":"GENTLE","ownerRole":"COLLECTOR","template":"reminder"},
                 {"dayOffset":1,"channel":"SMS","tone":"GENTLE","ownerRole":"COLLECTOR","template":"overdue_notice"},
                 {"dayOffset":7,"channel":"MESSAGE","tone":"FIRM","ownerRole":"COLLECTOR","template":"overdue_notice","approval":true},
                 {"dayOffset":45,"channel":"DEMAND_LETTER","tone":"FINAL","ownerRole":"MANAGER","template":"demand_letter"}]}"""
                .formatted(code)).andExpect(status().isCreated());
        call(put("/api/segments/G_" + grade), "boss", """
                {"nameZh":"测试","nameEn":"Test","position":1,"grades":"%s","strategyCode":"%s"}""".formatted(grade, code))
                .andExpect(status().isOk());
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    String customer(String name, String due, String contactJson) throws Exception {
        String c = "SD" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"%s","owner":"sdcol","grade":"%s"}""".formatted(c, name, grade)).andExpect(status().isCreated());
        if (contactJson != null) {
            call(post("/api/customers/" + c + "/contacts"), "admin", contactJson).andExpect(status().isCreated());
        }
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"INV-%s","customerCode":"%s","issueDate":"2026-03-01","dueDate":"%s","amount":12800.00}"""
                .formatted(c, c, due)).andExpect(status().isCreated());
        return c;
    }

    long task(String customer) {
        return jdbc.sql("SELECT t.id FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = ? AND t.kind = 'STEP'")
                .param(customer).query(Long.class).single();
    }

    JsonNode messages(String customer) throws Exception {
        return Api.json(call(get("/api/customers/" + customer + "/messages"), "boss", null).andExpect(status().isOk()));
    }

    @Test
    void stepsProduceTheirMessagesAndLettersOnce() throws Exception {
        String email = customer("宁波海韵电子有限公司", "2026-07-03", """
                {"name":"林芳","role":"FINANCE","email":"lin@haiyun.example"}""");
        String sms = customer("温州瑞丰鞋业有限公司", "2026-06-29", """
                {"name":"郑强","role":"FINANCE","phone":"+86 138 0000 1234"}""");
        String chat = customer("台州精工阀门有限公司", "2026-06-23", """
                {"name":"王磊","role":"FINANCE","phone":"13900001111"}""");
        String letter = customer("嘉兴华美纺织有限公司", "2026-05-15", """
                {"name":"赵敏","role":"FINANCE","email":"zhao@huamei.example"}""");
        String noAddress = customer("湖州安吉竹业有限公司", "2026-07-03", """
                {"name":"孙伟","role":"FINANCE","phone":"13700002222"}""");
        Api.json(call(post("/api/collection-runs").param("asOf", "2026-06-30"), "boss", null).andExpect(status().isOk()));

        call(post("/api/step-messages/dispatch"), "sdcol", null).andExpect(status().isForbidden());
        JsonNode result = Api.json(call(post("/api/step-messages/dispatch"), "boss", null).andExpect(status().isOk()));
        assertThat(result.get("failed").asInt()).isZero();

        // the e-mail step: queued to the contact, rendered from the reminder template with the customer's name
        JsonNode mail = messages(email).get(0);
        assertThat(mail.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(mail.get("recipient").asString()).isEqualTo("lin@haiyun.example");
        assertThat(mail.get("status").asString()).isEqualTo("QUEUED");
        assertThat(mail.get("taskId").asLong()).isEqualTo(task(email));
        // the SMS step: to the contact's mobile, digits only
        assertThat(messages(sms).get(0).get("channel").asString()).isEqualTo("SMS");
        assertThat(messages(sms).get(0).get("recipient").asString()).isEqualTo("+8613800001234");
        // the message step waits for approval: nothing queued yet
        assertThat(messages(chat).size()).isZero();
        // the demand letter: issued as a document for the task, e-mailed with the PDF attached, the task done
        JsonNode docs = Api.json(call(get("/api/customers/" + letter + "/documents"), "boss", null));
        assertThat(docs.get(0).get("kind").asString()).isEqualTo("DEMAND_LETTER");
        assertThat(docs.get(0).get("taskId").asLong()).isEqualTo(task(letter));
        JsonNode cover = messages(letter).get(0);
        assertThat(cover.get("recipient").asString()).isEqualTo("zhao@huamei.example");
        assertThat(cover.get("attachments").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM collection_task WHERE id = ?").param(task(letter)).query(String.class).single()).isEqualTo("DONE");
        byte[] pdf = mvc.perform(get("/api/documents/" + docs.get(0).get("id").asLong()).with(httpBasic("boss", "boss")))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(d)).contains("嘉兴华美纺织有限公司", "INV-" + letter, "12,800.00");
        }
        assertThat(events.stream(DemandIssued.class).filter(e -> e.customerCode().equals(letter)).toList()).hasSize(1);
        // no e-mail address: nothing sent, the task stays with the collector and says why
        assertThat(messages(noAddress).size()).isZero();
        assertThat(jdbc.sql("SELECT status FROM collection_task WHERE id = ?").param(task(noAddress)).query(String.class).single()).isEqualTo("OPEN");
        assertThat(jdbc.sql("SELECT dispatch_note FROM collection_task WHERE id = ?").param(task(noAddress)).query(String.class).single())
                .isEqualTo("no-email");
        String page = mvc.perform(get("/worklist/tasks/" + task(noAddress)).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("sdcol").roles("COLLECTOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"dispatch-note\"", "联系人没有邮箱");

        // a second pass (or a second node) produces nothing again
        JsonNode again = Api.json(call(post("/api/step-messages/dispatch"), "boss", null).andExpect(status().isOk()));
        assertThat(again.get("produced").asInt()).isZero();
        assertThat(messages(email).size()).isEqualTo(1);
        assertThat(Api.json(call(get("/api/customers/" + letter + "/documents"), "boss", null)).size()).isEqualTo(1);

        // the approval queue: preview, a collector may not approve, a manager does and the message is queued
        long chatTask = task(chat);
        call(get("/api/step-messages/approvals"), "boss", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.taskId == " + chatTask + ")].customerCode").value(chat));
        call(get("/api/step-messages/" + chatTask + "/preview"), "boss", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.recipient").value("13900001111")).andExpect(jsonPath("$.text").value(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("王磊"), org.hamcrest.Matchers.containsString("12,800.00"), org.hamcrest.Matchers.containsString("7"))));
        call(post("/api/step-messages/" + chatTask + "/approve"), "sdcol", null).andExpect(status().isForbidden());
        call(post("/api/step-messages/" + chatTask + "/approve"), "boss", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedBy").value("boss"));
        assertThat(messages(chat).get(0).get("channel").asString()).isEqualTo("CHAT");
        call(post("/api/step-messages/" + chatTask + "/approve"), "boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("taskId"));
        call(post("/api/step-messages/dispatch").param("asOf", "2026-07-01"), "boss", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }
}
