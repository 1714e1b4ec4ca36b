package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The user administration page and each user's API tokens, through the web UI. */
@SpringBootTest
@AutoConfigureMockMvc
class UserPagesIntegrationTests {

    private final MockMvc mvc;
    private final UserDirectory users;

    @Autowired
    UserPagesIntegrationTests(MockMvc mvc, UserDirectory users) {
        this.mvc = mvc;
        this.users = users;
    }

    @BeforeEach
    void users() {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "manager", Role.MANAGER);
        Api.user(users, "collector1", Role.COLLECTOR);
    }

    @Test
    void anAdministratorCreatesAndDisablesAUserWhoThenCannotLogIn() throws Exception {
        mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", "wang.fang").param("displayName", "王芳").param("password", "pw").param("roles", "COLLECTOR"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")));
        assertThat(users.exists("wang.fang")).isFalse();

        mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", "wang.fang").param("displayName", "王芳").param("password", "wang-fang-pw-26").param("roles", "COLLECTOR"))
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(get("/api/me").with(httpBasic("wang.fang", "wang-fang-pw-26"))).andExpect(status().isOk());

        mvc.perform(get("/admin/users").param("lang", "en").with(user("manager").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("王芳")))
                .andExpect(content().string(not(containsString("id=\"user-form\""))));
        mvc.perform(post("/admin/users/wang.fang/enabled").param("enabled", "false").with(user("manager").roles("MANAGER")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/wang.fang/enabled").param("enabled", "false").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/api/me").with(httpBasic("wang.fang", "wang-fang-pw-26"))).andExpect(status().isUnauthorized());

        mvc.perform(get("/admin/users").with(user("collector1").roles("COLLECTOR"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN"))
                        .param("username", "no.csrf").param("password", "wang-fang-pw-26").param("roles", "COLLECTOR"))
                .andExpect(status().isForbidden());
        assertThat(users.exists("no.csrf")).isFalse();
    }

    @Test
    void aUserIssuesAnApiTokenSeesItOnceAndRevokesIt() throws Exception {
        var issued = mvc.perform(post("/account/tokens").param("name", "ERP").with(user("collector1").roles("COLLECTOR")).with(csrf()))
                .andExpect(redirectedUrl("/account")).andReturn();
        String token = (String) issued.getFlashMap().get("newToken");
        assertThat(token).startsWith("hk_");
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        String page = mvc.perform(get("/account").with(user("collector1").roles("COLLECTOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("ERP")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(token);
        String id = page.replaceAll("(?s).*/account/tokens/(\\d+)/revoke.*", "$1");

        mvc.perform(post("/account/tokens/" + id + "/revoke").with(user("manager").roles("MANAGER")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(user("collector1").roles("COLLECTOR")).with(csrf()))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }
}
