package io.huikuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A production database gets its first administrator from configuration, with a hashed password. */
@SpringBootTest(properties = {"huikuan.admin.username=boss", "huikuan.admin.password=correct horse battery"})
@AutoConfigureMockMvc
class FirstAdministratorIntegrationTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    @Autowired
    FirstAdministratorIntegrationTests(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    @Test
    void theConfiguredAdministratorLogsInAndNothingElseExists() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("boss", "correct horse battery")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("ADMIN"));
        mvc.perform(get("/api/me").with(httpBasic("admin", "admin"))).andExpect(status().isUnauthorized());
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'boss'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("correct horse");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isEqualTo(1);
    }
}
