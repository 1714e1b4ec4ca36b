package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * A manager's approval round on the pages (no mail server, no SMS gateway: messages wait in the outbox): the preview page
 * shows the rendered SMS, e-mail or letter, the recipient, the customer and the invoices (collectors get 403); approve,
 * edit then approve (what is queued is the edited text), reject with a required reason, approve the selected, approve all;
 * each flash says in words what happened, in Chinese and in English. Automatic e-mail and SMS steps never sit on the
 * collector's worklist; the phone call does.
 */
// its own context: the run covers every customer in the database
@SpringBootTest(properties = {"huikuan.test-context=approval-pages", "huikuan.correspondence.dispatch-threads=1"})
@AutoConfigureMockMvc
class ApprovalPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;

    final RequestPostProcessor boss = user("ap-boss").roles(Role.MANAGER.name());
    final RequestPostProcessor collector = user("ap-col").roles(Role.COLLECTOR.name());
    String grade;

    String text(MockHttpServletRequestBuilder req) throws Exception {
        return mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String customer(String name, String due, String contactJson) throws Exception {
        String c = "AP" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        Api.call(mvc, post("/api/customers"), "ap-admin", """
                {"code":"%s","name":"%s","owner":"ap-col","grade":"%s"}""".formatted(c, name, grade)).andExpect(status().isCreated());
        Api.call(mvc, post("/api/customers/" + c + "/contacts"), "ap-admin", contactJson).andExpect(status().isCreated());
        Api.call(mvc, post("/api/invoices"), "ap-fin", """
                {"invoiceNo":"INV-%s","customerCode":"%s","issueDate":"2026-03-01","dueDate":"%s","amount":8600.00}"""
                .formatted(c, c, due)).andExpect(status().isCreated());
        return c;
    }

    long task(String customer) {
        return jdbc.sql("SELECT t.id FROM collection_task t JOIN customer c ON c.id = t.customer_id WHERE c.code = ? AND t.kind = 'STEP'")
                .param(customer).query(Long.class).single();
    }

    String taskStatus(String customer) {
        return jdbc.sql("SELECT status FROM collection_task WHERE id = ?").param(task(customer)).query(String.class).single();
    }

    long queued(String customer) {
        return jdbc.sql("SELECT count(*) FROM outbox_message m JOIN customer c ON c.id = m.customer_id WHERE c.code = ?").param(customer)
                .query(Long.class).single();
    }

    @Test
    void aManagersApprovalRound() throws Exception {
        Api.user(users, "ap-admin", Role.ADMIN);
        Api.user(users, "ap-boss", Role.MANAGER);
        Api.user(users, "ap-fin", Role.FINANCE);
        Api.user(users, "ap-col", Role.COLLECTOR);
        grade = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String strategy = "S_" + grade;
        Api.call(mvc, post("/api/strategies"), "ap-boss", """
                {"code":"%s","nameZh":"审批测试","nameEn":"Approval test","steps":[
                 {"dayOffset":1,"channel":"SMS","tone":"GENTLE","ownerRole":"COLLECTOR","template":"overdue_notice","approval":true},
                 {"dayOffset":10,"channel":"EMAIL","tone":"FIRM","ownerRole":"COLLECTOR","template":"reminder","approval":true},
                 {"dayOffset":20,"channel":"SMS","tone":"FIRM","ownerRole":"COLLECTOR","template":"overdue_notice"},
                 {"dayOffset":30,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"},
                 {"dayOffset":45,"channel":"DEMAND_LETTER","tone":"FINAL","ownerRole":"MANAGER","template":"demand_letter","approval":true}]}"""
                .formatted(strategy)).andExpect(status().isCreated());
        Api.call(mvc, put("/api/segments/G_" + grade), "ap-boss", """
                {"nameZh":"审批","nameEn":"Approval","position":1,"grades":"%s","strategyCode":"%s"}""".formatted(grade, strategy))
                .andExpect(status().isOk());
        String sms = customer("温州瑞丰鞋业有限公司", "2026-06-28", """
                {"name":"郑强","role":"FINANCE","phone":"13800001234"}""");
        String rejected = customer("台州精工阀门有限公司", "2026-06-27", """
                {"name":"王磊","role":"FINANCE","phone":"13900001111"}""");
        String email = customer("宁波海韵电子有限公司", "2026-06-19", """
                {"name":"林芳","role":"FINANCE","email":"lin@haiyun.example"}""");
        String automatic = customer("湖州安吉竹业有限公司", "2026-06-09", """
                {"name":"孙伟","role":"FINANCE","phone":"13700002222"}""");
        String phone = customer("绍兴柯桥印染有限公司", "2026-05-30", """
                {"name":"钱进","role":"FINANCE","phone":"13600003333"}""");
        String letter = customer("嘉兴华美纺织有限公司", "2026-05-15", """
                {"name":"赵敏","role":"FINANCE","title":"财务经理","email":"zhao@huamei.example"}""");
        String english = customer("金华永康五金有限公司", "2026-06-26", """
                {"name":"周杰","role":"FINANCE","phone":"13500004444"}""");
        String selected = customer("丽水青田石雕有限公司", "2026-06-18", """
                {"name":"吴越","role":"FINANCE","email":"wu@qingtian.example"}""");
        String all1 = customer("衢州江山木业有限公司", "2026-06-25", """
                {"name":"郑和","role":"FINANCE","phone":"13400005555"}""");
        String all2 = customer("舟山普陀渔业有限公司", "2026-06-24", """
                {"name":"冯远","role":"FINANCE","phone":"13300006666"}""");
        String viaApi = customer("杭州萧山汽配有限公司", "2026-06-22", """
                {"name":"陈亮","role":"FINANCE","phone":"13200007777"}""");
        String rejectedViaApi = customer("嘉善西塘黄酒有限公司", "2026-06-21", """
                {"name":"沈清","role":"FINANCE","phone":"13100008888"}""");
        Api.json(Api.call(mvc, post("/api/collection-runs").param("asOf", "2026-06-30"), "ap-boss", null).andExpect(status().isOk()));
        Api.json(Api.call(mvc, post("/api/step-messages/dispatch"), "ap-boss", null).andExpect(status().isOk()));

        // the automatic SMS is queued in the outbox and is no task of the collector's; the phone call is
        assertThat(queued(automatic)).isEqualTo(1);
        JsonNode mine = Api.json(Api.call(mvc, get("/api/worklist").param("owner", "ap-col"), "ap-col", null).andExpect(status().isOk()));
        assertThat(mine.get("total").asInt()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("customerCode").asString()).isEqualTo(phone);
        String worklist = text(get("/worklist").with(collector));
        assertThat(worklist).contains("data-task=\"" + task(phone) + "\"").doesNotContain("data-task=\"" + task(automatic) + "\"",
                "data-task=\"" + task(sms) + "\"", "data-task=\"" + task(email) + "\"");

        // the queue: every step awaiting approval, with a preview page link (not the stateless API), select and approve-all
        String queue = text(get("/approvals").with(boss));
        for (String c : new String[] {sms, rejected, email, letter, english, selected, all1, all2, viaApi, rejectedViaApi}) {
            assertThat(queue).contains("data-task=\"" + task(c) + "\"", "href=\"/approvals/" + task(c) + "\"");
        }
        assertThat(queue).contains("id=\"approve-all-form\"", "data-confirm=\"将批准全部 10 条", "id=\"approve-selected-form\"", "催款短信",
                        ">到期提醒</td>")
                .doesNotContain("/api/step-messages", "??", ">reminder</td>", "data-task=\"" + task(automatic) + "\"");
        mvc.perform(get("/approvals").with(collector)).andExpect(status().isForbidden());

        // the API does the same: approve with the manager's wording, reject with a reason (required)
        Api.call(mvc, post("/api/step-messages/" + task(viaApi) + "/approve"), "ap-boss", """
                {"text":"陈经理：请于本周内安排付款。"}""").andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT body_text FROM outbox_message WHERE task_id = ?").param(task(viaApi)).query(String.class).single())
                .isEqualTo("陈经理：请于本周内安排付款。");
        Api.call(mvc, post("/api/step-messages/" + task(rejectedViaApi) + "/reject"), "ap-boss", """
                {"reason":" "}""").andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field").value("reason"));
        Api.call(mvc, post("/api/step-messages/" + task(rejectedViaApi) + "/reject"), "ap-col", """
                {"reason":"不发"}""").andExpect(status().isForbidden());
        Api.call(mvc, post("/api/step-messages/" + task(rejectedViaApi) + "/reject"), "ap-boss", """
                {"reason":"客户要求改用电话沟通"}""").andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status").value("CANCELLED"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.dispatchNote")
                        .value("rejected|ap-boss|客户要求改用电话沟通"));

        // the preview page: the SMS as sent, to whom, the customer and the invoice
        String preview = text(get("/approvals/" + task(sms)).with(boss));
        assertThat(preview).contains("温州瑞丰鞋业有限公司", "13800001234", "郑强", "INV-" + sms, "8,600.00", "id=\"approval-text\"",
                "id=\"approve-form\"", "id=\"edit-form\"", "id=\"reject-form\"", "短信渠道尚未配置").doesNotContain("??");
        mvc.perform(get("/approvals/" + task(sms)).with(collector)).andExpect(status().isForbidden());
        assertThat(text(get("/approvals/" + task(email)).with(boss))).contains("lin@haiyun.example", "id=\"approval-subject\"",
                "id=\"approval-body\"", "宁波海韵电子有限公司", "INV-" + email, "name=\"subject\"");
        String letterPage = text(get("/approvals/" + task(letter)).with(boss));
        assertThat(letterPage).contains("催款函", "赵敏", "INV-" + letter, "/approvals/" + task(letter) + "/letter.pdf").doesNotContain("id=\"edit-form\"");
        byte[] pdf = mvc.perform(get("/approvals/" + task(letter) + "/letter.pdf").with(boss)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(text(get("/approvals/" + task(sms)).param("lang", "en").with(boss))).contains("What the recipient will see", "SMS reminder");

        // edit then approve: the edited text is what is queued; a blank text is refused naming the field, the input kept
        String refused = text(post("/approvals/" + task(email) + "/edit").with(boss).with(csrf()).param("subject", "关于贵司逾期货款").param("text", " "));
        assertThat(refused).contains("id=\"approval-errors\"", "正文：必填", "关于贵司逾期货款").doesNotContain("text:");
        assertThat(queued(email)).isZero();
        mvc.perform(post("/approvals/" + task(email) + "/edit").with(boss).with(csrf()).param("subject", "关于贵司逾期货款")
                        .param("text", "林经理：\n\n贵司发票已逾期，请于本周内安排付款。"))
                .andExpect(redirectedUrl("/approvals"))
                .andExpect(flash().attribute("flash", allOf(containsString("已批准 " + email + " 的催款邮件，已放入发件箱"),
                        containsString("邮件渠道尚未配置"), not(containsString("queued|")))));
        assertThat(jdbc.sql("SELECT subject || '/' || body_text FROM outbox_message WHERE task_id = ?").param(task(email)).query(String.class).single())
                .isEqualTo("关于贵司逾期货款/林经理：\n\n贵司发票已逾期，请于本周内安排付款。");
        assertThat(jdbc.sql("SELECT body_html FROM outbox_message WHERE task_id = ?").param(task(email)).query(String.class).single())
                .contains("<p>林经理：</p>");

        // reject: the reason is required; the task is cancelled and nothing is sent
        String noReason = text(post("/approvals/" + task(rejected) + "/reject").with(boss).with(csrf()).param("reason", ""));
        assertThat(noReason).contains("驳回理由：必填").doesNotContain("reason:");
        mvc.perform(post("/approvals/" + task(rejected) + "/reject").with(boss).with(csrf()).param("reason", "客户已来电，本周五付款"))
                .andExpect(redirectedUrl("/approvals"))
                .andExpect(flash().attribute("flash", "已驳回 " + rejected + " 的催款短信，不会发出。理由：客户已来电，本周五付款"));
        assertThat(taskStatus(rejected)).isEqualTo("CANCELLED");
        assertThat(queued(rejected)).isZero();
        mvc.perform(post("/approvals/" + task(rejected) + "/reject").with(collector).with(csrf()).param("reason", "x"))
                .andExpect(status().isForbidden());

        // approve one: said in words, in Chinese and in English
        mvc.perform(post("/approvals/" + task(sms)).with(boss).with(csrf()))
                .andExpect(flash().attribute("flash", allOf(containsString("已批准 " + sms + " 的催款短信，已放入发件箱（消息 "),
                        containsString("发出后任务自动完成"), containsString("短信渠道尚未配置"))));
        assertThat(queued(sms)).isEqualTo(1);
        mvc.perform(post("/approvals/" + task(english)).param("lang", "en").with(boss).with(csrf()))
                .andExpect(flash().attribute("flash", allOf(containsString("Approved the SMS reminder to " + english + ": queued for sending"),
                        containsString("The SMS channel is not configured"))));
        mvc.perform(post("/approvals/" + task(sms)).with(boss).with(csrf()))
                .andExpect(flash().attribute("flashError", "任务：该任务不在待审批状态"));

        // approve the selected: an e-mail and the demand letter
        mvc.perform(post("/approvals/approve-selected").with(boss).with(csrf()))
                .andExpect(flash().attribute("flashError", "请先勾选要批准的函件或消息。"));
        mvc.perform(post("/approvals/approve-selected").with(boss).with(csrf()).param("ids", String.valueOf(task(selected)), String.valueOf(task(letter))))
                .andExpect(redirectedUrl("/approvals"))
                .andExpect(flash().attribute("flash", allOf(containsString("已批准 2 条：1 条已放入发件箱，1 份函件已出具，0 条没有发出"),
                        containsString("邮件渠道尚未配置"))));
        assertThat(queued(selected)).isEqualTo(1);
        assertThat(Api.json(Api.call(mvc, get("/api/customers/" + letter + "/documents"), "ap-boss", null)).get(0).get("kind").asString())
                .isEqualTo("DEMAND_LETTER");

        // approve all that is left
        String left = text(get("/approvals").with(boss));
        assertThat(left).contains("data-task=\"" + task(all1) + "\"", "data-task=\"" + task(all2) + "\"", "全部批准（2 条）")
                .doesNotContain("data-task=\"" + task(sms) + "\"", "data-task=\"" + task(rejected) + "\"");
        mvc.perform(post("/approvals/approve-all").with(boss).with(csrf()))
                .andExpect(flash().attribute("flash", containsString("已批准 2 条：2 条已放入发件箱")));
        assertThat(queued(all1) + queued(all2)).isEqualTo(2);
        assertThat(text(get("/approvals").with(boss))).contains("id=\"approvals-empty\"");
        // a decided step's page shows it without the buttons
        assertThat(text(get("/approvals/" + task(sms)).with(boss))).contains("id=\"approval-done\"").doesNotContain("id=\"approve-form\"");

        // none of the approved automatic messages became a collector's task
        assertThat(Api.json(Api.call(mvc, get("/api/worklist").param("owner", "ap-col"), "ap-col", null)).get("total").asInt()).isEqualTo(1);
    }
}
