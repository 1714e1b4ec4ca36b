package io.huikuan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.huikuan.BadValues.Call;
import io.huikuan.BadValues.Case;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input answers 400 naming the field, and writes nothing, at every write API and the main query
 * parameters. Each endpoint is described once by a request that would be accepted; the table below
 * takes every value of it in turn and replaces it with what a careless client or an attacker sends:
 * a NUL byte, 100,000 characters, a date in the year 999,999,999 or -999,999,999 (and just outside
 * 1900-01-01..2999-12-31), a huge or negative number, an enum constant that does not exist, and a
 * body that is not JSON. Run on H2 and on PostgreSQL (which refuses a NUL byte in text where H2
 * stores it, and dates beyond the year 5,874,897 where H2 does not).
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class BadInputBehaviour {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Tables that change whenever anyone signs in, whatever the request does. */
    private static final Set<String> NOISY_TABLES = Set.of("shedlock", "event_publication", "event_publication_archive", "spring_session",
            "spring_session_attributes", "login_attempt", "login_failure", "security_event");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;


    @BeforeEach
    void data() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "collector1", Role.COLLECTOR);
        if (jdbc.sql("SELECT COUNT(*) FROM customer WHERE code = 'BAD-1'").query(Long.class).single() > 0) {
            return;
        }
        ok(HttpMethod.POST, "/api/customers", """
                {"code":"BAD-1","name":"苏州恒达精密机械有限公司","owner":"collector1","region":"华东","creditLimit":500000,"creditDays":60,"grade":"B"}""");
        ok(HttpMethod.POST, "/api/customers/BAD-1/contacts", """
                {"name":"王芳","role":"FINANCE","title":"财务经理","phone":"13800000000","email":"wang@example.com","preferredChannel":"PHONE"}""");
        ok(HttpMethod.POST, "/api/contracts", """
                {"contractNo":"BAD-K1","customerCode":"BAD-1","signedDate":"2026-01-05","amount":100000,"paymentTerms":"月结60天","paymentDays":60}""");
        ok(HttpMethod.POST, "/api/invoices", """
                {"invoiceNo":"BAD-I1","customerCode":"BAD-1","issueDate":"2026-03-01","dueDate":"2026-04-30","amount":1000.00}""");
        ok(HttpMethod.POST, "/api/invoices", """
                {"invoiceNo":"BAD-I2","customerCode":"BAD-1","issueDate":"2026-05-01","dueDate":"2026-05-31","amount":500.00}""");
        ok(HttpMethod.POST, "/api/invoices/BAD-I1/disputes", """
                {"openedOn":"2026-06-01","reason":"数量不符"}""");
        ok(HttpMethod.POST, "/api/payments", """
                {"paymentRef":"BAD-P1","customerCode":"BAD-1","paymentDate":"2026-06-01","amount":100.00,"autoAllocate":false}""");
    }

    private long contactId() {
        return jdbc.sql("SELECT MIN(id) FROM contact WHERE customer_id = (SELECT id FROM customer WHERE code = 'BAD-1')").query(Long.class).single();
    }

    /** Every write API (imports excepted: files have their own tests) and the main query parameters. */
    List<Call> calls() {
        long contact = contactId();
        HttpMethod post = HttpMethod.POST;
        HttpMethod put = HttpMethod.PUT;
        HttpMethod get = HttpMethod.GET;
        return List.of(
                Call.json(post, "/api/customers", """
                        {"code":"BAD-2","name":"深圳华信电子有限公司","creditCode":null,"region":"华南","businessUnit":"电子","industry":"制造",
                         "owner":"collector1","creditLimit":100000,"creditDays":30,"grade":"C"}""", "creditLimit", "creditDays"),
                Call.json(put, "/api/customers/BAD-1", """
                        {"code":"BAD-1","name":"苏州恒达精密机械有限公司","region":"华东","businessUnit":"机械","industry":"制造",
                         "owner":"collector1","creditLimit":500000,"creditDays":60,"grade":"B"}""", "creditLimit", "creditDays").roomy("code"),
                Call.json(post, "/api/customers/BAD-1/contacts", """
                        {"name":"李雷","role":"PURCHASING","title":"采购","phone":"13900000000","email":"li@example.com","wechat":"lilei",
                         "preferredChannel":"EMAIL"}"""),
                Call.json(put, "/api/customers/BAD-1/contacts/" + contact, """
                        {"name":"王芳","role":"FINANCE","title":"财务经理","phone":"13800000000","email":"wang@example.com","wechat":"wf",
                         "preferredChannel":"PHONE"}"""),
                Call.json(put, "/api/customers/BAD-1/contacts/" + contact + "/personality", """
                        {"personalityType":"DECISIVE"}"""),
                Call.json(put, "/api/customers/BAD-1/flags", """
                        {"flags":["DISPUTER"],"reason":"多次提出异议"}"""),
                Call.json(post, "/api/users", """
                        {"username":"bad-user","password":"a-long-passphrase-2026","displayName":"测试用户","roles":["COLLECTOR"]}"""),
                Call.json(put, "/api/users/collector1/team", """
                        {"team":"华东一组"}"""),
                Call.json(put, "/api/users/collector1/profile", """
                        {"displayName":"李四","team":"华东一组","signatoryName":"李四","signatoryTitle":"催收主管"}"""),
                Call.json(post, "/api/tokens", """
                        {"name":"erp-sync"}"""),
                Call.json(put, "/api/targets", """
                        {"month":"2026-07","scope":"USER","key":"collector1","amount":100000}""", "amount"),
                Call.json(put, "/api/plans", """
                        {"customerCode":"BAD-1","month":"2026-07","expectedAmount":500,"channel":"visit","owner":"collector1","notes":"月初拜访"}""",
                        "expectedAmount"),
                Call.json(post, "/api/scripts", """
                        {"code":"BAD-S1","stage":"REMINDER","excuse":"NO_MONEY","personality":"DECISIVE","tone":"GENTLE","method":"DIRECT",
                         "titleZh":"标题","titleEn":"Title","textZh":"正文","textEn":"Text","whenZh":"何时","whenEn":"When"}"""),
                Call.json(post, "/api/worklist/reassign", """
                        {"taskIds":[1],"assignee":"collector1"}"""),
                Call.json(post, "/api/worklist/1/snooze", """
                        {"until":"2026-07-03","reason":"客户出差"}""").roomy("reason"),
                // issue 12, item 12: snoozing several tasks and statements for several customers at once
                Call.json(post, "/api/worklist/snooze", """
                        {"taskIds":[1],"until":"2026-07-03","reason":"客户出差"}""").roomy("reason"),
                Call.json(post, "/api/statements", """
                        {"customerCodes":["BAD-1"],"from":"2026-01-01","to":"2026-06-30"}"""),
                Call.json(post, "/api/activities", """
                        {"customerCode":"BAD-1","contactId":%d,"channel":"PHONE","occurredAt":"2026-06-30T09:00:00+08:00","outcome":"PROMISE",
                         "notes":"答应月底付款","promiseAmount":300,"promiseDate":"2026-07-10"}""".formatted(contact), "promiseAmount").roomy("customerCode"),
                Call.json(post, "/api/promises", """
                        {"customerCode":"BAD-1","contactId":%d,"channel":"PHONE","amount":200,"promisedDate":"2026-07-15","madeOn":"2026-06-30",
                         "notes":"电话承诺"}""".formatted(contact), "amount"),
                Call.json(post, "/api/payments", """
                        {"paymentRef":"BAD-P2","customerCode":"BAD-1","paymentDate":"2026-06-15","amount":50.00,"currency":"CNY",
                         "method":"BANK_TRANSFER","note":"六月回款","autoAllocate":true}""", "amount"),
                Call.json(post, "/api/payments/BAD-P1/allocations", """
                        [{"invoiceNo":"BAD-I1","amount":10.00}]""", "amount"),
                Call.json(post, "/api/invoices", """
                        {"invoiceNo":"BAD-I3","customerCode":"BAD-1","contractNo":"BAD-K1","issueDate":"2026-06-01","dueDate":"2026-07-31",
                         "amount":800.00,"currency":"CNY","taxInvoiceNo":"T-123","taxInvoiceDate":"2026-06-02","businessUnit":"机械"}""", "amount"),
                Call.json(put, "/api/invoices/BAD-I2", """
                        {"invoiceNo":"BAD-I2","customerCode":"BAD-1","issueDate":"2026-05-01","dueDate":"2026-06-15","amount":500.00,
                         "currency":"CNY","taxInvoiceNo":"T-9","taxInvoiceDate":"2026-05-02","businessUnit":"机械"}""", "amount").roomy("invoiceNo"),
                Call.json(put, "/api/invoices/BAD-I2/classification", """
                        {"cause":"CUSTOMER_FINANCES","nature":"SHORT_TERM","reason":"资金紧张"}"""),
                Call.json(post, "/api/invoices/BAD-I2/credit-notes", """
                        {"creditNoteNo":"BAD-CN1","noteDate":"2026-06-10","amount":20.00,"reason":"质量折让"}""", "amount"),
                Call.json(post, "/api/invoices/BAD-I2/write-offs", """
                        {"writeOffDate":"2026-06-20","amount":5.00,"reason":"尾差核销"}""", "amount"),
                Call.json(post, "/api/invoices/BAD-I2/disputes", """
                        {"openedOn":"2026-06-20","reason":"数量不符"}"""),
                Call.json(post, "/api/invoices/BAD-I1/disputes/resolve", """
                        {"resolvedOn":"2026-06-25","resolution":"已核对"}"""),
                Call.json(post, "/api/contracts", """
                        {"contractNo":"BAD-K2","customerCode":"BAD-1","signedDate":"2026-02-01","amount":50000,"paymentTerms":"月结30天",
                         "paymentDays":30,"lateClause":"NONE"}""", "amount", "paymentDays"),
                Call.json(post, "/api/aging/bucket-sets", """
                        {"name":"季度","buckets":[90,180]}"""),
                Call.json(put, "/api/segments/STANDARD", """
                        {"nameZh":"标准","nameEn":"Standard","position":5,"grades":"A,B,C","minOverdueAmount":0,"minDaysOverdue":1,
                         "strategyCode":"STANDARD","active":true}""", "minOverdueAmount", "minDaysOverdue"),
                Call.json(put, "/api/open-orders/SO-BAD-1", """
                        {"customerCode":"BAD-1","amount":"100.00","status":"OPEN"}"""),
                Call.json(post, "/api/strategies", """
                        {"code":"BAD_ST","nameZh":"测试","nameEn":"Test","note":"初版",
                         "steps":[{"dayOffset":1,"channel":"PHONE","tone":"GENTLE","ownerRole":"COLLECTOR","minAmount":100}]}""", "minAmount"),
                Call.json(put, "/api/strategies/STANDARD/steps", """
                        {"note":"先打电话","steps":[{"dayOffset":1,"channel":"PHONE","tone":"FIRM","ownerRole":"COLLECTOR"}]}"""),
                Call.json(put, "/api/company-profile", """
                        {"name":"上海汇通工业品有限公司","address":"上海市浦东新区张江路 88 号","phone":"021-5555 8888","email":"ar@huitong.example",
                         "bankName":"招商银行","bankAccount":"1219 0888","taxId":"91310115MA1H000000","signatoryName":"周明",
                         "signatoryTitle":"财务总监","payByDays":10}""", "payByDays"),
                Call.json(post, "/api/customers/BAD-1/messages", """
                        {"template":"reminder","channel":"EMAIL","tone":"GENTLE","locale":"zh-CN","to":"wang@example.com","idempotencyKey":"k-1"}"""),
                Call.json(put, "/api/templates/reminder/EMAIL/zh-CN/GENTLE", """
                        {"subject":"付款提醒","body":"{{customer.name}}：您好","note":"改写"}""").roomy("body"),
                Call.json(post, "/api/templates/preview", """
                        {"channel":"EMAIL","locale":"zh-CN","subject":"付款提醒","body":"您好","customerCode":"BAD-1"}""").free("channel")
                        .roomy("channel", "locale", "subject", "body", "customerCode"),
                Call.query(post, "/api/promises/evaluate", Map.of("asOf", "2026-06-30")),
                Call.query(post, "/api/collection-runs", Map.of("asOf", "2026-06-30")),
                Call.query(post, "/api/step-messages/dispatch", Map.of("asOf", "2026-06-30")),
                Call.json(post, "/api/step-messages/999999999/approve", """
                        {"subject":"付款提醒","text":"请于本周内安排付款"}"""),
                Call.json(post, "/api/step-messages/999999999/reject", """
                        {"reason":"客户已来电，本周付款"}"""),
                Call.query(post, "/api/customers/BAD-1/statements", Map.of("from", "2026-01-01", "to", "2026-06-30", "locale", "zh-CN")),
                Call.query(post, "/api/month-ends", Map.of("month", "2026-05")),
                Call.query(get, "/api/aging", Map.of("asOf", "2026-06-30")),
                Call.query(get, "/api/aging/invoices", Map.of("asOf", "2026-06-30", "page", "0", "size", "20")),
                Call.query(get, "/api/customers", Map.of("q", "恒达", "page", "0", "size", "20")),
                Call.query(get, "/api/invoices", Map.of("q", "BAD", "page", "0", "size", "20")),
                Call.query(get, "/api/payments", Map.of("q", "BAD", "from", "2026-01-01", "to", "2026-06-30")),
                Call.query(get, "/api/measures", Map.of("asOf", "2026-06-30")),
                Call.query(get, "/api/provisions", Map.of("asOf", "2026-06-30")),
                // issue 14: the limitation clock
                Call.json(post, "/api/limitation-events", """
                        {"customerCode":"BAD-1","invoiceNos":["BAD-I1"],"date":"2026-06-20","kind":"ACKNOWLEDGED","evidence":"签回对账函"}"""),
                Call.query(get, "/api/limitation", Map.of("asOf", "2026-06-30", "customer", "BAD-1", "status", "EXPIRING", "page", "0", "size", "20"))
                        .roomy("customer"));
    }

    @TestFactory
    Stream<DynamicTest> everyBadValueAnswers400NamingTheFieldAndWritesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Call call : calls()) {
            for (Case c : BadValues.cases(call)) {
                tests.add(DynamicTest.dynamicTest(call + " " + c.field() + " = " + c.what(), () -> refused(c)));
            }
        }
        return tests.stream();
    }

    /** Pages: a form error or the 400 page, never a 500, and nothing written. */
    @TestFactory
    Stream<DynamicTest> pagesShowAFormErrorOrThe400PageNever500() {
        Map<String, MockHttpServletRequestBuilder> pages = new LinkedHashMap<>();
        pages.put("aging as of -999999999-01-01", get("/aging").param("asOf", "-999999999-01-01"));
        pages.put("aging as of +999999999-12-31", get("/aging").param("asOf", "+999999999-12-31"));
        pages.put("aging export as of -999999999-01-01", get("/aging/export.xlsx").param("asOf", "-999999999-01-01"));
        pages.put("customer search with a NUL byte", get("/customers").param("q", "恒\u0000达"));
        pages.put("new invoice issued in the year 999,999,999", post("/invoices").param("invoiceNo", "BAD-PI").param("customerCode", "BAD-1")
                .param("issueDate", "+999999999-01-01").param("dueDate", "+999999999-02-01").param("amount", "100"));
        pages.put("new customer whose name holds a NUL byte", post("/customers").param("code", "BAD-PC").param("name", "恒\u0000达")
                .param("owner", "collector1"));
        pages.put("contract with 100,000 characters of terms", post("/customers/BAD-1/contracts").param("contractNo", "BAD-PK")
                .param("signedDate", "2026-06-01").param("amount", "100").param("paymentTerms", "长".repeat(100_000)));
        return pages.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String before = fingerprint();
            MockHttpServletResponse r = mvc.perform(e.getValue().with(SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN"))
                    .with(SecurityMockMvcRequestPostProcessors.csrf())).andReturn().getResponse();
            String html = r.getContentAsString(StandardCharsets.UTF_8);
            assertThat(r.getStatus()).as("%s answered %d: %s", e.getKey(), r.getStatus(), shorten(r.getErrorMessage() + " " + html))
                    .isIn(200, 400);
            if (r.getStatus() == 200) {
                assertThat(html).as(e.getKey()).containsAnyOf("1900-01-01", "控制字符", "最多");
            }
            assertThat(fingerprint()).as("%s wrote nothing", e.getKey()).isEqualTo(before);
        }));
    }


    private void refused(Case c) throws Exception {
        String before = fingerprint();
        MockHttpServletRequestBuilder req = request(c.call().method(), c.call().path());
        c.params().forEach(req::param);
        if (c.body() != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(c.body().getBytes(StandardCharsets.UTF_8));
        }
        MockHttpServletResponse response = mvc.perform(req.with(SecurityMockMvcRequestPostProcessors.httpBasic("admin", "admin")))
                .andReturn().getResponse();
        String answer = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("%s %s = %s answered %s", c.call(), c.field(), c.what(), shorten(answer)).isEqualTo(400);
        JsonNode json = JSON.readTree(answer);
        List<String> fields = new ArrayList<>();
        json.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields.stream().map(BadInputBehaviour::lastName).toList())
                .as("%s %s = %s: the answer names the field: %s", c.call(), c.field(), c.what(), shorten(answer))
                .contains(c.field());
        assertThat(fingerprint()).as("%s %s = %s wrote nothing", c.call(), c.field(), c.what()).isEqualTo(before);
    }

    /** {@code steps[0].channel} → {@code channel}; {@code flags[0]} → {@code flags}. */
    private static String lastName(String field) {
        String name = field.replaceAll("\\[\\d+]", "");
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String shorten(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }

    /** A digest of every row of every table (but those that change with any sign-in). */
    private String fingerprint() throws Exception {
        List<String> tables = jdbc.sql("""
                SELECT LOWER(table_name) FROM information_schema.tables
                WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA) AND table_type = 'BASE TABLE' ORDER BY 1""").query(String.class).list();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String table : tables) {
            if (NOISY_TABLES.contains(table) || table.startsWith("flyway")) {
                continue;
            }
            List<String> rows = jdbc.sql("SELECT * FROM " + table).query((rs, n) -> {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                return row.toString();
            }).list();
            digest.update((table + ":" + rows.stream().sorted().toList()).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void ok(HttpMethod method, String path, String body) throws Exception {
        MockHttpServletResponse r = Api.call(mvc, request(method, path), "admin", body).andReturn().getResponse();
        assertThat(r.getStatus()).as("%s %s: %s", method, path, r.getContentAsString(StandardCharsets.UTF_8)).isBetween(200, 299);
    }
}
