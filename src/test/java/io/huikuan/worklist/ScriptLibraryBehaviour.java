package io.huikuan.worklist;

import io.huikuan.customer.PersonalityType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The script library as shipped and through the API: at least 40 scripts covering every excuse,
 * method, tone and personality type, all passing the conduct check; filters and suggestions;
 * managers edit (versioned), others read; banned wording and bad values are named. H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ScriptLibraryBehaviour {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    ConductRules conduct;
    @Autowired
    ScriptLibrary library;

    @BeforeEach
    void users() {
        Api.user(users, "manager", Role.MANAGER);
        Api.user(users, "collector", Role.COLLECTOR);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    JsonNode json(ResultActions r) throws Exception {
        return Api.json(r);
    }

    @Test
    void theShippedLibraryCoversEveryExcuseMethodToneAndPersonalityAndPassesTheConductCheck() throws Exception {
        JsonNode all = json(call(get("/api/scripts"), "collector", null).andExpect(status().isOk()));
        assertThat(all.size()).isGreaterThanOrEqualTo(40);
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode s : all) {
            for (String field : List.of("excuse", "method", "tone", "personality", "stage")) {
                if (!s.get(field).isNull()) {
                    counts.merge(field + ":" + s.get(field).asString(), 1, Integer::sum);
                }
            }
            for (String field : List.of("titleZh", "titleEn", "textZh", "textEn", "whenZh", "whenEn")) {
                assertThat(s.get(field).asString()).as(s.get("code") + " " + field).isNotBlank();
                assertThat(conduct.bannedWordIn(s.get(field).asString())).as(s.get("code") + " " + field).isEmpty();
            }
        }
        Arrays.stream(Excuse.values()).forEach(e -> assertThat(counts.getOrDefault("excuse:" + e, 0)).as(e.name()).isGreaterThanOrEqualTo(2));
        Arrays.stream(ScriptMethod.values()).forEach(m -> assertThat(counts.getOrDefault("method:" + m, 0)).as(m.name()).isGreaterThanOrEqualTo(3));
        Arrays.stream(Tone.values()).forEach(t -> assertThat(counts.getOrDefault("tone:" + t, 0)).as(t.name()).isPositive());
        Arrays.stream(ScriptStage.values()).forEach(t -> assertThat(counts.getOrDefault("stage:" + t, 0)).as(t.name()).isPositive());
        Arrays.stream(PersonalityType.values()).forEach(p -> assertThat(counts.getOrDefault("personality:" + p, 0)).as(p.name()).isPositive());

        call(get("/api/excuses"), "collector", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(Excuse.values().length))
                .andExpect(jsonPath("$[?(@.name == 'INVOICE_NOT_RECEIVED')].labelZh").value("没收到发票"));
        call(get("/api/personality-types"), "collector", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4)).andExpect(jsonPath("$[0].helpEn").isNotEmpty());
    }

    @Test
    void filtersAndSuggestionsFitTheExcuseAndThePerson() throws Exception {
        JsonNode quality = json(call(get("/api/scripts?excuse=QUALITY_PROBLEM"), "collector", null).andExpect(status().isOk()));
        assertThat(quality.size()).isPositive();
        quality.forEach(s -> assertThat(s.get("excuse").isNull() || "QUALITY_PROBLEM".equals(s.get("excuse").asString())).isTrue());

        JsonNode suggested = json(call(get("/api/scripts/suggest?excuse=NEXT_MONTH&personality=ANALYTICAL&limit=3"), "collector", null)
                .andExpect(status().isOk()));
        assertThat(suggested.size()).isBetween(1, 3);
        assertThat(suggested.get(0).get("excuse").asString()).isEqualTo("NEXT_MONTH");

        call(get("/api/scripts?excuse=BROKE"), "collector", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("excuse"));
        call(get("/api/scripts/NOPE"), "collector", null).andExpect(status().isNotFound());
    }

    @Test
    void managersEditTheLibraryAndTheConductRulesRefuseAbusiveWording() throws Exception {
        String code = "T" + UUID.randomUUID().toString().substring(0, 6);
        String body = """
                {"code":"%s","stage":"FOLLOW_UP","excuse":"NO_MONEY","personality":"STEADY","tone":"GENTLE","method":"ADVISE",
                 "titleZh":"分期建议","titleEn":"Suggest instalments","textZh":"%s","textEn":"Could we agree on two instalments of {amount}?",
                 "whenZh":"客户确有困难时","whenEn":"When the customer is really short of cash"}""";
        call(post("/api/scripts"), "collector", body.formatted(code, "我们可以分两期付款吗？")).andExpect(status().isForbidden());
        call(post("/api/scripts"), "manager", body.formatted(code, "再不付款就曝光你们公司"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("textZh"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("曝光你")));
        call(post("/api/scripts"), "manager", body.formatted(code, "我们可以分两期付款吗？").replace("\"ADVISE\"", "\"SHOUT\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("method"));
        call(post("/api/scripts"), "manager", body.formatted(code, "我们可以分两期付款吗？"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.updatedBy").value("manager"));
        call(post("/api/scripts"), "manager", body.formatted(code, "我们可以分两期付款吗？")).andExpect(status().isConflict());
        call(put("/api/scripts/" + code), "manager", body.formatted(code, "我们可以分三期付款吗？"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.textZh").value("我们可以分三期付款吗？"));
        call(delete("/api/scripts/" + code), "collector", null).andExpect(status().isForbidden());
        call(delete("/api/scripts/" + code), "manager", null).andExpect(status().isNoContent());
        call(get("/api/scripts/" + code), "manager", null).andExpect(status().isNotFound());
    }
}
