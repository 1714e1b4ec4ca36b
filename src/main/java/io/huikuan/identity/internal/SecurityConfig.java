package io.huikuan.identity.internal;

import io.huikuan.identity.ApiTokens;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Everything is behind login except health, the login page and static assets. (The debtor portal's
 * signed links have a chain of their own, ordered before these, whose principal is bound to one customer and
 * holds no role: {@code io.huikuan.portal.internal.PortalSecurityConfig}.) {@code /api/**} is stateless (HTTP Basic or an API token, no session,
 * so no CSRF exposure); the web UI uses form login with CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_MANAGER");
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication // not on the command line (import, export, generate), which has no web server
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, UserDetailsService users, LoginGuard guard) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(new ApiEntryPoint()))
                .addFilterBefore(new ApiTokenFilter(tokens, users, guard.failures()), BasicAuthenticationFilter.class)
                .addFilterBefore(new CrossSiteBasicGuard(), BasicAuthenticationFilter.class)
                .headers(WebHardening::headers)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new ApiEntryPoint()));
        guard.api(http); // login throttle, failure log, required password change
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain web(HttpSecurity http, LoginGuard guard) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error",
                                "/webjars/**", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(landing()).permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(WebHardening.basicEntryPoint())) // tools fetch /v3/api-docs with Basic; browsers get the login page
                .headers(WebHardening::headers)
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        guard.web(http); // login throttle, failure log, account state per request, required password change
        return http.build();
    }

    /**
     * After login: the page that sent the user to the login, when it was a specific one (not the
     * start page); else each role's home ({@link #home}).
     */
    static AuthenticationSuccessHandler landing() {
        RequestCache cache = new HttpSessionRequestCache();
        return (request, response, authentication) -> {
            SavedRequest savedRequest = cache.getRequest(request, response);
            if (savedRequest != null && !isStartPage(request, savedRequest.getRedirectUrl())) {
                WebHardening.redirectRelative(request, response, savedRequest.getRedirectUrl()); // never to a forged Host
                return;
            }
            cache.removeRequest(request, response);
            java.util.Set<String> roles = new java.util.HashSet<>();
            authentication.getAuthorities().forEach(a -> roles.add(a.getAuthority()));
            new SimpleUrlAuthenticationSuccessHandler(home(roles)).onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * Where a role starts its day: managers and administrators on the dashboard, collectors and legal
     * staff on their worklist, finance (and anyone else) on the overview.
     */
    static String home(java.util.Set<String> authorities) {
        if (authorities.contains("ROLE_ADMIN") || authorities.contains("ROLE_MANAGER")) {
            return "/dashboard";
        }
        if (authorities.contains("ROLE_COLLECTOR") || authorities.contains("ROLE_LEGAL")) {
            return "/worklist";
        }
        return "/";
    }

    /** Is this saved URL the application's start page ("/", with or without a query)? */
    private static boolean isStartPage(HttpServletRequest request, String url) {
        String path;
        try {
            path = java.net.URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return false;
        }
        String context = request.getContextPath();
        return path == null || path.isEmpty() || path.equals(context + "/") || path.equals(context);
    }
}
