package io.huikuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserAccount;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12, item 9: on the users page an administrator edits a user's name, team and signatory, their
 * roles and state, and resets their password (typed, or generated and shown once), which the user must
 * change at the next login; a manager sets only teams (what /targets sends people there for).
 */
@SpringBootTest
@AutoConfigureMockMvc
class UserDetailsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    private String who;

    @BeforeEach
    void users() {
        Api.user(users, "ud-admin", Role.ADMIN);
        Api.user(users, "ud-manager", Role.MANAGER);
        who = "ud-" + UUID.randomUUID().toString().substring(0, 6);
        users.seed(who, who, "赵敏(华南/华北)", EnumSet.of(Role.COLLECTOR));
    }

    @Test
    void anAdministratorEditsNameTeamAndSignatoryShownOnThePageAndInTheApi() throws Exception {
        mvc.perform(post("/admin/users/" + who + "/profile").with(user("ud-admin").roles("ADMIN")).with(csrf())
                        .param("displayName", "赵敏").param("team", "华南一组").param("signatoryName", "赵敏").param("signatoryTitle", "催收主管"))
                .andExpect(redirectedUrl("/admin/users")).andExpect(flash().attribute("flash", "已保存用户 " + who + " 的资料"));
        UserAccount saved = users.find(who).orElseThrow();
        assertThat(saved.displayName()).isEqualTo("赵敏");
        assertThat(saved.team()).isEqualTo("华南一组");
        assertThat(saved.signatoryName()).isEqualTo("赵敏");
        assertThat(saved.signatoryTitle()).isEqualTo("催收主管");
        String page = page("ud-admin", Role.ADMIN);
        assertThat(page).contains("华南一组", "催收主管", "/admin/users/" + who + "/profile", "name=\"signatoryTitle\"");

        var json = Api.json(Api.call(mvc, get("/api/users"), "ud-admin", null).andExpect(status().isOk()));
        var row = java.util.stream.StreamSupport.stream(json.spliterator(), false).filter(n -> n.get("username").asText().equals(who))
                .findFirst().orElseThrow();
        assertThat(row.get("team").asText()).isEqualTo("华南一组");
        assertThat(row.get("signatoryTitle").asText()).isEqualTo("催收主管");
        Api.call(mvc, put("/api/users/" + who + "/profile"), "ud-admin", """
                {"signatoryTitle":""}""").andExpect(status().isOk());
        assertThat(users.find(who).orElseThrow().signatoryTitle()).isNull();
        assertThat(users.find(who).orElseThrow().signatoryName()).isEqualTo("赵敏");

        // a bad team is refused naming the field, in Chinese
        mvc.perform(post("/admin/users/" + who + "/profile").with(user("ud-admin").roles("ADMIN")).with(csrf())
                        .param("displayName", "赵敏").param("team", "华南/一组"))
                .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("团队"),
                        org.hamcrest.Matchers.containsString("1–64 个字符"), org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("team")))));
        Api.call(mvc, put("/api/users/" + who + "/profile"), "ud-manager", """
                {"displayName":"x"}""").andExpect(status().isForbidden());
    }

    @Test
    void aManagerSetsOnlyTheTeam() throws Exception {
        String page = page("ud-manager", Role.MANAGER);
        assertThat(page).contains("/admin/users/" + who + "/profile", "name=\"team\"").doesNotContain("name=\"signatoryName\"", "reset-form");
        mvc.perform(post("/admin/users/" + who + "/profile").with(user("ud-manager").roles("MANAGER")).with(csrf())
                        .param("displayName", "改名").param("team", "华北二组"))
                .andExpect(redirectedUrl("/admin/users"));
        UserAccount u = users.find(who).orElseThrow();
        assertThat(u.team()).isEqualTo("华北二组");
        assertThat(u.displayName()).isEqualTo("赵敏(华南/华北)");
        mvc.perform(post("/admin/users/" + who + "/profile").with(user("ud-col").roles("COLLECTOR")).with(csrf()).param("team", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void rolesAndStateChangeAndAResetPasswordMustBeChangedAtTheNextLogin() throws Exception {
        mvc.perform(post("/admin/users/" + who + "/roles").with(user("ud-admin").roles("ADMIN")).with(csrf())
                .param("roles", "COLLECTOR").param("roles", "LEGAL")).andExpect(redirectedUrl("/admin/users"));
        assertThat(users.find(who).orElseThrow().roles()).containsExactlyInAnyOrder(Role.COLLECTOR, Role.LEGAL);

        var reset = mvc.perform(post("/admin/users/" + who + "/password").with(user("ud-admin").roles("ADMIN")).with(csrf()).param("password", ""))
                .andExpect(redirectedUrl("/admin/users")).andReturn();
        String temporary = (String) reset.getFlashMap().get("temporaryPassword");
        assertThat(temporary).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        assertThat(users.find(who).orElseThrow().passwordChangeRequired()).isTrue();
        var login = mvc.perform(formLogin("/login").user(who).password(temporary)).andExpect(redirectedUrl("/worklist")).andReturn();
        mvc.perform(get("/worklist").session((org.springframework.mock.web.MockHttpSession) login.getRequest().getSession()))
                .andExpect(redirectedUrl("/account/password"));
        assertThat(page("ud-admin", Role.ADMIN)).contains("须修改密码").doesNotContain(temporary);

        mvc.perform(post("/admin/users/" + who + "/enabled").with(user("ud-admin").roles("ADMIN")).with(csrf()).param("enabled", "false"))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(users.find(who).orElseThrow().enabled()).isFalse();
        mvc.perform(formLogin("/login").user(who).password(temporary)).andExpect(redirectedUrl("/login?error"));
    }

    private String page(String username, Role role) throws Exception {
        return mvc.perform(get("/admin/users").param("lang", "zh-CN").with(user(username).roles(role.name()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
