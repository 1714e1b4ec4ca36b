package io.huikuan.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Only an administrator creates users; new users log in with their password; bad input names the field. */
@SpringBootTest
@AutoConfigureMockMvc
class UserApiIntegrationTests {

    private final MockMvc mvc;
    private final UserDirectory users;

    @Autowired
    UserApiIntegrationTests(MockMvc mvc, UserDirectory users) {
        this.mvc = mvc;
        this.users = users;
    }

    @BeforeEach
    void users() {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "manager", Role.MANAGER);
    }

    @Test
    void anAdministratorCreatesACollectorWhoCanThenLogIn() throws Exception {
        mvc.perform(post("/api/users").with(httpBasic("manager", "manager")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"zhang.wei\",\"password\":\"s3cret-pw-2026\",\"roles\":[\"COLLECTOR\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/users").with(httpBasic("admin", "admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"zhang.wei\",\"password\":\"s3cret-pw-2026\",\"displayName\":\"张伟\",\"roles\":[\"COLLECTOR\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.displayName").value("张伟"))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        mvc.perform(get("/api/me").with(httpBasic("zhang.wei", "s3cret-pw-2026")))
                .andExpect(jsonPath("$.portfolioOnly").value(true));
        mvc.perform(post("/api/users").with(httpBasic("admin", "admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"zhang.wei\",\"password\":\"another\",\"roles\":[\"COLLECTOR\"]}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/users").with(httpBasic("admin", "admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"x y\",\"password\":\"s3cret-pw-2026\",\"roles\":[\"COLLECTOR\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("username"));
        mvc.perform(post("/api/users").with(httpBasic("admin", "admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"li.na\",\"password\":\"s3cret-pw-2026\",\"roles\":[\"KING\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("roles[0]"));
        mvc.perform(post("/api/users").with(httpBasic("admin", "admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"li.na\",\"password\":\"Password2026\",\"roles\":[\"COLLECTOR\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value("too common, easy to guess: choose another"));
        mvc.perform(post("/api/users").with(httpBasic("admin", "admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"li.na\",\"password\":\"short-1\",\"roles\":[\"COLLECTOR\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("at least 10 characters"));
        mvc.perform(get("/api/users").with(httpBasic("manager", "manager")))
                .andExpect(jsonPath("$[?(@.username == 'zhang.wei')].roles[0]").value("COLLECTOR"));
    }

    @Test
    void theNamesOfTheSystemAndOfAnonymousCallersCannotBeTaken() throws Exception {
        for (String name : new String[] {"system", "anonymous", "anonymousUser"}) {
            mvc.perform(post("/api/users").with(httpBasic("admin", "admin")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"" + name + "\",\"password\":\"Kq7-long-enough-pw\",\"roles\":[\"COLLECTOR\"]}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("username"));
        }
    }
}
