package io.huikuan.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The static resources the pages load are served under their explicit prefixes (css, js, and the
 * webjars by versionless path), now that nothing is mapped under {@code /**}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaticResourcesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    @WithMockUser
    void theResourcesThePagesLoadAreServed() throws Exception {
        mvc.perform(get("/css/app.css")).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("--brand")));
        mvc.perform(get("/css/favicon.svg")).andExpect(status().isOk());
        mvc.perform(get("/js/app.js")).andExpect(status().isOk());
        mvc.perform(get("/js/dashboard.js")).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Chart")));
        mvc.perform(get("/webjars/chart.js/dist/chart.umd.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/css/missing.css")).andExpect(status().isNotFound());
    }
}
