package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.InvoiceService;
import io.huikuan.support.Api;
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
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12, item 12 (bulk): statements for the customers selected on the list, snoozing the tasks selected on the
 * worklist, reassigning them (managers only): the flash says what happened, bad input names the field in the user's
 * language, and a refused selection changes nothing. Today is 2026-06-30.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BulkActionsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    JdbcClient jdbc;

    String collector;
    String other;
    String a;
    String b;
    String x;
    long t1;
    long t2;
    long tx;

    @BeforeEach
    void setUp() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        collector = "bk-c-" + token;
        other = "bk-o-" + token;
        Api.user(users, collector, Role.COLLECTOR);
        Api.user(users, other, Role.COLLECTOR);
        Api.user(users, "bk-manager", Role.MANAGER);
        a = "BK-A-" + token;
        b = "BK-B-" + token;
        x = "BK-X-" + token;
        for (String[] c : new String[][] {{a, collector}, {b, collector}, {x, other}}) {
            customers.create(new Customer(c[0], "批量客户 " + c[0], null, null, null, null, c[1], null, null, "C", List.of()), "test");
            invoices.create(new Invoice(c[0] + "-1", c[0], null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), new BigDecimal("1000.00"),
                    null, null, null, null), null);
        }
        t1 = task(a, collector);
        t2 = task(b, collector);
        tx = task(x, other);
    }

    @Test
    void statementsForTheSelectedCustomers() throws Exception {
        String list = html(get("/customers").param("lang", "zh-CN"), asCollector());
        assertThat(list).contains("id=\"bulk-statements\"", "data-select-all=\"customerCodes\"", "name=\"customerCodes\"", "form=\"bulk-statements\"",
                "data-confirm=\"为所选客户各出具一份对账单？\"", "action=\"/bulk/statements\"");
        mvc.perform(post("/bulk/statements").with(asCollector()).with(csrf()).param("customerCodes", a, b).param("back", "/customers?page=0")
                        .param("lang", "zh-CN"))
                .andExpect(redirectedUrl("/customers?page=0"))
                .andExpect(flash().attribute("flash", "已为 2 位客户出具对账单（2026-01-01 至 2026-06-30）。"));
        assertThat(documents(a)).isEqualTo(1);
        assertThat(documents(b)).isEqualTo(1);
        mvc.perform(post("/bulk/statements").with(asCollector()).with(csrf()).param("customerCodes", a).param("from", "2026-03-01")
                        .param("to", "2026-05-31").param("lang", "en"))
                .andExpect(redirectedUrl("/customers"))
                .andExpect(flash().attribute("flash", "Statements issued for 1 customers (2026-03-01 to 2026-05-31)."));
        assertThat(documents(a)).isEqualTo(2);
    }

    @Test
    void badStatementSelectionsNameTheFieldAndIssueNothing() throws Exception {
        mvc.perform(post("/bulk/statements").with(asCollector()).with(csrf()).param("lang", "zh-CN"))
                .andExpect(redirectedUrl("/customers")).andExpect(flash().attribute("flashError", "所选客户：请至少选择一位客户"));
        mvc.perform(post("/bulk/statements").with(asCollector()).with(csrf()).param("lang", "en"))
                .andExpect(flash().attribute("flashError", "Selected customers: Select at least one customer"));
        String error = (String) mvc.perform(post("/bulk/statements").with(asCollector()).with(csrf()).param("customerCodes", a).param("from", "2026-13-01")
                .param("lang", "zh-CN")).andReturn().getFlashMap().get("flashError");
        assertThat(error).startsWith("开始日期：").doesNotContain("from");
        error = (String) mvc.perform(post("/bulk/statements").with(asCollector()).with(csrf()).param("customerCodes", a).param("to", "2026-07-31")
                .param("lang", "zh-CN")).andReturn().getFlashMap().get("flashError");
        assertThat(error).isEqualTo("结束日期：不能晚于今天");
        // another collector's customer in the selection: named, and nothing issued for the rest either
        mvc.perform(post("/bulk/statements").with(asCollector()).with(csrf()).param("customerCodes", a, x).param("lang", "zh-CN"))
                .andExpect(flash().attribute("flashError", "所选客户：没有这些客户，或您无权查看：" + x));
        assertThat(documents(a)).isZero();
        assertThat(documents(x)).isZero();
    }

    @Test
    void snoozeTheSelectedTasks() throws Exception {
        String page = html(get("/worklist").param("lang", "zh-CN"), asCollector());
        assertThat(page).contains("data-select-all=\"taskIds\"", "id=\"bulk-snooze\"", "formaction=\"/worklist/bulk/snooze\"",
                "data-bulk-confirm=\"将所选的 {0} 项任务延后？\"").doesNotContain("id=\"reassign\"");
        mvc.perform(post("/worklist/bulk/snooze").with(asCollector()).with(csrf()).param("taskIds", String.valueOf(t1), String.valueOf(t2))
                        .param("until", "2026-07-05").param("reason", "客户财务休假").param("back", "/worklist").param("lang", "zh-CN"))
                .andExpect(redirectedUrl("/worklist")).andExpect(flash().attribute("flash", "已延后 2 项任务至 2026-07-05。"));
        assertThat(snoozedUntil(t1)).isEqualTo(LocalDate.of(2026, 7, 5));
        assertThat(snoozedUntil(t2)).isEqualTo(LocalDate.of(2026, 7, 5));
        assertThat(html(get("/worklist"), asCollector())).doesNotContain("data-task=\"" + t1 + "\"");
    }

    @Test
    void badSnoozesNameTheFieldAndChangeNothing() throws Exception {
        mvc.perform(post("/worklist/bulk/snooze").with(asCollector()).with(csrf()).param("taskIds", String.valueOf(t1)).param("until", "2026-06-29")
                        .param("reason", "r").param("lang", "zh-CN"))
                .andExpect(flash().attribute("flashError", "延后至：须在 2026-07-01 至 2026-07-30 之间"));
        mvc.perform(post("/worklist/bulk/snooze").with(asCollector()).with(csrf()).param("until", "2026-07-05").param("reason", "r")
                        .param("lang", "zh-CN"))
                .andExpect(flash().attribute("flashError", "所选任务：请至少选择一个任务"));
        mvc.perform(post("/worklist/bulk/snooze").with(asCollector()).with(csrf()).param("taskIds", String.valueOf(t1)).param("until", "2026-07-05")
                        .param("lang", "zh-CN"))
                .andExpect(flash().attribute("flashError", "原因：必填"));
        mvc.perform(post("/worklist/bulk/snooze").with(asCollector()).with(csrf()).param("taskIds", String.valueOf(t1)).param("until", "2026-07-05")
                        .param("lang", "en"))
                .andExpect(flash().attribute("flashError", "Reason: required"));
        // another collector's task in the selection: refused, and the own task is not snoozed either
        mvc.perform(post("/worklist/bulk/snooze").with(asCollector()).with(csrf()).param("taskIds", String.valueOf(t1), String.valueOf(tx))
                        .param("until", "2026-07-05").param("reason", "r").param("lang", "zh-CN"))
                .andExpect(flash().attribute("flashError", "所选任务：没有这些任务：[" + tx + "]"));
        assertThat(snoozedUntil(t1)).isNull();
        assertThat(snoozedUntil(tx)).isNull();
    }

    @Test
    void onlyManagersReassignTheSelection() throws Exception {
        mvc.perform(post("/worklist/reassign").with(asCollector()).with(csrf()).param("taskIds", String.valueOf(t1)).param("assignee", other))
                .andExpect(status().isForbidden());
        UserRequestPostProcessor manager = user("bk-manager").roles(Role.MANAGER.name());
        assertThat(html(get("/worklist").param("customer", a).param("lang", "zh-CN"), manager)).contains("id=\"reassign\"",
                "formaction=\"/worklist/reassign\"", "data-bulk-confirm=\"将所选的 {0} 项任务改派？\"");
        mvc.perform(post("/worklist/reassign").with(manager).with(csrf()).param("taskIds", String.valueOf(t1), String.valueOf(t2))
                        .param("assignee", other).param("lang", "zh-CN"))
                .andExpect(flash().attribute("flash", "已将 2 个任务改派给 " + other + "。"));
        assertThat(jdbc.sql("SELECT count(*) FROM collection_task WHERE assignee = ? AND id IN (?, ?)").params(other, t1, t2)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theSameThroughTheApi() throws Exception {
        var snoozed = Api.json(Api.call(mvc, post("/api/worklist/snooze"), collector, """
                {"taskIds":[%d,%d],"until":"2026-07-10","reason":"客户出差"}""".formatted(t1, t2)).andExpect(status().isOk()));
        assertThat(snoozed.get("snoozed").asInt()).isEqualTo(2);
        assertThat(snoozedUntil(t2)).isEqualTo(LocalDate.of(2026, 7, 10));
        var refused = Api.json(Api.call(mvc, post("/api/worklist/snooze"), collector, """
                {"taskIds":[%d],"until":"2026-07-10","reason":"r"}""".formatted(tx)).andExpect(status().isBadRequest()));
        assertThat(refused.toString()).contains("taskIds");
        var issued = Api.json(Api.call(mvc, post("/api/statements"), collector, """
                {"customerCodes":["%s","%s"],"from":"2026-06-01"}""".formatted(a, b)).andExpect(status().isOk()));
        assertThat(issued.get("issued").asInt()).isEqualTo(2);
        assertThat(issued.get("to").asString()).isEqualTo("2026-06-30");
        assertThat(documents(a)).isEqualTo(1);
        Api.call(mvc, post("/api/statements"), collector, """
                {"customerCodes":["%s"]}""".formatted(x)).andExpect(status().isBadRequest());
        Api.call(mvc, post("/api/statements"), collector, """
                {"customerCodes":[]}""").andExpect(status().isBadRequest());
        assertThat(documents(x)).isZero();
    }

    private long task(String code, String assignee) {
        long customerId = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(code).query(Long.class).single();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO collection_task (customer_id, task_key, kind, channel, owner_role, assignee, due_date, overdue_amount, days_overdue,
                                             risk_factor, priority, reason, status, created_at)
                VALUES (?, 'F:1', 'FOLLOW_UP', 'PHONE', 'COLLECTOR', ?, ?, 1000, 90, 1, 50, 'r', 'OPEN', ?)""")
                .params(customerId, assignee, LocalDate.of(2026, 6, 30), OffsetDateTime.now(ZoneOffset.UTC)).update(keys, "id");
        return keys.getKey().longValue();
    }

    private long documents(String code) {
        return jdbc.sql("SELECT count(*) FROM document d JOIN customer c ON c.id = d.customer_id WHERE c.code = ?").param(code)
                .query(Long.class).single();
    }

    private LocalDate snoozedUntil(long task) {
        return jdbc.sql("SELECT snoozed_until FROM collection_task WHERE id = ?").param(task)
                .query((rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate()).list().getFirst();
    }

    private UserRequestPostProcessor asCollector() {
        return user(collector).roles(Role.COLLECTOR.name());
    }

    private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, UserRequestPostProcessor who)
            throws Exception {
        return mvc.perform(req.with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
