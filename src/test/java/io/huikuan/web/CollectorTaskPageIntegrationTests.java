package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.customer.Contact;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.Priority;
import io.huikuan.worklist.TaskKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The collector's task page has what a call needs (issue 12, item 4): the contacts with click-to-call and mail links and
 * copy buttons, the open invoices with days overdue and totals, the promise history (kept, broken, open), and scripts
 * whose placeholders are filled for this customer, suggested for the stage: a +7 call of a customer 106 days overdue
 * is offered no final demand and no pre-due reminder. Today is 2026-06-30 in the tests.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CollectorTaskPageIntegrationTests {

    private static final Pattern SCRIPT_TEXT = Pattern.compile("<p class=\"script-text\">(.*?)</p>", Pattern.DOTALL);
    private static final Pattern SCRIPT_STAGE = Pattern.compile("class=\"script\" data-code=\"(S\\d+)\" data-stage=\"([A-Z_]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    JdbcClient jdbc;

    String token;
    String collector;
    String code;
    long plus7;
    RequestPostProcessor asCollector;

    @BeforeEach
    void setUp() throws Exception {
        token = UUID.randomUUID().toString().substring(0, 8);
        collector = "tp-" + token;
        code = "TP-" + token;
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, "tp-finance", Role.FINANCE);
        customer(code, "通话客户 " + token, List.of(
                new Contact(null, "赵总", Contact.ContactRole.DECISION_MAKER, "总经理", null, "zhao@example.cn", null, null),
                new Contact(null, "王会计", Contact.ContactRole.FINANCE, "会计", "0574-8888 6666", "wang@example.cn", null, null)));
        // 106, 7 and -20 days overdue on 2026-06-30
        invoice(code + "-1", code, "2026-02-14", "2026-03-16", "8000.00");
        invoice(code + "-2", code, "2026-05-24", "2026-06-23", "4000.00");
        invoice(code + "-3", code, "2026-06-20", "2026-07-20", "1000.00");
        plus7 = task(code, "S:2026-06-23:7", 7, "FIRM", 106, "12000.00");
        asCollector = user(collector).roles(Role.COLLECTOR.name());
    }

    @Test
    void theTaskPageShowsContactsWithCallAndMailLinksTheOpenInvoicesWithTotalsAndThePromiseHistory() throws Exception {
        long broken = promise("2026-05-02", "2026-05-10", "3000.00");
        long kept = promise("2026-05-20", "2026-05-25", "1000.00");
        long open = promise("2026-06-29", "2026-07-06", "4000.00");
        jdbc.sql("UPDATE promise SET status = 'BROKEN', settled_on = DATE '2026-05-13' WHERE id = ?").param(broken).update();
        jdbc.sql("UPDATE promise SET status = 'KEPT', paid_amount = 1000.00, settled_on = DATE '2026-05-24' WHERE id = ?").param(kept).update();

        String zh = html(get("/worklist/tasks/" + plus7).with(asCollector));
        assertThat(zh).contains("id=\"contacts\"", "王会计", "赵总", "href=\"tel:0574-88886666\"", "href=\"mailto:wang@example.cn\"",
                "href=\"mailto:zhao@example.cn\"", "data-copy=\"0574-8888 6666\"", "data-copy=\"wang@example.cn\"").doesNotContain("??");
        // the log form opens with the main contact chosen: the finance contact with a phone, whom the scripts address
        long wang = jdbc.sql("SELECT id FROM contact WHERE name = '王会计' AND customer_id = (SELECT id FROM customer WHERE code = ?)").param(code)
                .query(Long.class).single();
        assertThat(zh).contains("<option value=\"" + wang + "\" selected=\"selected\">王会计");
        // the open invoices, oldest due first, with days overdue and the totals (13,000.00 open, of which 12,000.00 overdue)
        String invoices = between(zh, "id=\"open-invoices\"", "id=\"promise-history\"");
        assertThat(invoices).contains("data-invoice=\"" + code + "-1\"", "2026-03-16", "106 天", "7 天", "未到期", "8,000.00", "4,000.00",
                "1,000.00", "合计（3 张）", "class=\"total-open\">13,000.00", "class=\"total-overdue\">12,000.00");
        assertThat(invoices.indexOf(code + "-1")).isLessThan(invoices.indexOf(code + "-2"));
        // the promise history: open, kept and broken, newest first
        String promises = between(zh, "id=\"promise-history\"", "id=\"log-activity\"");
        assertThat(promises).contains("data-promise=\"" + open + "\" data-status=\"OPEN\"", "data-promise=\"" + kept + "\" data-status=\"KEPT\"",
                "data-promise=\"" + broken + "\" data-status=\"BROKEN\"", "已违约", "已兑现", "未到期", "2026-07-06", "3,000.00");
        assertThat(promises.indexOf("data-promise=\"" + open + "\"")).isLessThan(promises.indexOf("data-promise=\"" + broken + "\""));

        String en = html(get("/worklist/tasks/" + plus7).param("lang", "en").with(asCollector));
        assertThat(en).contains("Contacts", "Open invoices", "106 days", "not due", "Total (3 invoices)", "Promises to pay", "Broken", "Copy")
                .doesNotContain("??");
    }

    @Test
    void everyPlaceholderOfTheSuggestedScriptsIsFilledForTheCustomerAndTheContact() throws Exception {
        for (String excuse : List.of("", "NO_MONEY", "NO_REPLY", "NEXT_MONTH", "BOSS_MUST_SIGN", "WAITING_FOR_CUSTOMER")) {
            for (String lang : List.of("zh-CN", "en")) {
                String scripts = html(get("/worklist/scripts").param("customerCode", code).param("taskId", String.valueOf(plus7))
                        .param("excuse", excuse).param("lang", lang).with(asCollector));
                List<String> texts = texts(scripts);
                assertThat(texts).as(excuse + " " + lang).isNotEmpty();
                assertThat(texts).as(excuse + " " + lang).allSatisfy(t -> assertThat(t).doesNotContain("{", "}"));
            }
        }
        // no contact chosen: the main contact (the finance contact with a phone); the overdue amount; the oldest due date
        String zh = html(get("/worklist/tasks/" + plus7).with(asCollector));
        String joined = String.join("\n", texts(zh));
        assertThat(joined).contains("王会计").contains("12,000.00 元").doesNotContain("{", "}");
        String en = String.join("\n", texts(html(get("/worklist/tasks/" + plus7).param("lang", "en").with(asCollector))));
        assertThat(en).contains("王会计", "CNY 12,000.00").doesNotContain("{", "}");
        // the contact chosen is the one addressed
        long zhao = jdbc.sql("SELECT id FROM contact WHERE name = '赵总' AND customer_id = (SELECT id FROM customer WHERE code = ?)").param(code)
                .query(Long.class).single();
        String forZhao = html(get("/worklist/scripts").param("customerCode", code).param("taskId", String.valueOf(plus7))
                .param("contactId", String.valueOf(zhao)).with(asCollector));
        assertThat(String.join("\n", texts(forZhao))).contains("赵总").doesNotContain("王会计");
    }

    @Test
    void suggestionsFollowTheStageNoFinalDemandOnAPlus7CallAndNoPreDueReminderForACustomer106DaysOverdue() throws Exception {
        // the +7 call (a FIRM step) of a customer 106 days overdue, no excuse chosen: escalation scripts, neither S37 nor S01
        String task = html(get("/worklist/tasks/" + plus7).with(asCollector));
        assertThat(task).contains("id=\"script-stage\" data-stage=\"ESCALATION\"");
        assertThat(stages(task)).isNotEmpty().doesNotContain("FINAL", "REMINDER");
        assertThat(codes(task)).doesNotContain("S37", "S01");
        // with no excuse heard, no script written for one ("you keep saying you wait for your customer", "the boss must sign")
        assertThat(codes(task)).doesNotContain("S25", "S26", "S29", "S30").contains("S34");
        for (String excuse : List.of("NO_MONEY", "PRICE_DISPUTE", "NOT_ACCEPTED", "NO_REPLY", "QUALITY_PROBLEM")) {
            String scripts = html(get("/worklist/scripts").param("customerCode", code).param("taskId", String.valueOf(plus7))
                    .param("excuse", excuse).with(asCollector));
            assertThat(stages(scripts)).as(excuse).isNotEmpty().doesNotContain("FINAL", "REMINDER");
        }
        // the customer page (no task chosen): the stage comes from the oldest overdue invoice, 106 days: no pre-due reminder
        String customerPage = html(get("/worklist/scripts").param("customerCode", code).with(asCollector));
        assertThat(customerPage).contains("data-stage=\"FINAL\"");
        assertThat(stages(customerPage)).isNotEmpty().doesNotContain("REMINDER", "FOLLOW_UP");
        assertThat(codes(customerPage)).doesNotContain("S01");
        assertThat(html(get("/customers/" + code + "/collection").with(asCollector))).doesNotContain("data-code=\"S01\"");

        // a customer whose only invoice is due in 3 days, on a -3 call: pre-due reminders only
        String early = "TQ-" + token;
        customer(early, "提前提醒客户 " + token, List.of(new Contact(null, "孙出纳", Contact.ContactRole.FINANCE, null, "021-5555 1234", null, null, null)));
        invoice(early + "-1", early, "2026-06-01", "2026-07-03", "5000.00");
        long minus3 = task(early, "S:2026-07-03:-3", -3, "GENTLE", 0, "0.00");
        String reminder = html(get("/worklist/tasks/" + minus3).with(asCollector));
        assertThat(stages(reminder)).isNotEmpty().containsOnly("REMINDER");
        assertThat(String.join("\n", texts(reminder))).contains("孙出纳", "5,000.00 元", "2026-07-03").doesNotContain("{", "}");
        // a final step (tone FINAL) of the 106-day customer may use the final demand
        long finalStep = task(code, "S:2026-06-23:45", 45, "FINAL", 106, "12000.00");
        assertThat(stages(html(get("/worklist/tasks/" + finalStep).with(asCollector)))).contains("FINAL").doesNotContain("REMINDER");
    }

    @Test
    void theScriptLibraryListsThePlaceholders() throws Exception {
        String page = html(get("/scripts").with(asCollector));
        assertThat(page).contains("id=\"script-placeholders\"", "{联系人} {contact}", "{金额} {amount}", "{到期日} {dueDate}", "{催款人} {collector}",
                "逾期金额");
    }

    private void customer(String customerCode, String name, List<Contact> contacts) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "x",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            customers.create(new Customer(customerCode, name, null, null, null, null, collector, null, null, "C", contacts), null);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void invoice(String no, String customerCode, String issued, String due, String amount) throws Exception {
        Api.call(mvc, post("/api/invoices"), "tp-finance", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}""".formatted(no, customerCode, issued, due, amount))
                .andExpect(status().isCreated());
    }

    private long promise(String madeOn, String promisedDate, String amount) throws Exception {
        return Api.json(Api.call(mvc, post("/api/promises"), collector, """
                {"customerCode":"%s","amount":%s,"promisedDate":"%s","madeOn":"%s","channel":"PHONE"}""".formatted(code, amount, promisedDate, madeOn))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    private long task(String customerCode, String key, int offset, String tone, int daysOverdue, String overdue) {
        long customerId = customers.findRef(customerCode).orElseThrow().id();
        BigDecimal amount = new BigDecimal(overdue);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO collection_task (customer_id, task_key, kind, step_offset, channel, tone, owner_role, assignee, due_date, overdue_amount,
                                             days_overdue, risk_factor, priority, reason, status, created_at)
                VALUES (?,?,'STEP',?,'PHONE',?,'COLLECTOR',?,?,?,?,1.00,?,?,'OPEN',?)""")
                .params(customerId, key, offset, tone, collector, LocalDate.of(2026, 6, 30), amount, daysOverdue,
                        Priority.score(amount, BigDecimal.ONE, daysOverdue, BigDecimal.ONE),
                        Priority.reason(amount, BigDecimal.ONE, daysOverdue, TaskKind.STEP, Channel.PHONE, false), OffsetDateTime.now(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private String html(MockHttpServletRequestBuilder req) throws Exception {
        return mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String between(String html, String from, String to) {
        int start = html.indexOf(from);
        int end = html.indexOf(to, start);
        assertThat(start).as(from).isNotNegative();
        assertThat(end).as(to).isGreaterThan(start);
        return html.substring(start, end);
    }

    private static List<String> texts(String html) {
        List<String> texts = new ArrayList<>();
        Matcher m = SCRIPT_TEXT.matcher(html);
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    private static List<String> stages(String html) {
        return group(html, 2);
    }

    private static List<String> codes(String html) {
        return group(html, 1);
    }

    private static List<String> group(String html, int group) {
        List<String> found = new ArrayList<>();
        Matcher m = SCRIPT_STAGE.matcher(html);
        while (m.find()) {
            found.add(m.group(group));
        }
        return found;
    }
}
