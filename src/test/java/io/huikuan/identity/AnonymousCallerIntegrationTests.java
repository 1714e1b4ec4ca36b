package io.huikuan.identity;

import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Nothing but health, the login page and static files answers a caller without a login; the debtor portal answers
 * only a valid link's token (its own principal, bound to one customer: see {@code io.huikuan.portal}), anything else
 * under {@code /portal} is a 404 page, never the login.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnonymousCallerIntegrationTests {

    private final MockMvc mvc;

    @Autowired
    AnonymousCallerIntegrationTests(MockMvc mvc) {
        this.mvc = mvc;
    }

    @Test
    void portalPathsWithoutAValidLinkAnswerNotFound() throws Exception {
        mvc.perform(get("/portal/anything").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        mvc.perform(get("/portal/anything")).andExpect(status().isNotFound()); // a tool, not a browser
        mvc.perform(post("/portal/anything/confirmation")).andExpect(status().isNotFound()); // refused before the CSRF check
    }

    @Test
    void theApiAndThePagesAskForALogin() throws Exception {
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/payments").contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isUnauthorized());
        mvc.perform(get("/worklist").accept(MediaType.TEXT_HTML)).andExpect(status().isFound()).andExpect(header().string("Location", endsWith("/login")));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }
}
