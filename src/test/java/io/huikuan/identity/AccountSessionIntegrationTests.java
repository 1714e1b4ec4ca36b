package io.huikuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.support.Api;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Disabling a user, changing their roles or resetting their password ends their web sessions at
 * their next request (the account's security version is checked per request, against the database,
 * so on every node); a disabled user's API tokens stop working; a reset password must be changed
 * before anything else.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountSessionIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    ApiTokens tokens;

    @BeforeEach
    void users() {
        Api.user(users, "sesadmin", Role.ADMIN);
    }

    /** Logs in through the form and returns the session. */
    private MockHttpSession login(String username, String password) throws Exception {
        MockHttpSession session = new MockHttpSession();
        var result = mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).session(session))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("login of " + username).doesNotContain("/login");
        return (MockHttpSession) result.getRequest().getSession();
    }

    private void asAdmin(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json) throws Exception {
        mvc.perform(request.with(httpBasic("sesadmin", "sesadmin")).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().is2xxSuccessful());
    }

    @Test
    void aDisabledUsersSessionEndsAtTheNextRequestAndTheirTokensStopWorking() throws Exception {
        Api.user(users, "sescollector", Role.COLLECTOR);
        MockHttpSession session = login("sescollector", "sescollector");
        String token = tokens.issue("sescollector", "phone");
        mvc.perform(get("/worklist").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        asAdmin(put("/api/users/sescollector/enabled"), "{\"enabled\":false}");

        mvc.perform(get("/worklist").session(session)).andExpect(redirectedUrl("/login?expired"));
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic("sescollector", "sescollector"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/login").param("expired", "").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("Your session has ended")));
    }

    @Test
    void aScriptCallOfAnEndedSessionGets401AndCannotIssueAToken() throws Exception {
        Api.user(users, "seshtmx", Role.COLLECTOR);
        MockHttpSession first = login("seshtmx", "seshtmx");
        MockHttpSession second = login("seshtmx", "seshtmx");

        asAdmin(put("/api/users/seshtmx/enabled"), "{\"enabled\":false}");

        mvc.perform(get("/worklist").session(first).header("HX-Request", "true"))
                .andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect", "/login?expired"));
        mvc.perform(post("/account/tokens").param("name", "late").session(second).with(csrf()))
                .andExpect(redirectedUrl("/login?expired"));
        assertThat(tokens.list("seshtmx")).isEmpty();
    }

    @Test
    void changingAUsersRolesEndsTheirSessionAndTheNextLoginHasTheNewRoles() throws Exception {
        Api.user(users, "sesmanager", Role.MANAGER);
        MockHttpSession session = login("sesmanager", "sesmanager");
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());

        mvc.perform(put("/api/users/sesmanager/roles").with(httpBasic("sesadmin", "sesadmin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"COLLECTOR\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles[0]").value("COLLECTOR"));

        mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl("/login?expired"));
        MockHttpSession again = login("sesmanager", "sesmanager");
        mvc.perform(get("/admin/users").session(again)).andExpect(status().isForbidden());
        mvc.perform(get("/worklist").session(again)).andExpect(status().isOk());
        // roles are checked and named
        mvc.perform(put("/api/users/sesmanager/roles").with(httpBasic("sesadmin", "sesadmin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("roles"));
        mvc.perform(put("/api/users/sesmanager/roles").with(httpBasic("sesmanager", "sesmanager")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"ADMIN\"]}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aResetPasswordEndsTheSessionsAndMustBeChangedBeforeAnythingElse() throws Exception {
        Api.user(users, "sesfinance", Role.FINANCE);
        MockHttpSession session = login("sesfinance", "sesfinance");

        mvc.perform(post("/api/users/sesfinance/password").with(httpBasic("sesadmin", "sesadmin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"Temporary-Pass-77\"}"))
                .andExpect(status().isNoContent());

        mvc.perform(get("/worklist").session(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/me").with(httpBasic("sesfinance", "sesfinance"))).andExpect(status().isUnauthorized());

        // the API: only the change itself (and who am I) until the password is changed
        mvc.perform(get("/api/invoices").with(httpBasic("sesfinance", "Temporary-Pass-77")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", Matchers.containsString("set a new password first")));
        mvc.perform(get("/api/me").with(httpBasic("sesfinance", "Temporary-Pass-77"))).andExpect(status().isOk());

        // the pages: everything leads to the change page
        MockHttpSession temp = login("sesfinance", "Temporary-Pass-77");
        mvc.perform(get("/worklist").session(temp)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(temp).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("An administrator reset your password")));
        mvc.perform(post("/account/password").session(temp).with(csrf()).param("lang", "en")
                        .param("currentPassword", "Temporary-Pass-77").param("newPassword", "sesfinance-2026").param("confirmPassword",
                                "sesfinance-2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("must not be or contain the username")));
        mvc.perform(post("/account/password").session(temp).with(csrf())
                        .param("currentPassword", "Temporary-Pass-77").param("newPassword", "Rivers-Of-Ink-42").param("confirmPassword",
                                "Rivers-Of-Ink-42"))
                .andExpect(redirectedUrl("/account"));
        // the session that changed the password goes on; the new password works, the temporary one not
        mvc.perform(get("/worklist").session(temp)).andExpect(status().isOk());
        mvc.perform(get("/api/invoices").with(httpBasic("sesfinance", "Rivers-Of-Ink-42"))).andExpect(status().isOk());
        mvc.perform(get("/api/me").with(httpBasic("sesfinance", "Temporary-Pass-77"))).andExpect(status().isUnauthorized());
    }

    @Test
    void aUserChangesTheirOwnPasswordThroughTheApiWithTheCurrentOne() throws Exception {
        Api.user(users, "seslegal", Role.LEGAL);
        MockHttpSession other = login("seslegal", "seslegal");

        mvc.perform(post("/api/me/password").with(httpBasic("seslegal", "seslegal")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"not-it\",\"newPassword\":\"Quiet-Harbour-19\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        mvc.perform(post("/api/me/password").with(httpBasic("seslegal", "seslegal")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"seslegal\",\"newPassword\":\"password2026\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("newPassword"))
                .andExpect(jsonPath("$.errors[0].message", Matchers.containsString("too common")));
        mvc.perform(post("/api/me/password").with(httpBasic("seslegal", "seslegal")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"seslegal\",\"newPassword\":\"Quiet-Harbour-19\"}"))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/me").with(httpBasic("seslegal", "Quiet-Harbour-19"))).andExpect(status().isOk());
        mvc.perform(get("/worklist").session(other)).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void anAdministratorChangesRolesFromTheUsersPage() throws Exception {
        Api.user(users, "sesroles", Role.FINANCE);
        MockHttpSession session = login("sesroles", "sesroles");
        mvc.perform(get("/admin/users").param("lang", "en").with(httpBasic("sesadmin", "sesadmin")))
                .andExpect(content().string(Matchers.containsString("Change roles")));

        mvc.perform(post("/admin/users/sesroles/roles").param("roles", "FINANCE", "LEGAL").with(httpBasic("sesadmin", "sesadmin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));

        assertThat(users.find("sesroles").orElseThrow().roles()).containsExactlyInAnyOrder(Role.FINANCE, Role.LEGAL);
        mvc.perform(get("/worklist").session(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(post("/admin/users/sesroles/roles").with(httpBasic("sesadmin", "sesadmin")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("flashError"));
        assertThat(users.find("sesroles").orElseThrow().roles()).containsExactlyInAnyOrder(Role.FINANCE, Role.LEGAL);
    }

    @Test
    void anAdministratorResetsAPasswordFromTheUsersPage() throws Exception {
        Api.user(users, "sespage", Role.COLLECTOR);
        mvc.perform(post("/admin/users/sespage/password").param("password", "short").with(httpBasic("sesadmin", "sesadmin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("flashError",
                        Matchers.containsString("10")));
        mvc.perform(post("/admin/users/sespage/password").param("password", "Lantern-Field-88").with(httpBasic("sesadmin", "sesadmin"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/api/invoices").with(httpBasic("sespage", "Lantern-Field-88"))).andExpect(status().isForbidden());
    }
}
