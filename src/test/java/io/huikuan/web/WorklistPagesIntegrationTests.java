package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.customer.Contact;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.customer.PersonalityType;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.worklist.Priority;
import io.huikuan.worklist.ScriptLibrary;
import io.huikuan.worklist.TaskKind;
import io.huikuan.worklist.Channel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
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
 * The worklist pages: today's tasks with the reason in the user's language, the log-activity form (errors
 * next to the fields, conduct rules named, redirect after saving), snooze, managers' reassignment, script
 * suggestions by excuse and personality, and the customer page's collection panel and personality type.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorklistPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ScriptLibrary library;

    String c1;
    String c2;
    String x1;
    long contact;
    long t1;
    long t2;
    RequestPostProcessor collector;
    RequestPostProcessor other;
    RequestPostProcessor manager = user("wp-manager").roles(Role.MANAGER.name());

    @BeforeEach
    void setUp() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        c1 = "wp1-" + token;
        c2 = "wp2-" + token;
        x1 = "WP-" + token;
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "x",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            Api.user(users, c1, Role.COLLECTOR);
            Api.user(users, c2, Role.COLLECTOR);
            Api.user(users, "wp-manager", Role.MANAGER);
            customers.create(new Customer(x1, "页面客户 " + token, null, null, null, null, c1, null, null, "C",
                    List.of(new Contact(null, "李出纳", Contact.ContactRole.FINANCE, null, "0571-1234 5678", null, null, null))), null);
            contact = customers.contacts(customers.findRef(x1).orElseThrow().id()).getFirst().id();
        } finally {
            SecurityContextHolder.clearContext();
        }
        t1 = task("S:1900-01-01:7", TaskKind.STEP, 7, Channel.PHONE, "60.00");
        t2 = task("P:7", TaskKind.PROMISE_BROKEN, null, Channel.PHONE, "40.00");
        collector = user(c1).roles(Role.COLLECTOR.name());
        other = user(c2).roles(Role.COLLECTOR.name());
    }

    long task(String key, TaskKind kind, Integer offset, Channel channel, String priority) {
        long customerId = customers.findRef(x1).orElseThrow().id();
        BigDecimal amount = new BigDecimal("12000.00");
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO collection_task (customer_id, task_key, kind, step_offset, channel, owner_role, assignee, due_date, overdue_amount,
                                             days_overdue, risk_factor, priority, reason, status, created_at)
                VALUES (?,?,?,?,?,'COLLECTOR',?,?,?,45,1.30,?,?,'OPEN',?)""")
                .params(customerId, key, kind.name(), offset, channel.name(), c1, LocalDate.of(2026, 6, 30), amount, new BigDecimal(priority),
                        Priority.reason(amount, new BigDecimal("1.30"), 45, kind, channel, false), OffsetDateTime.now(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private String html(MockHttpServletRequestBuilder req) throws Exception {
        return mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theWorklistShowsTodaysTasksWithTheReasonInTheUsersLanguage() throws Exception {
        String zh = html(get("/worklist").with(collector));
        assertThat(zh).contains("id=\"nav-worklist\"", "页面客户", "第 +7 天 · 电话", "逾期 12,000.00 × 风险 1.30 × 账龄 2.50（45 天）",
                "；承诺未兑现 × 2.5", "/worklist/tasks/" + t1 + "/form").doesNotContain("??").doesNotContain("id=\"reassign\"");
        assertThat(zh.indexOf("data-task=\"" + t1 + "\"")).isLessThan(zh.indexOf("data-task=\"" + t2 + "\""));
        String en = html(get("/worklist").param("lang", "en").with(collector));
        assertThat(en).contains("day +7 · Phone", "overdue 12,000.00 × risk 1.30 × age 2.50 (45 days)", "; broken promise × 2.5")
                .doesNotContain("??");
        // the segment filter offers the segments by name in the user's language, not a box for a code
        assertThat(zh).contains("<option value=\"HIGH_RISK\">高风险</option>");
        assertThat(en).contains("<option value=\"HIGH_RISK\">High risk</option>");
        assertThat(html(get("/worklist").param("kind", "FOLLOW_UP").with(collector))).doesNotContain("data-task=\"" + t1 + "\"");
        assertThat(html(get("/worklist").with(other))).doesNotContain("页面客户");
        assertThat(zh).contains("hx-get=\"/worklist/progress\"");
        assertThat(html(get("/worklist/progress").with(collector))).contains("id=\"target-progress\"");
        assertThat(html(get("/worklist").param("customer", x1).with(manager))).contains("id=\"reassign\"", "data-task=\"" + t1 + "\"");
    }

    @Test
    void aTaskIsCompletedFromItsFormWithErrorsShownInTheUsersLanguage() throws Exception {
        String form = html(get("/worklist/tasks/" + t1 + "/form").param("back", "/worklist?kind=STEP").with(collector));
        assertThat(form).contains("action=\"/worklist/tasks/" + t1 + "/activity\"", "李出纳", "name=\"outcome\"", "hx-get=\"/worklist/scripts\"")
                .doesNotContain("name=\"overrideReason\"");
        String missing = html(post("/worklist/tasks/" + t1 + "/activity").with(collector).with(csrf()).param("channel", "PHONE")
                .param("back", "/worklist?kind=STEP"));
        assertThat(missing).contains("field-error", "必填");
        String late = html(post("/worklist/tasks/" + t1 + "/activity").with(collector).with(csrf()).param("channel", "PHONE")
                .param("contactId", String.valueOf(contact)).param("outcome", "REACHED").param("occurredAt", "2026-06-30T07:00"));
        assertThat(late).contains("07:00 不在可联系时段 08:00–21:00 内");
        mvc.perform(post("/worklist/tasks/" + t1 + "/activity").with(collector).with(csrf()).param("channel", "PHONE")
                        .param("contactId", String.valueOf(contact)).param("outcome", "REACHED").param("excuse", "NEXT_MONTH")
                        .param("occurredAt", "2026-06-30T09:10").param("nextFollowUp", "2026-07-02").param("back", "/worklist?kind=STEP"))
                .andExpect(redirectedUrl("/worklist?kind=STEP"));
        assertThat(jdbc.sql("SELECT status FROM collection_task WHERE id = ?").param(t1).query(String.class).single()).isEqualTo("DONE");
        assertThat(html(get("/worklist/tasks/" + t1).with(collector))).contains("已完成", "下个月再付");
    }

    @Test
    void snoozeAndReassign() throws Exception {
        String refused = html(post("/worklist/tasks/" + t2 + "/snooze").with(collector).with(csrf()).param("until", "2026-07-03"));
        assertThat(refused).contains("field-error", "必填");
        mvc.perform(post("/worklist/tasks/" + t2 + "/snooze").with(collector).with(csrf()).param("until", "2026-07-03").param("reason", "财务休假"))
                .andExpect(redirectedUrl("/worklist"));
        assertThat(html(get("/worklist").with(collector))).doesNotContain("data-task=\"" + t2 + "\"");
        mvc.perform(post("/worklist/reassign").with(collector).with(csrf()).param("taskIds", String.valueOf(t1)).param("assignee", c2))
                .andExpect(status().isForbidden());
        mvc.perform(post("/worklist/reassign").with(manager).with(csrf()).param("taskIds", String.valueOf(t1)).param("assignee", c2)
                .param("back", "/worklist?customer=" + x1)).andExpect(redirectedUrl("/worklist?customer=" + x1));
        assertThat(html(get("/worklist").with(other))).contains("data-task=\"" + t1 + "\"");
    }

    @Test
    void theCustomerPageHasTheCollectionPanelAndThePersonalityType() throws Exception {
        assertThat(html(get("/customers/" + x1).with(collector))).contains("hx-get=\"/customers/" + x1 + "/collection\"",
                "name=\"personalityType\"", "果断型");
        mvc.perform(post("/customers/" + x1 + "/contacts/" + contact + "/personality").with(collector).with(csrf())
                .param("personalityType", "ANALYTICAL")).andExpect(redirectedUrl("/customers/" + x1 + "#contacts"));
        long id = customers.findRef(x1).orElseThrow().id();
        assertThat(customers.contacts(id).getFirst().personalityType()).isEqualTo(PersonalityType.ANALYTICAL);

        String panel = html(get("/customers/" + x1 + "/collection").with(collector));
        assertThat(panel).contains("id=\"next-step\"", "第 +7 天 · 电话", "action=\"/customers/" + x1 + "/activities\"", "李出纳 · 严谨型");
        var suggested = library.suggest(io.huikuan.worklist.Excuse.STATEMENT_DIFFERS, PersonalityType.ANALYTICAL, null, 3);
        String scripts = html(get("/worklist/scripts").param("customerCode", x1).param("contactId", String.valueOf(contact))
                .param("excuse", "STATEMENT_DIFFERS").with(collector));
        assertThat(scripts).contains(suggested.getFirst().code(), "对账不一致", "严谨型");

        String refused = html(post("/customers/" + x1 + "/activities").with(collector).with(csrf()).param("channel", "PHONE")
                .param("outcome", "PROMISE").param("occurredAt", "2026-06-30T09:00"));
        assertThat(refused).contains("field-error", "id=\"collection\"");
        mvc.perform(post("/customers/" + x1 + "/activities").with(collector).with(csrf()).param("channel", "VISIT").param("outcome", "REACHED")
                .param("occurredAt", "2026-06-30T09:00").param("notes", "上门对账")).andExpect(redirectedUrl("/customers/" + x1 + "#collection"));
        assertThat(html(get("/customers/" + x1 + "/collection").with(collector))).contains("上门对账");
        mvc.perform(get("/customers/" + x1 + "/collection").with(other)).andExpect(status().isNotFound());
    }
}
