package io.huikuan.support;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helpers: users, and API calls as a user with HTTP Basic. */
public final class Api {

    private Api() {
    }

    /** Creates the user (password = username, a fixture's password that the policy would refuse) unless it exists. */
    public static void user(UserDirectory users, String username, Role... roles) {
        if (!users.exists(username)) {
            Set<Role> set = EnumSet.noneOf(Role.class);
            set.addAll(java.util.List.of(roles));
            users.seed(username, username, username, set);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** Performs {@code req} as {@code user} (password = username), with {@code json} as the body when not null. */
    public static ResultActions call(MockMvc mvc, MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        if (json != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(req.with(SecurityMockMvcRequestPostProcessors.httpBasic(user, user)));
    }

    /** The answer's body as JSON, decimals as BigDecimal. */
    public static JsonNode json(ResultActions r) throws Exception {
        return JSON.readTree(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
