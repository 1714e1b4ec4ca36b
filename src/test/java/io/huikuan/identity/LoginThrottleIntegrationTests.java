package io.huikuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.time.LocalDate;
import java.time.LocalTime;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Guessing passwords stops after 10 failures in 5 minutes, per account and per client address, for
 * Basic, form and token logins alike: the API answers 429 with Retry-After, the form says so, and the
 * right password is refused too until the window has passed. Administrators see the failures.
 */
@SpringBootTest(properties = {"huikuan.login.max-failures=10", "huikuan.login.window=5m", "huikuan.login.retention=30d"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class LoginThrottleIntegrationTests {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    LoginFailures failures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    @BeforeEach
    void fresh() {
        clock.set(DAY, LocalTime.of(10, 0));
        jdbc.sql("DELETE FROM login_failure").update();
        Api.user(users, "thradmin", Role.ADMIN);
        Api.user(users, "thrmanager", Role.MANAGER);
        Api.user(users, "thrfinance", Role.FINANCE);
    }

    /** The request comes from this client address. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void thirtyWrongBasicPasswordsAreRefusedWith429AndTheRightOneStaysRefusedUntilTheWindowHasPassed() throws Exception {
        for (int i = 1; i <= 30; i++) {
            var answer = mvc.perform(get("/api/me").with(httpBasic("thrfinance", "guess-" + i)).with(from("10.1.0." + i)));
            if (i <= 10) {
                answer.andExpect(status().isUnauthorized());
            } else {
                answer.andExpect(status().isTooManyRequests())
                        .andExpect(header().string("Retry-After", "300"))
                        .andExpect(jsonPath("$.status").value(429))
                        .andExpect(jsonPath("$.detail", Matchers.containsString("even with the right password")));
            }
        }
        // the attempts came from 30 addresses: it is the account that is locked
        mvc.perform(get("/api/me").with(httpBasic("thrfinance", "thrfinance")).with(from("10.2.0.1")))
                .andExpect(status().isTooManyRequests());
        // other accounts are not affected
        mvc.perform(get("/api/me").with(httpBasic("thrmanager", "thrmanager")).with(from("10.2.0.1"))).andExpect(status().isOk());

        clock.set(DAY, LocalTime.of(10, 4, 59));
        mvc.perform(get("/api/me").with(httpBasic("thrfinance", "thrfinance")).with(from("10.2.0.1")))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "1"));
        clock.set(DAY, LocalTime.of(10, 5, 1));
        mvc.perform(get("/api/me").with(httpBasic("thrfinance", "thrfinance")).with(from("10.2.0.1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("thrfinance"));
        // only the checked passwords count: 10 failures, not the 20 refused attempts
        assertThat(jdbc.sql("SELECT count(*) FROM login_failure WHERE username = 'thrfinance'").query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void anAddressThatFailsForManyAccountsIsRefusedForEveryAccountWhileOtherAddressesAreNot() throws Exception {
        for (int i = 1; i <= 10; i++) {
            mvc.perform(get("/api/me").with(httpBasic("nobody" + i, "guess")).with(from("10.3.0.7"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(httpBasic("thrmanager", "thrmanager")).with(from("10.3.0.7")))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.detail", Matchers.containsString("client address")));
        mvc.perform(get("/api/me").with(httpBasic("thrmanager", "thrmanager")).with(from("10.3.0.8"))).andExpect(status().isOk());
    }

    @Test
    void theLoginFormIsThrottledAndSaysSo() throws Exception {
        for (int i = 1; i <= 10; i++) {
            mvc.perform(post("/login").param("username", "thrmanager").param("password", "guess-" + i).with(csrf()).with(from("10.4.0.1")))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").param("username", "thrmanager").param("password", "thrmanager").with(csrf()).with(from("10.4.0.2")))
                .andExpect(redirectedUrl("/login?locked=5"));
        mvc.perform(get("/login").param("locked", "5").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Try again in 5 minute(s)")));
        mvc.perform(get("/login").param("locked", "5").param("lang", "zh-CN"))
                .andExpect(content().string(Matchers.containsString("请 5 分钟后再试")));
        clock.set(DAY, LocalTime.of(10, 6));
        mvc.perform(post("/login").param("username", "thrmanager").param("password", "thrmanager").with(csrf()).with(from("10.4.0.2")))
                .andExpect(redirectedUrl("/dashboard"));
    }

    @Test
    void wrongApiTokensLockTheirAddressEvenForAValidToken() throws Exception {
        String token = tokens.issue("thrfinance", "erp");
        for (int i = 1; i <= 10; i++) {
            mvc.perform(get("/api/me").header("Authorization", "Bearer hk_guess" + i).with(from("10.5.0.1")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token).with(from("10.5.0.1")))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "300"));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token).with(from("10.5.0.2")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("thrfinance"));
    }

    @Test
    void administratorsSeeTheFailuresOthersDoNot() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("thrfinance", "wrong-one")).with(from("10.6.0.1"))).andExpect(status().isUnauthorized());
        mvc.perform(post("/login").param("username", "thrfinance").param("password", "wrong-two").with(csrf()).with(from("10.6.0.2")))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/me").header("Authorization", "Bearer hk_nothing").with(from("10.6.0.3"))).andExpect(status().isUnauthorized());

        mvc.perform(get("/api/login-failures").with(httpBasic("thradmin", "thradmin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[?(@.address == '10.6.0.1')].kind").value("BASIC"))
                .andExpect(jsonPath("$[?(@.address == '10.6.0.1')].username").value("thrfinance"))
                .andExpect(jsonPath("$[?(@.address == '10.6.0.2')].kind").value("FORM"))
                .andExpect(jsonPath("$[?(@.address == '10.6.0.3')].kind").value("TOKEN"));
        mvc.perform(get("/api/login-failures").param("address", "10.6.0.2").with(httpBasic("thradmin", "thradmin")))
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/login-failures").with(httpBasic("thrmanager", "thrmanager"))).andExpect(status().isForbidden());

        mvc.perform(get("/admin/users").param("lang", "en").with(httpBasic("thradmin", "thradmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Recent failed sign-ins")))
                .andExpect(content().string(Matchers.containsString("10.6.0.2")));
    }

    @Test
    void aLeftOpenSessionCannotBeUsedToGuessTheCurrentPassword() throws Exception {
        Api.user(users, "thrlegal", Role.LEGAL);
        var login = mvc.perform(post("/login").param("username", "thrlegal").param("password", "thrlegal").with(csrf())).andReturn();
        var session = (org.springframework.mock.web.MockHttpSession) login.getRequest().getSession();
        for (int i = 1; i <= 10; i++) {
            mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", "guess-" + i)
                            .param("newPassword", "Amber-Meadow-31").param("confirmPassword", "Amber-Meadow-31"))
                    .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("field-error")));
        }
        mvc.perform(post("/account/password").session(session).with(csrf()).param("lang", "en").param("currentPassword", "thrlegal")
                        .param("newPassword", "Amber-Meadow-31").param("confirmPassword", "Amber-Meadow-31"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("too many failed attempts: try again in 5 minute(s)")));
        mvc.perform(get("/api/me").with(httpBasic("thrlegal", "thrlegal")).with(from("10.8.0.1"))).andExpect(status().isTooManyRequests());
        assertThat(failures.recent("thrlegal", null, 20)).hasSize(10).allMatch(f -> f.kind() == LoginFailures.Kind.PASSWORD_CHANGE);
    }

    @Test
    void failuresOlderThanTheRetentionArePurged() {
        failures.record(LoginFailures.Kind.BASIC, "old.one", "10.7.0.1");
        clock.set(DAY.plusDays(31), LocalTime.of(10, 0));
        failures.record(LoginFailures.Kind.BASIC, "new.one", "10.7.0.1");

        assertThat(failures.purge()).isEqualTo(1);
        assertThat(failures.recent(null, "10.7.0.1", 10)).extracting(LoginFailures.LoginFailure::username).containsExactly("new.one");
    }
}
