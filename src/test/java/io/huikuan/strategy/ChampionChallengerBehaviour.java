package io.huikuan.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Champion / challenger (issue 17, item 5) on H2 and PostgreSQL: a segment of 24 customers runs a challenger on half of
 * them; the daily run gives each customer its arm's strategy and records the arm once; the arms stay the same on the next
 * run; 30 days on, the comparison counts cures and money per arm (every challenger customer paid, no champion one) with
 * its intervals; promoting the challenger makes it the segment's strategy; bad input is named.
 */
@SpringBootTest(properties = "huikuan.outbox.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class ChampionChallengerBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;

    String run;
    String segment;
    String champion;
    String challenger;
    List<String> customers = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "boss", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        Api.user(users, "col1", Role.COLLECTOR);
        run = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String grade = "X" + run;
        champion = "S_A" + run;
        challenger = "S_B" + run;
        segment = "G_" + grade;
        clock.set(LocalDate.parse("2025-05-20"), LocalTime.of(9, 0));
        for (String[] s : new String[][] {{champion, "PHONE"}, {challenger, "EMAIL"}}) {
            call(post("/api/strategies"), "boss", """
                    {"code":"%s","nameZh":"试验","nameEn":"Trial","steps":[{"dayOffset":7,"channel":"%s","tone":"FIRM","ownerRole":"COLLECTOR"}]}"""
                    .formatted(s[0], s[1])).andExpect(status().isCreated());
        }
        call(put("/api/segments/" + segment), "boss", """
                {"nameZh":"试验分群","nameEn":"Trial segment","position":1,"grades":"%s","strategyCode":"%s"}""".formatted(grade, champion))
                .andExpect(status().isOk());
        customers.clear();
        for (int i = 0; i < 24; i++) {
            String code = "CC" + run + "-" + i;
            call(post("/api/customers"), "admin", """
                    {"code":"%s","name":"试验客户 %s","owner":"col1","grade":"%s"}""".formatted(code, code, grade)).andExpect(status().isCreated());
            call(post("/api/invoices"), "finance", """
                    {"invoiceNo":"%s-1","customerCode":"%s","issueDate":"2025-04-25","dueDate":"2025-05-25","amount":1000.00}"""
                    .formatted(code, code)).andExpect(status().isCreated());
            customers.add(code);
        }
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    void runOn(String day) throws Exception {
        clock.set(LocalDate.parse(day), LocalTime.of(9, 0));
        call(post("/api/collection-runs").param("asOf", day), "boss", null).andExpect(status().isOk());
    }

    /** customer code → arm recorded */
    Map<String, String> arms() {
        Map<String, String> arms = new HashMap<>();
        jdbc.sql("""
                SELECT c.code, a.arm FROM segment_experiment_arm a JOIN customer c ON c.id = a.customer_id
                JOIN segment_experiment e ON e.id = a.experiment_id WHERE e.segment_code = ?""").param(segment)
                .query((rs, n) -> arms.put(rs.getString(1), rs.getString(2))).list();
        return arms;
    }

    /** customer code → strategy of its step task */
    Map<String, String> taskStrategies() {
        Map<String, String> by = new HashMap<>();
        jdbc.sql("""
                SELECT c.code, s.code FROM collection_task t JOIN customer c ON c.id = t.customer_id
                JOIN strategy_version v ON v.id = t.strategy_version_id JOIN strategy s ON s.id = v.strategy_id
                WHERE t.kind = 'STEP' AND t.segment_code = ?""").param(segment).query((rs, n) -> by.put(rs.getString(1), rs.getString(2))).list();
        return by;
    }

    @Test
    void eachCustomerRunsItsArmsStrategyTheArmsAreRecordedOnceAndTheComparisonCountsCuresPerArm() throws Exception {
        clock.set(LocalDate.parse("2025-05-31"), LocalTime.of(9, 0));
        JsonNode started = Api.json(call(put("/api/segments/" + segment + "/experiment"), "boss", """
                {"challengerStrategy":"%s","challengerPercent":50}""".formatted(challenger)).andExpect(status().isCreated()));
        long id = started.get("id").asLong();
        assertThat(started.get("championStrategy").asString()).isEqualTo(champion);

        runOn("2025-06-01");
        Map<String, String> arms = arms();
        assertThat(arms).hasSize(24);
        assertThat(arms.values()).contains(Experiment.CHAMPION, Experiment.CHALLENGER);
        Map<String, String> strategies = taskStrategies();
        for (String c : customers) {
            assertThat(strategies.get(c)).as(c + " runs its arm's strategy").isEqualTo(Experiment.CHALLENGER.equals(arms.get(c)) ? challenger : champion);
        }
        runOn("2025-06-02");
        assertThat(arms()).as("recorded once, the same arms").isEqualTo(arms);
        assertThat(jdbc.sql("SELECT count(*) FROM segment_experiment_arm WHERE experiment_id = ?").param(id).query(Long.class).single()).isEqualTo(24);

        // every challenger customer pays in full within the 30 days, no champion customer does
        clock.set(LocalDate.parse("2025-06-20"), LocalTime.of(9, 0));
        long challengers = arms.values().stream().filter(Experiment.CHALLENGER::equals).count();
        for (String c : customers) {
            if (Experiment.CHALLENGER.equals(arms.get(c))) {
                call(post("/api/payments"), "finance", """
                        {"paymentRef":"%s-P","customerCode":"%s","paymentDate":"2025-06-15","amount":1000.00,"method":"BANK_TRANSFER",
                         "allocations":[{"invoiceNo":"%s-1","amount":1000.00}]}""".formatted(c, c, c)).andExpect(status().isCreated());
            }
        }
        JsonNode early = Api.json(call(get("/api/experiments/" + id + "/comparison?asOf=2025-06-20"), "boss", null).andExpect(status().isOk()));
        assertThat(early.get("challenger").get("judged").asLong()).as("not 30 days yet").isZero();
        assertThat(early.get("lead").isNull()).isTrue();

        clock.set(LocalDate.parse("2025-07-05"), LocalTime.of(9, 0));
        JsonNode cmp = Api.json(call(get("/api/experiments/" + id + "/comparison?asOf=2025-07-05"), "boss", null).andExpect(status().isOk()));
        JsonNode a = cmp.get("champion");
        JsonNode b = cmp.get("challenger");
        assertThat(b.get("customers").asLong()).isEqualTo(challengers);
        assertThat(a.get("customers").asLong()).isEqualTo(24 - challengers);
        assertThat(b.get("overdueAtStart").asLong()).isEqualTo(challengers);
        assertThat(b.get("cured").asLong()).isEqualTo(challengers);
        assertThat(b.get("cureRate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(a.get("cured").asLong()).isZero();
        assertThat(b.get("meanCollected").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(a.get("meanCollected").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(b.get("cureLow").decimalValue()).as("Wilson interval below 100 with a dozen customers").isLessThan(new java.math.BigDecimal("100"));
        assertThat(cmp.get("lead").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(cmp.get("decided").asBoolean()).isTrue();

        String page = call(get("/segments/" + segment + "/experiment"), "boss", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-arm=\"CHALLENGER\"", "100.0%", "差异显著");

        // the manager promotes the challenger: it becomes the segment's strategy and every customer runs it
        JsonNode ended = Api.json(call(post("/api/segments/" + segment + "/experiment/end"), "boss", "{\"winner\":\"CHALLENGER\"}")
                .andExpect(status().isOk()));
        assertThat(ended.get("winner").asString()).isEqualTo("CHALLENGER");
        assertThat(ended.get("endedOn").asString()).isEqualTo("2025-07-05");
        assertThat(Api.json(call(get("/api/segments/" + segment), "boss", null)).get("strategyCode").asString()).isEqualTo(challenger);
        call(post("/api/segments/" + segment + "/experiment/end"), "boss", "{\"winner\":\"CHAMPION\"}").andExpect(status().isNotFound());
    }

    @Test
    void twoVersionsOfTheSegmentsStrategyRunSideBySideAndKeepingTheChampionRestoresItsSteps() throws Exception {
        clock.set(LocalDate.parse("2025-05-31"), LocalTime.of(9, 0));
        call(put("/api/strategies/" + champion + "/steps"), "boss", """
                {"steps":[{"dayOffset":7,"channel":"SMS","tone":"FIRM","ownerRole":"COLLECTOR"}],"note":"v2: an SMS instead of the call"}""")
                .andExpect(status().isOk());
        JsonNode started = Api.json(call(put("/api/segments/" + segment + "/experiment"), "boss", """
                {"challengerStrategy":"%s","championVersion":1,"challengerPercent":50}""".formatted(champion)).andExpect(status().isCreated()));
        assertThat(started.get("championVersion").asInt()).isEqualTo(1);
        assertThat(started.get("challengerVersion").asInt()).isEqualTo(2);

        runOn("2025-06-01");
        Map<String, String> arms = arms();
        Map<String, Integer> versions = new HashMap<>();
        jdbc.sql("""
                SELECT c.code, v.version FROM collection_task t JOIN customer c ON c.id = t.customer_id
                JOIN strategy_version v ON v.id = t.strategy_version_id WHERE t.kind = 'STEP' AND t.segment_code = ?""").param(segment)
                .query((rs, n) -> versions.put(rs.getString(1), rs.getInt(2))).list();
        for (String c : customers) {
            assertThat(versions.get(c)).as(c).isEqualTo(Experiment.CHALLENGER.equals(arms.get(c)) ? 2 : 1);
        }

        call(post("/api/segments/" + segment + "/experiment/end"), "boss", "{\"winner\":\"CHAMPION\"}").andExpect(status().isOk());
        JsonNode strategy = Api.json(call(get("/api/strategies/" + champion), "boss", null));
        assertThat(strategy.get("currentVersion").asInt()).as("v1's steps saved again as the current version").isEqualTo(3);
        assertThat(strategy.get("version").get("steps").get(0).get("channel").asString()).isEqualTo("PHONE");
    }

    @Test
    void badInputIsNamedOneExperimentAtATimeAndOnlyManagers() throws Exception {
        call(put("/api/segments/" + segment + "/experiment"), "boss", """
                {"challengerStrategy":"%s","challengerPercent":60}""".formatted(challenger)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("challengerPercent"));
        call(put("/api/segments/" + segment + "/experiment"), "boss", """
                {"challengerStrategy":"%s","challengerPercent":20}""".formatted(champion)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("challengerVersion"));
        call(put("/api/segments/" + segment + "/experiment"), "boss", """
                {"challengerStrategy":"%s","challengerVersion":7,"challengerPercent":20}""".formatted(challenger)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("challengerVersion"));
        call(put("/api/segments/" + segment + "/experiment"), "boss", """
                {"challengerStrategy":"NOPE","challengerPercent":20}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("challengerStrategy"));
        call(put("/api/segments/NOPE_" + run + "/experiment"), "boss", """
                {"challengerStrategy":"%s","challengerPercent":20}""".formatted(challenger)).andExpect(status().isNotFound());
        call(put("/api/segments/" + segment + "/experiment"), "col1", """
                {"challengerStrategy":"%s","challengerPercent":20}""".formatted(challenger)).andExpect(status().isForbidden());
        call(post("/api/segments/" + segment + "/experiment/end"), "boss", "{\"winner\":\"CHAMPION\"}").andExpect(status().isNotFound());

        call(put("/api/segments/" + segment + "/experiment"), "boss", """
                {"challengerStrategy":"%s","challengerPercent":20}""".formatted(challenger)).andExpect(status().isCreated());
        call(put("/api/segments/" + segment + "/experiment"), "boss", """
                {"challengerStrategy":"%s","challengerPercent":30}""".formatted(challenger)).andExpect(status().isConflict());
        call(post("/api/segments/" + segment + "/experiment/end"), "boss", "{\"winner\":\"BOTH\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("winner"));
        JsonNode kept = Api.json(call(post("/api/segments/" + segment + "/experiment/end"), "boss", "{\"winner\":\"CHAMPION\"}").andExpect(status().isOk()));
        assertThat(kept.get("winner").asString()).isEqualTo("CHAMPION");
        assertThat(Api.json(call(get("/api/segments/" + segment), "boss", null)).get("strategyCode").asString()).isEqualTo(champion);
        assertThat(Api.json(call(get("/api/segments/" + segment + "/experiments"), "boss", null))).hasSize(1);
    }
}
