package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.correspondence.TemplateData.InvoiceRow;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.worklist.Tone;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Message and letter templates: seeds for every code the strategies use (all passing the edit-time checks), a real
 * customer's consolidated data (only overdue, open, undisputed invoices; interest to date exact; Chinese and English
 * formatting), versions (save, view, restore), every edit-time error named with its field, line and rule while nothing
 * is written, permissions, the preview with and without a customer, and HTML escaping.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class TemplateBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    Templates templates;
    @Autowired
    TemplateDataBuilder builder;
    @Autowired
    TemplateChecks checks;
    @Autowired
    CompanyProfiles profiles;
    @Autowired
    JdbcClient jdbc;

    String code;

    @BeforeEach
    void ledger() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "tplcol", Role.COLLECTOR);
        Api.user(users, "tplother", Role.COLLECTOR);
        Api.user(users, "tplmgr", Role.MANAGER);
        users.setTeam("tplcol", "TPL-TEAM");
        users.setTeam("tplmgr", "TPL-TEAM");
        code = "TPL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"常州华瑞电气有限公司","owner":"tplcol","contacts":[
                  {"name":"赵采购","role":"PURCHASING"},{"name":"王丽","role":"FINANCE","title":"财务经理"}]}""".formatted(code))
                .andExpect(status().isCreated());
        call(post("/api/contracts"), "finance", """
                {"contractNo":"K-%s","customerCode":"%s","signedDate":"2026-01-05","lateClause":"DAILY_RATE","lateRate":0.0005}"""
                .formatted(code, code)).andExpect(status().isCreated());
        invoice("E", "K-" + code, "2026-02-01", "2026-03-01", "500.00");
        invoice("A", "K-" + code, "2026-03-01", "2026-03-31", "10000.00");
        invoice("B", "K-" + code, "2026-04-10", "2026-05-10", "2500.50");
        invoice("C", "K-" + code, "2026-05-01", "2026-06-15", "1234.56");
        invoice("D", "K-" + code, "2026-06-20", "2026-07-20", "800.00");
        invoice("F", null, "2026-05-20", "2026-06-10", "1000.00");
        // oldest due first: E paid in full, 4,000.00 of A
        call(post("/api/payments"), "finance", """
                {"paymentRef":"TP-%s","customerCode":"%s","paymentDate":"2026-06-01","amount":4500.00}""".formatted(code, code))
                .andExpect(status().isCreated());
        call(post("/api/invoices/" + code + "-C/disputes"), "finance", """
                {"openedOn":"2026-06-20","reason":"质量异议"}""").andExpect(status().isCreated());
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    void invoice(String name, String contract, String issue, String due, String amount) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-%s","customerCode":"%s","contractNo":%s,"issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(code, name, code, contract == null ? "null" : "\"" + contract + "\"", issue, due, amount))
                .andExpect(status().isCreated());
    }

    static String saveJson(String subject, String body, String note) {
        return "{\"subject\":" + q(subject) + ",\"body\":" + q(body) + ",\"note\":" + q(note) + "}";
    }

    static String q(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void everyStrategyTemplateCodeAndEveryLetterIsSeededInBothLanguagesAndPassesTheChecks() {
        List<String> codes = new ArrayList<>(jdbc.sql("SELECT DISTINCT template FROM strategy_step WHERE template IS NOT NULL")
                .query(String.class).list());
        assertThat(codes).contains("reminder", "overdue_notice", "demand_letter", "lawyer_letter");
        codes.addAll(List.of("balance_confirmation", "statement_cover", "payment_reminder"));
        for (String c : codes) {
            for (String locale : Templates.LOCALES) {
                assertThat(templates.list(new Templates.Filter(c, null, locale, null))).as(c + " " + locale).isNotEmpty();
            }
        }
        assertThat(templates.find("reminder", TemplateChannel.SMS, "zh-CN", Tone.FIRM)).isPresent();
        assertThat(templates.find("overdue_notice", TemplateChannel.EMAIL, "en", Tone.GENTLE)).isPresent();
        assertThat(templates.find("demand_letter", TemplateChannel.LETTER, "zh-CN", Tone.FINAL).orElseThrow().subject()).isEqualTo("催款函");
        assertThat(templates.find("lawyer_letter", TemplateChannel.LETTER, "zh-CN", Tone.LEGAL).orElseThrow().subject()).isEqualTo("律师函");
        TemplateData sample = TemplateSamples.sample(LocalDate.of(2026, 6, 30), profiles.current());
        List<TemplateVersion> all = templates.list(null);
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        for (TemplateVersion v : all) {
            assertThat(checks.check(v.channel(), v.subject(), v.body())).as(v.code() + "/" + v.channel() + "/" + v.locale() + "/" + v.tone()).isEmpty();
            RenderedMessage m = templates.render(v.code(), v.channel(), Locale.forLanguageTag(v.locale()), v.tone(), sample);
            assertThat(m.text()).doesNotContain("{{", "}}");
        }
    }

    @Test
    void aPartlyDisputedInvoiceIsListedWithItsUndisputedRest() throws Exception {
        call(post("/api/invoices/" + code + "-F/disputes"), "finance", """
                {"openedOn":"2026-06-25","reason":"数量短少 30 件","amount":"300.00","category":"QUANTITY"}""").andExpect(status().isCreated());
        TemplateData before = builder.forCustomer(code, LocalDate.of(2026, 6, 24));
        assertThat(before.invoices().getLast().number()).isEqualTo(code + "-F");
        assertThat(before.invoices().getLast().open()).isEqualByComparingTo("1000.00");
        TemplateData d = builder.forCustomer(code, LocalDate.of(2026, 6, 30));
        // F stays in the letter for the 700.00 nobody disputes; the overdue total drops by the disputed 300.00 only
        assertThat(d.invoices()).extracting(InvoiceRow::number).containsExactly(code + "-A", code + "-B", code + "-F");
        assertThat(d.invoices().get(2).open()).isEqualByComparingTo("700.00");
        assertThat(d.totals().overdue()).isEqualByComparingTo("9200.50");
        assertThat(d.totals().open()).isEqualByComparingTo("11535.06");
    }

    @Test
    void aCustomersDataListsOnlyOverdueOpenUndisputedInvoicesWithExactInterest() {
        TemplateData d = builder.forCustomer(code, LocalDate.of(2026, 6, 30));
        // E paid, C disputed, D not yet due: A (6,000.00 open, 91 days), B (51 days), F (no contract: no interest)
        assertThat(d.invoices()).extracting(InvoiceRow::number).containsExactly(code + "-A", code + "-B", code + "-F");
        InvoiceRow a = d.invoices().get(0);
        assertThat(a.open()).isEqualByComparingTo("6000.00");
        assertThat(a.daysOverdue()).isEqualTo(91);
        assertThat(a.interest()).isEqualByComparingTo("273.00"); // 6,000.00 × 0.0005 × 91
        assertThat(d.invoices().get(1).interest()).isEqualByComparingTo("63.76"); // 2,500.50 × 0.0005 × 51 = 63.76275
        assertThat(d.invoices().get(2).interest()).isEqualByComparingTo("0.00");
        assertThat(d.totals().overdue()).isEqualByComparingTo("9500.50");
        assertThat(d.totals().interest()).isEqualByComparingTo("336.76");
        assertThat(d.totals().overdueWithInterest()).isEqualByComparingTo("9837.26");
        assertThat(d.totals().open()).isEqualByComparingTo("11535.06"); // + disputed C + not yet due D
        assertThat(d.oldestDue()).isEqualTo(LocalDate.of(2026, 3, 31));
        // not yet due, for reminders before the due date: D (C is disputed)
        assertThat(d.upcoming()).extracting(InvoiceRow::number).containsExactly(code + "-D");
        assertThat(d.totals().upcoming()).isEqualByComparingTo("800.00");
        assertThat(d.nextDue()).isEqualTo(LocalDate.of(2026, 7, 20));
        assertThat(d.daysOverdue()).isEqualTo(91);
        assertThat(d.contact().name()).isEqualTo("王丽");
        assertThat(d.collector().name()).isEqualTo("tplcol");
        assertThat(d.manager().name()).isEqualTo("tplmgr");
        assertThat(d.payBy()).isEqualTo(LocalDate.of(2026, 6, 30).plusDays(profiles.current().payByDays()));

        RenderedMessage zh = templates.render("overdue_notice", TemplateChannel.EMAIL, Locale.SIMPLIFIED_CHINESE, Tone.FIRM, d);
        assertThat(zh.subject()).contains("人民币9,500.50元");
        assertThat(zh.html()).contains("<table", code + "-A", code + "-B", code + "-F", "6,000.00", "2026年3月31日", "273.00", "336.76")
                .doesNotContain(code + "-C", code + "-D", code + "-E");
        assertThat(zh.text()).contains("王丽您好", "人民币336.76元", code + "-A 到期2026年3月31日 未付人民币6,000.00元 逾期91天")
                .doesNotContain("<", code + "-C");
        RenderedMessage reminder = templates.render("reminder", TemplateChannel.EMAIL, Locale.SIMPLIFIED_CHINESE, Tone.GENTLE, d);
        assertThat(reminder.html()).contains("即将到期，合计人民币800.00元", "<td>" + code + "-D</td>", "<td>2026年7月20日</td>",
                "已过付款期限的款项（合计人民币9,500.50元）", "<td>" + code + "-A</td>");
        assertThat(templates.render("reminder", TemplateChannel.SMS, Locale.SIMPLIFIED_CHINESE, Tone.GENTLE, d).text())
                .contains("余额人民币11,535.06元，其中即将到期人民币800.00元、已到期人民币9,500.50元");
        RenderedMessage en = templates.render("overdue_notice", TemplateChannel.EMAIL, Locale.ENGLISH, Tone.FIRM, d);
        assertThat(en.text()).contains("Dear 王丽", "CNY 9,500.50", "31 Mar 2026", "91 days overdue");
        // LEGAL is missing for overdue_notice: the nearest tone (FIRM) is used
        assertThat(templates.render("overdue_notice", TemplateChannel.SMS, Locale.ENGLISH, Tone.LEGAL, d).templateVersionId())
                .isEqualTo(templates.find("overdue_notice", TemplateChannel.SMS, "en", Tone.FIRM).orElseThrow().id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> templates.render("no_such", TemplateChannel.SMS, Locale.ENGLISH, Tone.FIRM, d))
                .isInstanceOf(io.huikuan.common.NotFoundException.class).hasMessageContaining("no_such/SMS/en/FIRM");
    }

    @Test
    void eachSaveIsANewVersionAndAnOldOneCanBeViewedAndRestored() throws Exception {
        String base = "/api/templates/vt_" + code.toLowerCase() + "/EMAIL/zh-CN/GENTLE";
        call(put(base), "tplmgr", saveJson("付款提醒 {{customer.name}}", "{{contact.name}}您好：\n第一版。", "first"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.createdBy").value("tplmgr"));
        call(put(base), "tplmgr", saveJson("付款提醒 {{customer.name}}", "{{contact.name}}您好：\n第二版，{{totals.overdue}}。", "second"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        call(get(base), "tplcol", null).andExpect(status().isOk()).andExpect(jsonPath("$.latest.version").value(2))
                .andExpect(jsonPath("$.latest.body").value("{{contact.name}}您好：\n第二版，{{totals.overdue}}。"))
                .andExpect(jsonPath("$.versions.length()").value(2)).andExpect(jsonPath("$.versions[1].note").value("first"));
        call(get(base + "/versions/1"), "tplcol", null).andExpect(status().isOk()).andExpect(jsonPath("$.body").value("{{contact.name}}您好：\n第一版。"));
        call(get(base + "/versions/9"), "tplcol", null).andExpect(status().isNotFound());

        TemplateData d = builder.forCustomer(code, LocalDate.of(2026, 6, 30));
        assertThat(templates.render("vt_" + code.toLowerCase(), TemplateChannel.EMAIL, Locale.SIMPLIFIED_CHINESE, Tone.GENTLE, d).text())
                .isEqualTo("王丽您好：\n第二版，人民币9,500.50元。");

        call(post(base + "/versions/1/restore"), "tplmgr", null).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.body").value("{{contact.name}}您好：\n第一版。")).andExpect(jsonPath("$.note").value("restored v1"));
        assertThat(templates.render("vt_" + code.toLowerCase(), TemplateChannel.EMAIL, Locale.SIMPLIFIED_CHINESE, Tone.GENTLE, d).text())
                .isEqualTo("王丽您好：\n第一版。");
        call(get("/api/templates").param("code", "vt_" + code.toLowerCase()), "tplcol", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].version").value(3));
    }

    @Test
    void editTimeErrorsNameTheFieldTheLineAndTheRuleAndNothingIsWritten() throws Exception {
        String base = "/api/templates/err_" + code.toLowerCase();
        JsonNode unknown = Api.json(call(put(base + "/EMAIL/en/FIRM"), "tplmgr",
                saveJson("Overdue", "Dear {{contact.name}},\n\nYou owe {{totlas.overdue}}.", null)).andExpect(status().isBadRequest()));
        JsonNode e = unknown.get("errors").get(0);
        assertThat(e.get("field").asString()).isEqualTo("body");
        assertThat(e.get("code").asString()).isEqualTo("template.unknown-variable");
        assertThat(e.get("message").asString()).contains("{{totlas.overdue}}", "line 3", "did you mean {{totals.overdue}}");

        assertError(put(base + "/EMAIL/en/FIRM"), saveJson("Overdue", "Dear {{contact.name},\nthanks", null), "body", "template.unclosed", "line 1");
        assertError(put(base + "/EMAIL/en/FIRM"), saveJson("Overdue", "Dear\n\nall }} paid", null), "body", "template.unopened", "line 3");
        assertError(put(base + "/EMAIL/zh-CN/FIRM"), saveJson("提醒", "再不付款就曝光你们", null), "body", "template.banned-word", "曝光你");
        assertError(put(base + "/EMAIL/en/FIRM"), saveJson("You idiot", "Dear {{contact.name}}", null), "subject", "template.banned-word", "idiot");
        assertError(put(base + "/SMS/zh-CN/FIRM"), saveJson(null, "请付款。".repeat(76), null), "body", "template.sms-too-long", "304");
        assertError(put(base + "/LETTER/zh-CN/FINAL"), saveJson(" ", "{{customer.name}}：", null), "subject", "template.subject-required", "LETTER");
        assertError(put(base + "/EMAIL/zh-CN/FINAL"), saveJson("明细 {{invoices.table}}", "正文", null), "subject", "template.table-in-subject",
                "{{invoices.table}}");
        assertError(put(base + "/LETTER/en/FINAL"), saveJson("Due {{upcoming.table}}", "text", null), "subject", "template.table-in-subject",
                "{{upcoming.table}}");
        assertError(put(base + "/EMAIL/zh-CN/FINAL"), saveJson("主题", "  \n ", null), "body", "template.body-empty", "empty");
        assertError(put(base + "/EMAIL/fr/FINAL"), saveJson("s", "b", null), "locale", "template.locale", "zh-CN or en");
        assertError(put(base + "/FAX/en/FINAL"), saveJson("s", "b", null), "channel", "template.channel", "EMAIL");
        assertError(put("/api/templates/Bad Code/EMAIL/en/FINAL"), saveJson("s", "b", null), "code", "template.code", "lower-case");

        // nothing was written
        assertThat(jdbc.sql("SELECT count(*) FROM message_template WHERE code = ?").param("err_" + code.toLowerCase()).query(Long.class).single())
                .isZero();
        call(get(base + "/EMAIL/en/FIRM"), "tplmgr", null).andExpect(status().isNotFound());

        // a failed save of an existing template leaves the version in use as it was
        TemplateVersion before = templates.find("reminder", TemplateChannel.SMS, "zh-CN", Tone.GENTLE).orElseThrow();
        call(put("/api/templates/reminder/SMS/zh-CN/GENTLE"), "tplmgr", saveJson(null, "{{foo}}", null)).andExpect(status().isBadRequest());
        assertThat(templates.find("reminder", TemplateChannel.SMS, "zh-CN", Tone.GENTLE).orElseThrow()).isEqualTo(before);
    }

    void assertError(MockHttpServletRequestBuilder req, String json, String field, String rule, String inMessage) throws Exception {
        JsonNode r = Api.json(call(req, "tplmgr", json).andExpect(status().isBadRequest()));
        boolean found = false;
        for (JsonNode e : r.get("errors")) {
            if (field.equals(e.get("field").asString()) && rule.equals(e.path("code").asString(""))) {
                assertThat(e.get("message").asString()).contains(inMessage);
                found = true;
            }
        }
        assertThat(found).as(rule + " on " + field + " in " + r).isTrue();
    }

    @Test
    void onlyManagersAndAdministratorsEditEveryoneReadsAndPreviews() throws Exception {
        call(put("/api/templates/perm_x/SMS/zh-CN/GENTLE"), "tplcol", saveJson(null, "您好", null)).andExpect(status().isForbidden());
        call(put("/api/templates/perm_x/SMS/zh-CN/GENTLE"), "finance", saveJson(null, "您好", null)).andExpect(status().isForbidden());
        call(post("/api/templates/reminder/SMS/zh-CN/GENTLE/versions/1/restore"), "tplcol", null).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM message_template WHERE code = 'perm_x'").query(Long.class).single()).isZero();
        call(get("/api/templates"), "tplcol", null).andExpect(status().isOk());
        call(get("/api/templates/variables"), "tplcol", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'totals.interest')].descriptionZh").exists());
        call(put("/api/templates/perm_x/SMS/zh-CN/GENTLE"), "admin", saveJson(null, "您好", null)).andExpect(status().isCreated());
        mvc.perform(get("/api/templates")).andExpect(status().isUnauthorized());
    }

    @Test
    void thePreviewRendersACustomerOrTheSampleAndReportsErrorsInTheUsersLanguage() throws Exception {
        String body = "{{contact.name}}您好：\n\n{{invoices.table}}\n\n合计{{totals.overdueWithInterest}}，请于{{payBy}}前付款。";
        call(post("/api/templates/preview"), "tplcol", """
                {"channel":"EMAIL","locale":"zh-CN","subject":"{{customer.name}}对账","body":%s,"customerCode":"%s"}""".formatted(q(body), code))
                .andExpect(status().isOk()).andExpect(jsonPath("$.errors.length()").value(0))
                .andExpect(jsonPath("$.subject").value("常州华瑞电气有限公司对账"))
                .andExpect(jsonPath("$.text").value(org.hamcrest.Matchers.containsString("合计人民币9,837.26元")))
                .andExpect(jsonPath("$.html").value(org.hamcrest.Matchers.containsString("<td>" + code + "-A</td>")));
        // without a customer: the sample customer
        call(post("/api/templates/preview"), "tplcol", """
                {"channel":"SMS","locale":"zh-CN","body":"{{customer.name}} {{invoices.count}}张"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.text").value("华东精密机械有限公司 3张"));
        // another collector's customer is not found
        call(post("/api/templates/preview"), "tplother", """
                {"channel":"SMS","locale":"zh-CN","body":"{{customer.name}}","customerCode":"%s"}""".formatted(code))
                .andExpect(status().isNotFound());
        // errors in the user's language, no rendering
        call(post("/api/templates/preview"), "tplcol", """
                {"channel":"SMS","locale":"zh-CN","body":"您好\\n{{custmer.name}}"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.text").doesNotExist())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].code").value("template.unknown-variable"))
                .andExpect(jsonPath("$.errors[0].message").value("未知变量 {{custmer.name}}（第 2 行），您是不是要用 {{customer.name}}？"));
        call(post("/api/templates/preview").param("lang", "en"), "tplcol", """
                {"channel":"SMS","locale":"zh-CN","body":"您好\\n{{custmer.name}}"}""")
                .andExpect(jsonPath("$.errors[0].message").value("unknown variable {{custmer.name}} on line 2; did you mean {{customer.name}}?"));
    }

    @Test
    void valuesAreHtmlEscaped() throws Exception {
        call(put("/api/customers/" + code), "admin", """
                {"name":"<b>恶意</b> & Co","owner":"tplcol"}""").andExpect(status().isOk());
        TemplateData d = builder.forCustomer(code, LocalDate.of(2026, 6, 30));
        RenderedMessage m = templates.render("payment_reminder", TemplateChannel.LETTER, Locale.SIMPLIFIED_CHINESE, Tone.GENTLE, d);
        assertThat(m.html()).contains("&lt;b&gt;恶意&lt;/b&gt; &amp; Co").doesNotContain("<b>");
        assertThat(m.text()).contains("<b>恶意</b> & Co");
        assertThat(m.html()).startsWith("<p>").contains("<table class=\"invoices\">");
        assertThat(d.totals().currency()).isEqualTo("CNY");
    }
}
