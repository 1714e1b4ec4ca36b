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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Collection targets and plans through the API, today being 2026-06-30: the month's progress and forecast as a
 * worked example, the leaderboard's order, the month-end evaluation of May, team targets, validation and who may
 * see what. Each test has its own collectors, team and customers. H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class TargetBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    String token;
    String t1;
    String t2;
    String t3;
    String t4;
    String team;

    @BeforeEach
    void setUp() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "manager", Role.MANAGER);
        token = UUID.randomUUID().toString().substring(0, 8);
        t1 = "t1-" + token;
        t2 = "t2-" + token;
        t3 = "t3-" + token;
        t4 = "t4-" + token;
        team = "东区 " + token;
        for (String u : List.of(t1, t2, t3, t4)) {
            Api.user(users, u, Role.COLLECTOR);
        }
        for (String u : List.of(t1, t2)) {
            call(put("/api/users/" + u + "/team"), "admin", "{\"team\":\"" + team + "\"}").andExpect(status().isOk())
                    .andExpect(jsonPath("$.team").value(team));
        }
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    JsonNode json(ResultActions r) throws Exception {
        return Api.json(r);
    }

    String customer(String name, String owner) throws Exception {
        String code = name + "-" + token;
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"目标客户 %s","owner":"%s"}""".formatted(code, code, owner)).andExpect(status().isCreated());
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"INV-%s","customerCode":"%s","issueDate":"2026-04-01","dueDate":"2026-05-31","amount":20000}"""
                .formatted(code, code)).andExpect(status().isCreated());
        return code;
    }

    void pay(String code, String date, String amount) throws Exception {
        call(post("/api/payments"), "finance", """
                {"paymentRef":"TP-%s","customerCode":"%s","paymentDate":"%s","amount":%s,"allocations":[{"invoiceNo":"INV-%s","amount":%s}]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 12), code, date, amount, code, amount)).andExpect(status().isCreated());
    }

    void promise(String code, String owner, String amount, String madeOn, String promisedDate) throws Exception {
        call(post("/api/promises"), owner, """
                {"customerCode":"%s","amount":%s,"madeOn":"%s","promisedDate":"%s"}""".formatted(code, amount, madeOn, promisedDate))
                .andExpect(status().isCreated());
    }

    void plan(String code, String user, String month, String amount) throws Exception {
        call(put("/api/plans"), user, """
                {"customerCode":"%s","month":"%s","expectedAmount":%s,"channel":"visit"}""".formatted(code, month, amount))
                .andExpect(status().isOk());
    }

    void target(String month, String scope, String key, String amount) throws Exception {
        call(put("/api/targets"), "manager", """
                {"month":"%s","scope":"%s","key":"%s","amount":%s}""".formatted(month, scope, key, amount)).andExpect(status().isOk())
                .andExpect(jsonPath("$.setBy").value("manager"));
    }

    /**
     * June, as of 06-30 (see {@link Targets}): A collected 3,000, promised 2,000 due 06-30, plan 8,000 → 3,000 more
     * planned; B collected 1,500, promised 1,000, no plan; C plan 4,000, its May payment and July promise not counted.
     * Collected 4,500, promised 3,000, planned 7,000, forecast 14,500; target 20,000 → 22.50 % achieved, 72.50 % forecast.
     */
    @Test
    void theMonthsProgressAndForecastAsAWorkedExample() throws Exception {
        String a = customer("TA", t1);
        String b = customer("TB", t1);
        String c = customer("TC", t1);
        pay(a, "2026-06-10", "3000.00");
        plan(a, t1, "2026-06", "8000");
        promise(a, t1, "2000.00", "2026-06-20", "2026-06-30");
        pay(b, "2026-06-05", "1500.00");
        promise(b, t1, "1000.00", "2026-06-25", "2026-06-30");
        pay(c, "2026-05-20", "700.00");
        plan(c, "manager", "2026-06", "4000");
        promise(c, t1, "500.00", "2026-06-28", "2026-07-05");
        target("2026-06", "USER", t1, "20000");

        call(get("/api/targets/progress?month=2026-06"), t1, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.key").value(t1)).andExpect(jsonPath("$.scope").value("USER"))
                .andExpect(jsonPath("$.target").value(20000.00))
                .andExpect(jsonPath("$.actual").value(4500.00))
                .andExpect(jsonPath("$.promised").value(3000.00))
                .andExpect(jsonPath("$.planned").value(7000.00))
                .andExpect(jsonPath("$.forecast").value(14500.00))
                .andExpect(jsonPath("$.achievedPercent").value(22.50))
                .andExpect(jsonPath("$.forecastPercent").value(72.50))
                .andExpect(jsonPath("$.closed").value(false))
                .andExpect(jsonPath("$.met").isEmpty());
        // the plans show what each customer paid in the month
        call(get("/api/plans?month=2026-06&customer=" + a), t1, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].collected").value(3000.00))
                .andExpect(jsonPath("$.items[0].expectedAmount").value(8000.00)).andExpect(jsonPath("$.items[0].channel").value("VISIT"))
                .andExpect(jsonPath("$.items[0].owner").value(t1));
        // a changed plan replaces the old one
        plan(a, t1, "2026-06", "9000");
        call(get("/api/targets/progress?month=2026-06&user=" + t1), "manager", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.planned").value(8000.00)).andExpect(jsonPath("$.forecast").value(15500.00));
        // July: nothing collected yet, C's promise due 07-05
        call(get("/api/targets/progress?month=2026-07"), t1, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.actual").value(0)).andExpect(jsonPath("$.promised").value(500.00))
                .andExpect(jsonPath("$.target").isEmpty()).andExpect(jsonPath("$.achievedPercent").isEmpty());
        // the Java API the worklist page uses says the same
        assertThat(call(get("/api/targets/progress"), t1, null).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    /**
     * May is over: t2 collected 600 of 500 (120 %, met), t1 700 of 1,000 (70 %, not met), t3 50 without a target and
     * t4 nothing. The team (t1, t2) collected 1,300 of 2,000 (65 %, not met).
     */
    @Test
    void theLeaderboardAndTheMonthEndEvaluation() throws Exception {
        pay(customer("L1", t1), "2026-05-20", "700.00");
        pay(customer("L2", t2), "2026-05-15", "600.00");
        pay(customer("L3", t3), "2026-05-02", "50.00");
        pay(customer("L4", t2), "2026-06-02", "99.00");
        target("2026-05", "USER", t1, "1000");
        target("2026-05", "USER", t2, "500");
        target("2026-05", "TEAM", team, "2000");

        JsonNode board = json(call(get("/api/leaderboard?month=2026-05"), "manager", null).andExpect(status().isOk()));
        List<String> order = new ArrayList<>();
        board.get("items").forEach(s -> order.add(s.get("username").asString()));
        assertThat(order).containsSubsequence(t2, t1, t3, t4);
        JsonNode first = standing(board, t2);
        assertThat(first.get("achievedPercent").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(first.get("actual").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(first.get("team").asString()).isEqualTo(team);
        assertThat(first.get("rank").asInt()).isLessThan(standing(board, t1).get("rank").asInt());
        assertThat(standing(board, t3).get("achievedPercent").isNull()).isTrue();
        // ranks without a target come after every collector with one
        boolean seenNull = false;
        for (JsonNode s : board.get("items")) {
            seenNull |= s.get("achievedPercent").isNull();
            assertThat(seenNull && !s.get("achievedPercent").isNull()).as(s.toString()).isFalse();
        }

        JsonNode may = json(call(get("/api/targets/evaluation?month=2026-05"), "manager", null).andExpect(status().isOk()));
        assertThat(standing(may.get("collectors"), t2).get("met").asBoolean()).isTrue();
        assertThat(standing(may.get("collectors"), t1).get("met").asBoolean()).isFalse();
        assertThat(standing(may.get("collectors"), t1).get("achievedPercent").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(standing(may.get("collectors"), t3).get("met").isNull()).isTrue();
        JsonNode teamRow = null;
        for (JsonNode t : may.get("teams")) {
            if (team.equals(t.get("key").asString())) {
                teamRow = t;
            }
        }
        assertThat(teamRow).isNotNull();
        assertThat(teamRow.get("actual").decimalValue()).isEqualByComparingTo("1300.00");
        assertThat(teamRow.get("target").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(teamRow.get("achievedPercent").decimalValue()).isEqualByComparingTo("65.00");
        assertThat(teamRow.get("met").asBoolean()).isFalse();
        assertThat(teamRow.get("closed").asBoolean()).isTrue();
        call(get("/api/targets/progress?month=2026-05").param("team", team), "manager", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.actual").value(1300.00)).andExpect(jsonPath("$.forecast").value(1300.00));
        call(get("/api/targets/progress?month=2026-05"), t2, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.met").value(true)).andExpect(jsonPath("$.closed").value(true));

        call(get("/api/targets/evaluation?month=2026-06"), "manager", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        call(get("/api/targets?month=2026-05"), "manager", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.key == '" + t1 + "')].amount").value(1000.00));
        // a collector sees their own and their team's targets, not another's
        JsonNode mine = json(call(get("/api/targets?month=2026-05"), t1, null).andExpect(status().isOk()));
        List<String> keys = new ArrayList<>();
        mine.get("items").forEach(t -> keys.add(t.get("key").asString()));
        assertThat(keys).containsExactlyInAnyOrder(t1, team);
    }

    JsonNode standing(JsonNode list, String username) {
        JsonNode items = list.has("items") ? list.get("items") : list;
        for (JsonNode s : items) {
            if (username.equals(s.get("username").asString())) {
                return s;
            }
        }
        throw new AssertionError(username + " not in " + list);
    }

    @Test
    void badTargetsAndPlansAreNamed() throws Exception {
        String body = """
                {"month":"%s","scope":"%s","key":"%s","amount":%s}""";
        call(put("/api/targets"), "manager", body.formatted("2026-6", "USER", t1, "1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        call(put("/api/targets"), "manager", body.formatted("2026-13", "USER", t1, "1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        call(put("/api/targets"), "manager", body.formatted("2026-06", "GROUP", t1, "1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scope"));
        call(put("/api/targets"), "manager", body.formatted("2026-06", "USER", "nobody-" + token, "1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("key"));
        call(put("/api/targets"), "manager", body.formatted("2026-06", "TEAM", "no team " + token, "1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("key"));
        call(put("/api/targets"), "manager", body.formatted("2026-06", "USER", t1, "-1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        call(put("/api/targets"), "manager", body.formatted("2026-06", "USER", t1, "1.234")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        call(put("/api/targets"), t1, body.formatted("2026-06", "USER", t1, "1")).andExpect(status().isForbidden());
        call(get("/api/targets?month=June"), "manager", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));

        String own = customer("PV", t1);
        String other = customer("PW", t2);
        String plan = """
                {"customerCode":"%s","month":"%s","expectedAmount":%s%s}""";
        call(put("/api/plans"), t1, plan.formatted("NONE-" + token, "2026-06", "1", "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customerCode"));
        call(put("/api/plans"), t1, plan.formatted(own, "06/2026", "1", "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        call(put("/api/plans"), t1, plan.formatted(own, "2026-06", "-100", "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expectedAmount"));
        call(put("/api/plans"), t1, plan.formatted(own, "2026-06", "100", ",\"owner\":\"ghost-" + token + "\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("owner"));
        call(put("/api/plans"), t1, plan.formatted(own, "2026-06", "100", ",\"channel\":\"fax\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
        call(put("/api/plans"), t1, plan.formatted(other, "2026-06", "100", "")).andExpect(status().isNotFound());
        call(get("/api/plans?customer=" + other), t1, null).andExpect(status().isNotFound());
        call(put("/api/users/" + t1 + "/team"), t2, "{\"team\":\"x\"}").andExpect(status().isForbidden());
        call(put("/api/users/nobody-" + token + "/team"), "admin", "{\"team\":\"x\"}").andExpect(status().isNotFound());
    }

    @Test
    void collectorsSeeOnlyTheirOwnProgressAndNoLeaderboard() throws Exception {
        call(get("/api/targets/progress?user=" + t2), t1, null).andExpect(status().isForbidden());
        call(get("/api/targets/progress").param("team", team), t1, null).andExpect(status().isForbidden());
        call(get("/api/leaderboard"), t1, null).andExpect(status().isForbidden());
        call(get("/api/targets/progress?user=" + t2), "manager", null).andExpect(status().isOk()).andExpect(jsonPath("$.key").value(t2));
        call(get("/api/targets/progress?user=ghost-" + token), "manager", null).andExpect(status().isNotFound());
        call(get("/api/leaderboard?month=2026-06"), "finance", null).andExpect(status().isOk());
    }
}
