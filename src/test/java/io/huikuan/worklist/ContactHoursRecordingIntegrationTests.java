package io.huikuan.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.time.LocalDate;
import java.time.LocalTime;
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
import tools.jackson.databind.JsonNode;

/**
 * The contact rules limit when and how often we contact a customer, not when we record: a call logged at night
 * with no time given is saved, a call the customer made to us is saved at any hour and never counts against the
 * caps, and only a contact we made at a stated time outside the hours is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class ContactHoursRecordingIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    String collector;
    String customer;
    long contact;

    @BeforeEach
    void setUp() throws Exception {
        WorklistFixture data = new WorklistFixture(mvc, jdbc);
        Api.user(users, "admin", Role.ADMIN);
        String token = UUID.randomUUID().toString().substring(0, 8);
        collector = "night-" + token;
        customer = "NIGHT-" + token;
        Api.user(users, collector, Role.COLLECTOR);
        data.customer(customer, collector);
        contact = data.contact(customer, "值班会计");
    }

    ResultActions log(String occurredAt, String direction) throws Exception {
        return Api.call(mvc, post("/api/activities"), collector, """
                {"customerCode":"%s","contactId":%d,"channel":"PHONE","outcome":"REACHED"%s%s}""".formatted(customer, contact,
                occurredAt == null ? "" : ",\"occurredAt\":\"" + occurredAt + ":00+08:00\"",
                direction == null ? "" : ",\"direction\":\"" + direction + "\""));
    }

    @Test
    void aCallLoggedAtNightWithoutATimeIsSavedAndOnlyAnOutboundCallAtAStatedNightTimeIsRefused() throws Exception {
        clock.set(LocalDate.of(2026, 6, 30), LocalTime.of(3, 31));
        log(null, null).andExpect(status().isCreated());
        log("2026-06-30T03:00", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("occurredAt")).andExpect(jsonPath("$.errors[0].code").value("conduct.hours"));
        JsonNode inbound = Api.json(log("2026-06-30T03:00", "INBOUND").andExpect(status().isCreated()));
        assertThat(inbound.get("direction").asString()).isEqualTo("INBOUND");
        log("2026-06-30T03:00", "SIDEWAYS").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("direction"));

        JsonNode listed = Api.json(Api.call(mvc, get("/api/activities?customer=" + customer), collector, null).andExpect(status().isOk()));
        assertThat(listed.size()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT direction FROM activity a JOIN customer c ON c.id = a.customer_id WHERE c.code = ? ORDER BY a.id")
                .param(customer).query(String.class).list()).containsExactly("OUTBOUND", "INBOUND");
    }

    @Test
    void callsFromTheCustomerNeverCountAgainstTheCapsOrTheGap() throws Exception {
        clock.set(LocalDate.of(2026, 6, 30), LocalTime.of(18, 0));
        // 2026-06-29: three calls we made (the daily cap), and the customer's calls in between and after
        log("2026-06-29T09:00", null).andExpect(status().isCreated());
        log("2026-06-29T09:10", "INBOUND").andExpect(status().isCreated());
        log("2026-06-29T10:30", null).andExpect(status().isCreated());
        log("2026-06-29T12:00", null).andExpect(status().isCreated());
        log("2026-06-29T14:00", "INBOUND").andExpect(status().isCreated());
        log("2026-06-29T15:00", null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("conduct.daily-cap"));
    }
}
