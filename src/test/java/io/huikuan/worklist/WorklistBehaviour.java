package io.huikuan.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * The worklist API: ranking (priority, then due date, id), who sees which tasks, filters, paging, bulk
 * reassignment (managers, all or nothing) and snoozing. Today is 2026-06-30. Each test has collectors and
 * customers of its own. H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class WorklistBehaviour {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;

    WorklistFixture data;
    String token;
    String c1;
    String c2;
    String x1;
    String x2;
    String y1;
    long t1;
    long t2;
    long t3;
    long t4;
    long t6;
    long t7;
    long t8;

    @BeforeEach
    void setUp() throws Exception {
        data = new WorklistFixture(mvc, jdbc);
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "manager", Role.MANAGER);
        token = UUID.randomUUID().toString().substring(0, 8);
        c1 = "wc1-" + token;
        c2 = "wc2-" + token;
        Api.user(users, c1, Role.COLLECTOR);
        Api.user(users, c2, Role.COLLECTOR);
        x1 = "WX1-" + token;
        x2 = "WX2-" + token;
        y1 = "WY1-" + token;
        data.customer(x1, c1);
        data.customer(x2, c1);
        data.customer(y1, c2);
        t1 = data.task(x1, "S:1900-01-01:7", TaskKind.STEP, 7, Channel.PHONE, "COLLECTOR", c1, TODAY.minusDays(2), "12000.00", "50.00",
                "SEG-" + token);
        t2 = data.task(x2, "P:1", TaskKind.PROMISE_BROKEN, null, Channel.PHONE, "COLLECTOR", c1, TODAY, "30000.00", "80.00", null);
        t3 = data.step(x1, 14, Channel.EMAIL, c1, TODAY.plusDays(5), "99.00");
        t4 = data.task(x1, "F:1", TaskKind.FOLLOW_UP, null, Channel.PHONE, "COLLECTOR", c1, TODAY.minusDays(1), "500.00", "50.00", null);
        long t5 = data.step(x2, 3, Channel.SMS, c1, TODAY.minusDays(3), "95.00");
        jdbc.sql("UPDATE collection_task SET status = 'DONE' WHERE id = ?").param(t5).update();
        t6 = data.step(y1, 7, Channel.PHONE, c2, TODAY, "70.00");
        t7 = data.task(x1, "S:1900-01-01:30", TaskKind.STEP, 30, Channel.MANAGER_CALL, "MANAGER", null, TODAY, "12000.00", "60.00", null);
        t8 = data.task(x1, "D:9", TaskKind.PROMISE_DUE, null, Channel.PHONE, "COLLECTOR", c1, TODAY, "12000.00", "90.00", null);
        jdbc.sql("UPDATE collection_task SET snoozed_until = ?, snooze_reason = 'on leave' WHERE id = ?").params(TODAY.plusDays(2), t8).update();
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("taskId").asLong()));
        return ids;
    }

    List<Long> worklist(String user, String query) throws Exception {
        return ids(Api.json(call(get("/api/worklist" + query), user, null).andExpect(status().isOk())));
    }

    @Test
    void aCollectorSeesTheirOpenTasksDueByTodayRankedByPriorityThenDueDate() throws Exception {
        JsonNode page = Api.json(call(get("/api/worklist"), c1, null).andExpect(status().isOk()));
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(ids(page)).containsExactly(t2, t1, t4);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("customerCode").asString()).isEqualTo(x2);
        assertThat(first.get("step").asString()).isEqualTo("PROMISE_BROKEN");
        assertThat(first.get("channel").asString()).isEqualTo("PHONE");
        assertThat(first.get("dueDate").asString()).isEqualTo("2026-06-30");
        assertThat(first.get("priority").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(first.get("reason").asString()).startsWith("overdue 30,000.00 × risk 1.00").contains("broken promise × 2.5");
        assertThat(page.get("items").get(1).get("step").asString()).isEqualTo("+7 PHONE");

        // a snoozed task comes back on its date; a future step on its due date
        assertThat(worklist(c1, "?date=2026-07-02")).containsExactly(t8, t2, t1, t4);
        assertThat(worklist(c1, "?date=2026-07-05")).containsExactly(t3, t8, t2, t1, t4);
        assertThat(worklist(c2, "")).containsExactly(t6);
    }

    @Test
    void ownersAndRoleQueues() throws Exception {
        call(get("/api/worklist?owner=" + c2), c1, null).andExpect(status().isForbidden());
        assertThat(worklist(c1, "?owner=" + c1)).containsExactly(t2, t1, t4);
        assertThat(worklist("manager", "?owner=" + c1)).containsExactly(t2, t1, t4);
        // the manager's own list: the unassigned MANAGER queue
        assertThat(worklist("manager", "?owner=manager&customer=" + token)).containsExactly(t7);
        // a manager without owner sees everyone's
        assertThat(worklist("manager", "?customer=" + token)).containsExactly(t2, t6, t7, t1, t4);
        call(get("/api/worklist?owner=nobody-" + token), "manager", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("owner"));
    }

    @Test
    void filtersAndPaging() throws Exception {
        assertThat(worklist(c1, "?channel=PHONE&kind=STEP")).containsExactly(t1);
        assertThat(worklist(c1, "?kind=FOLLOW_UP")).containsExactly(t4);
        assertThat(worklist(c1, "?customer=" + x2.toLowerCase())).containsExactly(t2);
        assertThat(ids(Api.json(call(get("/api/worklist").param("customer", "工作客户 " + x1), c1, null).andExpect(status().isOk()))))
                .containsExactly(t1, t4);
        assertThat(worklist(c1, "?segment=SEG-" + token)).containsExactly(t1);
        assertThat(worklist(c1, "?minAmount=10000")).containsExactly(t2, t1);
        JsonNode p0 = Api.json(call(get("/api/worklist?size=2"), c1, null).andExpect(status().isOk()));
        assertThat(ids(p0)).containsExactly(t2, t1);
        assertThat(p0.get("total").asLong()).isEqualTo(3);
        assertThat(worklist(c1, "?size=2&page=1")).containsExactly(t4);
        call(get("/api/worklist?kind=LATER"), c1, null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
    }

    @Test
    void managersReassignAllOrNothing() throws Exception {
        String body = """
                {"taskIds":[%d,%d],"assignee":"%s"}""";
        call(post("/api/worklist/reassign"), c1, body.formatted(t1, t4, c2)).andExpect(status().isForbidden());
        call(post("/api/worklist/reassign"), "manager", body.formatted(t1, 987654321L, c2)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("taskIds"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("987654321")));
        assertThat(worklist(c1, "")).contains(t1);
        call(post("/api/worklist/reassign"), "manager", body.formatted(t1, t4, "ghost-" + token)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assignee"));
        long done = jdbc.sql("SELECT id FROM collection_task WHERE status = 'DONE' AND customer_id = (SELECT id FROM customer WHERE code = ?)")
                .param(x2).query(Long.class).single();
        call(post("/api/worklist/reassign"), "manager", body.formatted(t1, done, c2)).andExpect(status().isConflict());
        call(post("/api/worklist/reassign"), "manager", body.formatted(t1, t4, c2)).andExpect(status().isOk())
                .andExpect(jsonPath("$.reassigned").value(2));
        assertThat(worklist(c1, "")).containsExactly(t2);
        assertThat(worklist(c2, "")).containsExactly(t6, t1, t4);
    }

    @Test
    void snoozingHidesATaskUntilItsDateAndNeedsAReason() throws Exception {
        call(post("/api/worklist/" + t1 + "/snooze"), c1, """
                {"until":"2026-07-03"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(post("/api/worklist/" + t1 + "/snooze"), c1, """
                {"until":"2026-06-30","reason":"客户出差"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("until"));
        call(post("/api/worklist/" + t1 + "/snooze"), c1, """
                {"until":"2026-07-31","reason":"客户出差"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("until"));
        call(post("/api/worklist/" + t1 + "/snooze"), c2, """
                {"until":"2026-07-03","reason":"客户出差"}""").andExpect(status().isNotFound());
        call(post("/api/worklist/" + t1 + "/snooze"), c1, """
                {"until":"2026-07-03","reason":"客户出差"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.snoozedUntil").value("2026-07-03")).andExpect(jsonPath("$.snoozeReason").value("客户出差"));
        assertThat(worklist(c1, "")).containsExactly(t2, t4);
        assertThat(worklist(c1, "?date=2026-07-02")).doesNotContain(t1);
        assertThat(worklist(c1, "?date=2026-07-03")).contains(t1);
    }
}
