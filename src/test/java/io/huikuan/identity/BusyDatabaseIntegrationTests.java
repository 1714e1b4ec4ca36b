package io.huikuan.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.support.Api;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * When every pooled connection is taken, a caller with valid credentials is told to try again
 * (503 with Retry-After), never that its password is wrong (401); once a connection is free the
 * same call succeeds.
 */
// Flyway needs two connections at start-up, so the pool has two
@SpringBootTest(properties = {"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.minimum-idle=2",
        "spring.datasource.hikari.connection-timeout=1000", "huikuan.outbox.enabled=false"})
@AutoConfigureMockMvc
class BusyDatabaseIntegrationTests {

    private final MockMvc mvc;
    private final UserDirectory users;
    private final ApiTokens tokens;
    private final DataSource dataSource;

    @Autowired
    BusyDatabaseIntegrationTests(MockMvc mvc, UserDirectory users, ApiTokens tokens, DataSource dataSource) {
        this.mvc = mvc;
        this.users = users;
        this.tokens = tokens;
        this.dataSource = dataSource;
    }

    @Test
    void aBusyPoolAnswers503WithRetryAfterForBasicAndTokenLoginsAndTheCallSucceedsOnceFree() throws Exception {
        Api.user(users, "busyfinance", Role.FINANCE);
        String token = tokens.issue("busyfinance", "busy test");

        try (Connection one = dataSource.getConnection(); Connection two = dataSource.getConnection()) { // every pooled connection
            mvc.perform(get("/api/me").with(httpBasic("busyfinance", "busyfinance")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "2"))
                    .andExpect(jsonPath("$.status").value(503));
            mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"));
            // a browser's call (never challenged for Basic) is told the same
            mvc.perform(get("/api/me").with(httpBasic("busyfinance", "busyfinance")).header("Sec-Fetch-Mode", "cors"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(header().doesNotExist("WWW-Authenticate"));
        }

        mvc.perform(get("/api/me").with(httpBasic("busyfinance", "busyfinance")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("busyfinance"));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("busyfinance"));
        mvc.perform(get("/api/me").with(httpBasic("busyfinance", "wrong-password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aBusyPoolTellsTheLoginFormToTryAgainNotThatThePasswordIsWrong() throws Exception {
        Api.user(users, "busymanager", Role.MANAGER);

        try (Connection one = dataSource.getConnection(); Connection two = dataSource.getConnection()) { // every pooled connection
            mvc.perform(post("/login").param("username", "busymanager").param("password", "busymanager").with(csrf()))
                    .andExpect(redirectedUrl("/login?busy"));
        }
        mvc.perform(get("/login").param("busy", "").param("lang", "en"))
                .andExpect(content().string(containsString("The server is busy and could not check your password")));
        mvc.perform(post("/login").param("username", "busymanager").param("password", "busymanager").with(csrf()))
                .andExpect(redirectedUrl("/dashboard"));
    }
}
