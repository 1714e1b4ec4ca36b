package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
import io.huikuan.ledger.Payment;
import io.huikuan.ledger.PaymentMethod;
import io.huikuan.ledger.PaymentService;
import io.huikuan.ledger.PaymentService.PaymentRequest;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12, item 10: the dashboard's collection work against a constructed portfolio (not demo data), a collector's
 * own figures and a manager's, and the overview's aging card on the dashboard's default buckets. Today is 2026-06-30
 * (a Tuesday: the week began on Monday 2026-06-29), 10:00 Asia/Shanghai.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomeWorkIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    JdbcClient jdbc;

    String collector;
    String other;
    String mine;
    String theirs;

    /**
     * The collector: 2 tasks done today, 1 on Monday, 1 last Sunday (not this week); the other collector: 1 done today.
     * The collector's customer: an open promise of 500.00 (100.00 paid) due 2026-07-03 (within 7 days), another due
     * 2026-07-20 (not), a promise of 300.00 broken on 2026-06-10 and one broken on 2026-05-31 (last month), a failed
     * message, a payment of 250.00 on 2026-06-15, a target of 1,000.00 for June.
     */
    @BeforeEach
    void portfolio() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        collector = "hw-c-" + token;
        other = "hw-o-" + token;
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, other, Role.COLLECTOR);
        Api.user(users, "hw-manager", Role.MANAGER);
        mine = "HW-M-" + token;
        theirs = "HW-T-" + token;
        customers.create(new Customer(mine, "工作面板甲 " + token, null, null, null, null, collector, null, null, "C", List.of()), "test");
        customers.create(new Customer(theirs, "工作面板乙 " + token, null, null, null, null, other, null, null, "C", List.of()), "test");
        invoices.create(new Invoice(mine + "-1", mine, null, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1), new BigDecimal("2000.00"),
                null, null, null, null), null);
        invoices.create(new Invoice(mine + "-2", mine, null, LocalDate.of(2026, 6, 20), LocalDate.of(2026, 7, 20), new BigDecimal("400.00"),
                null, null, null, null), null);
        payments.post(new PaymentRequest(mine + "-P", mine, LocalDate.of(2026, 6, 15), new BigDecimal("250.00"), null,
                PaymentMethod.BANK_TRANSFER, null, List.of(new Payment.Allocation(mine + "-1", new BigDecimal("250.00"))), false), null);
        long m = id(mine);
        long t = id(theirs);
        done(m, "A1", collector, LocalDateTime.of(2026, 6, 30, 9, 0));
        done(m, "A2", collector, LocalDateTime.of(2026, 6, 30, 0, 5));
        done(m, "A3", collector, LocalDateTime.of(2026, 6, 29, 16, 0));
        done(m, "A4", collector, LocalDateTime.of(2026, 6, 28, 23, 59));
        done(t, "B1", other, LocalDateTime.of(2026, 6, 30, 8, 0));
        promise(m, "500.00", "100.00", LocalDate.of(2026, 7, 3), "OPEN", null);
        promise(m, "800.00", "0.00", LocalDate.of(2026, 7, 20), "OPEN", null);
        promise(m, "300.00", "0.00", LocalDate.of(2026, 6, 5), "BROKEN", LocalDate.of(2026, 6, 10));
        promise(m, "90.00", "0.00", LocalDate.of(2026, 5, 25), "BROKEN", LocalDate.of(2026, 5, 31));
        jdbc.sql("""
                INSERT INTO outbox_message (idempotency_key, channel, customer_id, recipient, subject, body_text, status, attempts,
                                            next_attempt_at, last_error, permanent, created_by, created_at)
                VALUES (?, 'EMAIL', ?, 'ap@example.com', 'x', 'x', 'FAILED', 3, ?, 'refused', TRUE, 'system', ?)""")
                .params("hw-" + token, m, ts(LocalDateTime.of(2026, 6, 29, 9, 0)), ts(LocalDateTime.of(2026, 6, 29, 9, 0))).update();
        jdbc.sql("INSERT INTO collection_target (month_key, scope, scope_key, amount, set_by, set_at) VALUES ('2026-06', 'USER', ?, 1000.00, 'x', ?)")
                .params(collector, ts(LocalDateTime.of(2026, 6, 1, 9, 0))).update();
    }

    @Test
    void aCollectorSeesTheirOwnWork() throws Exception {
        String html = page("/dashboard", "zh-CN", asCollector());
        assertThat(text(html, "work-done-today")).isEqualTo("2");
        assertThat(text(html, "work-done-week")).isEqualTo("3");
        assertThat(text(html, "work-promises-due")).isEqualTo("1");
        assertThat(text(html, "work-promises-due-amount")).isEqualTo("400.00");
        assertThat(text(html, "work-promises-broken")).isEqualTo("1");
        assertThat(text(html, "work-promises-broken-amount")).isEqualTo("300.00");
        assertThat(text(html, "work-outbox-problems")).isEqualTo("1");
        assertThat(text(html, "work-collected")).isEqualTo("250.00");
        assertThat(text(html, "work-target")).isEqualTo("1,000.00");
        assertThat(text(html, "work-achieved")).isEqualTo("25.00%");
        assertThat(html).contains("我的催收工作", "截至 2026-06-30；本周自 2026-06-29 起", "data-user=\"" + collector + "\"")
                .doesNotContain("data-user=\"" + other + "\"")
                .doesNotContain("id=\"work-approvals\"");
        assertThat(page("/dashboard", "en", asCollector())).contains("My collection work", "Promises due within 7 days", "Tasks done this week");
    }

    @Test
    void aManagerSeesEveryCollectorAndTheApprovalsWaiting() throws Exception {
        UserRequestPostProcessor manager = user("hw-manager").roles(Role.MANAGER.name());
        long before = Long.parseLong(text(page("/dashboard", "zh-CN", manager), "work-approvals"));
        jdbc.sql("""
                INSERT INTO collection_task (customer_id, task_key, kind, step_offset, channel, owner_role, template, template_approval, due_date,
                                             overdue_amount, days_overdue, risk_factor, priority, reason, status, created_at)
                VALUES (?, 'S:1900-01-01:30', 'STEP', 30, 'EMAIL', 'COLLECTOR', 'demand_letter', TRUE, ?, 100, 30, 1, 10, 'r', 'OPEN', ?)""")
                .params(id(mine), LocalDate.of(2026, 6, 30), ts(LocalDateTime.of(2026, 6, 30, 8, 0))).update();
        String html = page("/dashboard", "zh-CN", manager);
        assertThat(Long.parseLong(text(html, "work-approvals"))).isEqualTo(before + 1);
        assertThat(html).contains("催收工作", "待审批消息");
        assertThat(row(html, collector)).contains(">2<", ">3<");
        assertThat(row(html, other)).contains(">1<");
    }

    @Test
    void everyRoleGetsItsHomeInBothLanguages() throws Exception {
        for (Role role : List.of(Role.FINANCE, Role.LEGAL, Role.ADMIN, Role.MANAGER)) {
            String name = "hw-" + role.name().toLowerCase(java.util.Locale.ROOT);
            Api.user(users, name, role);
            for (String lang : List.of("zh-CN", "en")) {
                String html = page("/dashboard", lang, user(name).roles(role.name()));
                assertThat(html).as(role + " " + lang).contains("id=\"dash-work\"", "id=\"work-done-week\"", "id=\"work-collected\"")
                        .doesNotContain("??").doesNotContain("${");
                assertThat(html.contains("id=\"work-approvals\"")).as(role + " sees the approvals").isEqualTo(role == Role.ADMIN || role == Role.MANAGER);
            }
        }
    }

    @Test
    void theOverviewAndTheDashboardUseTheSameDefaultBuckets() throws Exception {
        String dashboard = page("/dashboard", "zh-CN", asCollector());
        String overview = page("/overview/aging", "zh-CN", asCollector());
        assertThat(page("/", "zh-CN", asCollector())).contains("hx-get=\"/overview/aging\"");
        List<String> dashLabels = all(dashboard, "<tr [^>]*id=\"dash-bucket-\\d+\"[^>]*>\\s*<td><a [^>]*>([^<]+)</a>");
        List<String> overviewLabels = all(overview, "<tr id=\"overview-bucket-\\d+\"[^>]*>\\s*<td><a [^>]*>([^<]+)</a>");
        assertThat(dashLabels).hasSize(7).isEqualTo(overviewLabels);
        assertThat(overviewLabels).contains("未到期", "逾期 1–30 天", "逾期 365 天以上");
        for (int b = 0; b < 7; b++) {
            assertThat(attr(overview, "overview-bucket-" + b, "data-value")).isEqualTo(attr(dashboard, "dash-bucket-" + b, "data-value"));
        }
        assertThat(attr(overview, "overview-bucket-0", "data-value")).isEqualTo("400.00");
        assertThat(attr(overview, "overview-bucket-2", "data-value")).isEqualTo("1750.00");
    }

    private void done(long customerId, String key, String by, LocalDateTime at) {
        jdbc.sql("""
                INSERT INTO collection_task (customer_id, task_key, kind, channel, owner_role, assignee, due_date, overdue_amount, days_overdue,
                                             risk_factor, priority, reason, status, completed_by, completed_at, outcome, created_at)
                VALUES (?, ?, 'FOLLOW_UP', 'PHONE', 'COLLECTOR', ?, ?, 100, 10, 1, 10, 'r', 'DONE', ?, ?, 'REACHED', ?)""")
                .params(customerId, "F:" + key, by, at.toLocalDate(), by, ts(at), ts(at)).update();
    }

    private void promise(long customerId, String amount, String paid, LocalDate due, String status, LocalDate settled) {
        jdbc.sql("""
                INSERT INTO promise (customer_id, amount, made_on, promised_date, status, paid_amount, settled_on, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'x', ?)""")
                .params(customerId, new BigDecimal(amount), due.minusDays(10), due, status, new BigDecimal(paid), settled,
                        ts(due.minusDays(10).atTime(9, 0))).update();
    }

    private long id(String code) {
        return jdbc.sql("SELECT id FROM customer WHERE code = ?").param(code).query(Long.class).single();
    }

    private static Timestamp ts(LocalDateTime at) {
        return Timestamp.from(at.atZone(ZONE).toInstant());
    }

    private UserRequestPostProcessor asCollector() {
        return user(collector).roles(Role.COLLECTOR.name());
    }

    private String page(String path, String lang, UserRequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static String text(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        int start = html.indexOf('>', at) + 1;
        return html.substring(start, html.indexOf('<', start)).strip();
    }

    private static String attr(String html, String id, String name) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isGreaterThanOrEqualTo(0);
        String tag = html.substring(html.lastIndexOf('<', at), html.indexOf('>', at));
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(tag);
        assertThat(m.find()).as(id + " " + name).isTrue();
        return m.group(1);
    }

    private static String row(String html, String user) {
        int at = html.indexOf("data-user=\"" + user + "\"");
        assertThat(at).as(user).isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    private static List<String> all(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }
}
