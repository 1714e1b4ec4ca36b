package io.huikuan.identity.internal;

import io.huikuan.identity.LoginFailures;
import io.huikuan.identity.LoginFailures.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HttpBasicConfigurer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * What guards the logins, added to both filter chains by {@link SecurityConfig}: the throttle
 * before any credential is checked, the failure log (through {@link LoginDetails} on each login),
 * and after authentication the account's state (web sessions) and a required password change.
 */
@Component
class LoginGuard {

    private final LoginFailures failures;
    private final JdbcClient jdbc;

    LoginGuard(LoginFailures failures, JdbcClient jdbc) {
        this.failures = failures;
        this.jdbc = jdbc;
    }

    LoginFailures failures() {
        return failures;
    }

    /** The stateless API: Basic and tokens. */
    void api(HttpSecurity http) throws Exception {
        basicDetails(http);
        http.addFilterBefore(new LoginThrottleFilter(failures), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new PasswordChangeRequiredFilter(), AuthorizationFilter.class);
    }

    /** The web UI: the login form (and Basic for tools), sessions. */
    void web(HttpSecurity http) throws Exception {
        basicDetails(http);
        http.formLogin(f -> f.authenticationDetailsSource(LoginDetails.source(Kind.FORM)).failureHandler(formFailure()))
                .addFilterBefore(new LoginThrottleFilter(failures), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AccountStateFilter(jdbc), AuthorizationFilter.class)
                .addFilterBefore(new PasswordChangeRequiredFilter(), AuthorizationFilter.class);
    }

    /** Basic logins (where the chain has them: this never switches Basic on) say where they came from, for the failure log. */
    private static void basicDetails(HttpSecurity http) throws Exception {
        if (http.getConfigurer(HttpBasicConfigurer.class) != null) {
            http.httpBasic(b -> b.authenticationDetailsSource(LoginDetails.source(Kind.BASIC)));
        }
    }

    /** A wrong password says so; a database too busy to check it says "try again", never "wrong password". */
    static AuthenticationFailureHandler formFailure() {
        return (request, response, e) -> response.sendRedirect(request.getContextPath()
                + (ApiEntryPoint.couldNotCheck(e) ? "/login?busy" : "/login?error"));
    }
}
