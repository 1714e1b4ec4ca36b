package io.huikuan.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * Activities through the API: an outcome completes a task, follow-ups and appointments schedule tasks, a
 * promise is recorded from an activity, the conduct rules refuse (hours, daily and weekly caps, gap) and a
 * manager overrides them with a reason; collectors stay in their portfolio; contacts' personality types.
 * Today is 2026-06-30 10:00 in Asia/Shanghai (a Tuesday). H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ActivityBehaviour {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;

    WorklistFixture data;
    String c1;
    String c2;
    String x1;
    String x2;
    long contact;
    long task;

    @BeforeEach
    void setUp() throws Exception {
        data = new WorklistFixture(mvc, jdbc);
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "manager", Role.MANAGER);
        String token = UUID.randomUUID().toString().substring(0, 8);
        c1 = "ac1-" + token;
        c2 = "ac2-" + token;
        Api.user(users, c1, Role.COLLECTOR);
        Api.user(users, c2, Role.COLLECTOR);
        x1 = "AX1-" + token;
        x2 = "AX2-" + token;
        data.customer(x1, c1);
        data.customer(x2, c2);
        contact = data.contact(x1, "王会计");
        task = data.step(x1, 7, Channel.PHONE, c1, TODAY, "40.00");
    }

    ResultActions log(String user, String json) throws Exception {
        return Api.call(mvc, post("/api/activities"), user, json);
    }

    /** A phone call with the contact at a time (+08:00) on a date, outcome REACHED; extra JSON fields appended. */
    ResultActions call(String user, String dateTime, String extra) throws Exception {
        return log(user, """
                {"customerCode":"%s","contactId":%d,"channel":"PHONE","occurredAt":"%s:00+08:00","outcome":"REACHED"%s}"""
                .formatted(x1, contact, dateTime, extra == null ? "" : "," + extra));
    }

    @Test
    void anActivityWithAnOutcomeCompletesTheTaskAndSchedulesTheFollowUp() throws Exception {
        log(c1, """
                {"customerCode":"%s","taskId":%d,"channel":"PHONE"}""".formatted(x1, task))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outcome"));
        long other = data.step(x2, 7, Channel.PHONE, c2, TODAY, "40.00");
        call(c1, "2026-06-30T09:00", "\"taskId\":" + other).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("taskId"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(x2)));

        JsonNode a = Api.json(call(c1, "2026-06-30T09:00", """
                "taskId":%d,"excuse":"NEXT_MONTH","notes":"财务说月底付","nextFollowUp":"2026-07-03\"""".formatted(task))
                .andExpect(status().isCreated()));
        assertThat(a.get("taskCompleted").asBoolean()).isTrue();
        assertThat(a.get("outcome").asString()).isEqualTo("REACHED");
        assertThat(a.get("recordedBy").asString()).isEqualTo(c1);
        assertThat(a.get("followUpTaskId").isNull()).isFalse();
        var row = jdbc.sql("SELECT status, outcome, completed_by, activity_id FROM collection_task WHERE id = ?").param(task).query().singleRow();
        assertThat(row.get("status")).isEqualTo("DONE");
        assertThat(row.get("outcome")).isEqualTo("REACHED");
        assertThat(row.get("completed_by")).isEqualTo(c1);
        assertThat(((Number) row.get("activity_id")).longValue()).isEqualTo(a.get("id").asLong());

        JsonNode later = Api.json(Api.call(mvc, get("/api/worklist?date=2026-07-03"), c1, null).andExpect(status().isOk()));
        assertThat(later.get("total").asLong()).isEqualTo(1);
        JsonNode f = later.get("items").get(0);
        assertThat(f.get("taskId").asLong()).isEqualTo(a.get("followUpTaskId").asLong());
        assertThat(f.get("step").asString()).isEqualTo("FOLLOW_UP");
        assertThat(f.get("assignee").asString()).isEqualTo(c1);
        assertThat(f.get("taskKey").asString()).isEqualTo("F:" + a.get("id").asLong());
        assertThat(f.get("reason").asString()).contains("follow-up × 1.5");

        call(c1, "2026-06-30T08:00", "\"taskId\":" + task).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("taskId"));
        JsonNode list = Api.json(Api.call(mvc, get("/api/activities?customer=" + x1), c1, null).andExpect(status().isOk()));
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("notes").asString()).isEqualTo("财务说月底付");
        assertThat(list.get(0).get("contactName").asString()).isEqualTo("王会计");
    }

    @Test
    void anAppointmentSchedulesAVisitWithTheAppointmentBoostWithinContactHours() throws Exception {
        call(c1, "2026-06-30T09:00", "\"appointmentAt\":\"2026-07-02T22:00:00+08:00\"").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("appointmentAt"))
                .andExpect(jsonPath("$.errors[0].code").value("conduct.hours"));
        JsonNode a = Api.json(call(c1, "2026-06-30T09:00", "\"appointmentAt\":\"2026-07-02T14:00:00+08:00\"").andExpect(status().isCreated()));
        JsonNode f = Api.json(Api.call(mvc, get("/api/worklist/" + a.get("followUpTaskId").asLong()), c1, null).andExpect(status().isOk()));
        assertThat(f.get("channel").asString()).isEqualTo("VISIT");
        assertThat(f.get("dueDate").asString()).isEqualTo("2026-07-02");
        assertThat(f.get("appointment").asBoolean()).isTrue();
        assertThat(f.get("reason").asString()).contains("appointment × 3");
    }

    @Test
    void aPromiseIsRecordedFromAnActivity() throws Exception {
        call(c1, "2026-06-30T09:00", "\"promiseDate\":\"2026-07-10\"")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("promiseDate"));
        log(c1, """
                {"customerCode":"%s","channel":"PHONE","occurredAt":"2026-06-30T09:00:00+08:00","outcome":"PROMISE","promiseDate":"2026-07-10"}"""
                .formatted(x1)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("promiseAmount"));
        log(c1, """
                {"customerCode":"%s","channel":"PHONE","occurredAt":"2026-06-30T09:00:00+08:00","outcome":"PROMISE","promiseAmount":5000,
                 "promiseDate":"2026-06-29"}""".formatted(x1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("promiseDate"));
        JsonNode a = Api.json(log(c1, """
                {"customerCode":"%s","contactId":%d,"taskId":%d,"channel":"PHONE","occurredAt":"2026-06-30T09:00:00+08:00",
                 "outcome":"PROMISE","excuse":"NO_MONEY","promiseAmount":5000.00,"promiseDate":"2026-07-10"}""".formatted(x1, contact, task))
                .andExpect(status().isCreated()));
        assertThat(a.get("promiseId").isNull()).isFalse();
        assertThat(a.get("promiseAmount").decimalValue()).isEqualByComparingTo("5000");
        assertThat(a.get("promiseDate").asString()).isEqualTo("2026-07-10");
        var p = jdbc.sql("SELECT amount, promised_date, activity_id, status FROM promise WHERE id = ?").param(a.get("promiseId").asLong())
                .query().singleRow();
        assertThat(((Number) p.get("activity_id")).longValue()).isEqualTo(a.get("id").asLong());
        assertThat(p.get("status")).isEqualTo("OPEN");
    }

    @Test
    void theConductRulesRefuseContactsOutsideHoursTooOftenOrTooCloseAndAManagerMayOverride() throws Exception {
        // 2026-06-29 is a Monday
        call(c1, "2026-06-29T07:30", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("occurredAt")).andExpect(jsonPath("$.errors[0].code").value("conduct.hours"));
        call(c1, "2026-06-29T21:00", null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("conduct.hours"));
        log(c1, """
                {"customerCode":"%s","contactId":%d,"channel":"EMAIL","occurredAt":"2026-06-29T07:30:00+08:00","outcome":"OTHER"}"""
                .formatted(x1, contact)).andExpect(status().isCreated());
        call(c1, "2026-06-29T09:00", null).andExpect(status().isCreated());
        call(c1, "2026-06-29T09:30", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contactId")).andExpect(jsonPath("$.errors[0].code").value("conduct.gap"));
        call(c1, "2026-06-29T10:00", null).andExpect(status().isCreated());
        call(c1, "2026-06-29T11:00", null).andExpect(status().isCreated());
        call(c1, "2026-06-29T12:30", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("conduct.daily-cap"));
        // a collector may not override; a manager must give a reason, and the activity records it
        call(c1, "2026-06-29T12:30", "\"overrideReason\":\"客户要求回电\"").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("overrideReason"))
                .andExpect(jsonPath("$.errors[0].code").value("conduct.override"));
        call("manager", "2026-06-29T12:30", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("conduct.daily-cap"));
        JsonNode o = Api.json(call("manager", "2026-06-29T12:30", "\"overrideReason\":\"客户要求当天回电\"").andExpect(status().isCreated()));
        assertThat(o.get("overriddenRule").asString()).isEqualTo("daily-cap");
        assertThat(o.get("overrideReason").asString()).isEqualTo("客户要求当天回电");
        var stored = jdbc.sql("SELECT overridden_rule, override_reason FROM activity WHERE id = ?").param(o.get("id").asLong()).query().singleRow();
        assertThat(stored.get("overridden_rule")).isEqualTo("daily-cap");
        assertThat(stored.get("override_reason")).isEqualTo("客户要求当天回电");

        // the week before (Monday 06-22 to Sunday 06-28): three a day Monday to Wednesday, one Thursday, then the weekly cap
        for (String day : new String[] {"22", "23", "24"}) {
            for (String hour : new String[] {"09", "11", "13"}) {
                call(c1, "2026-06-" + day + "T" + hour + ":00", null).andExpect(status().isCreated());
            }
        }
        call(c1, "2026-06-25T09:00", null).andExpect(status().isCreated());
        call(c1, "2026-06-25T11:00", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("conduct.weekly-cap"));
    }

    @Test
    void aTaskOfSomeoneElseOrOfAManagersQueueIsNotTheCollectors() throws Exception {
        long managerCall = data.task(x1, "S:1900-01-01:30", TaskKind.STEP, 30, Channel.MANAGER_CALL, "MANAGER", null, TODAY, "12000.00",
                "60.00", null);
        call(c1, "2026-06-30T09:00", "\"taskId\":" + managerCall).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("taskId"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("MANAGER queue")));
        call("manager", "2026-06-30T09:00", "\"taskId\":" + managerCall).andExpect(status().isCreated())
                .andExpect(jsonPath("$.taskCompleted").value(true));
    }

    @Test
    void collectorsStayInTheirPortfolio() throws Exception {
        call(c2, "2026-06-30T09:00", null).andExpect(status().isNotFound());
        Api.call(mvc, get("/api/activities?customer=" + x1), c2, null).andExpect(status().isNotFound());
        Api.call(mvc, get("/api/worklist/" + task), c2, null).andExpect(status().isNotFound());
        assertThat(Api.json(Api.call(mvc, get("/api/worklist"), c2, null)).get("total").asLong()).isZero();
    }

    @Test
    void aCollectorSetsAContactsPersonalityType() throws Exception {
        String path = "/api/customers/" + x1 + "/contacts/" + contact + "/personality";
        Api.call(mvc, put(path), c1, """
                {"personalityType":"BOSSY"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("personalityType"));
        Api.call(mvc, put(path), c2, """
                {"personalityType":"DECISIVE"}""").andExpect(status().isNotFound());
        Api.call(mvc, put(path), c1, """
                {"personalityType":"DECISIVE"}""").andExpect(status().isOk()).andExpect(jsonPath("$.personalityType").value("DECISIVE"));
        Api.call(mvc, get("/api/customers/" + x1), c1, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.contacts[0].personalityType").value("DECISIVE"));
        // a contact update leaves it as it is; null clears it
        Api.call(mvc, put("/api/customers/" + x1 + "/contacts/" + contact), c1, """
                {"name":"王会计","role":"FINANCE","title":"主管会计"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.personalityType").value("DECISIVE"));
        Api.call(mvc, put(path), c1, """
                {"personalityType":null}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.personalityType").value(org.hamcrest.Matchers.nullValue()));
    }
}
