package io.huikuan.portal.internal;

import io.huikuan.identity.BrowserHeaders;
import io.huikuan.portal.PortalLinks;
import io.huikuan.portal.PortalProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * The debtor portal's own filter chain, before the API's and the web pages': {@code /portal/**} needs no login (the
 * token in the path is the credential, checked by {@link PortalTokenFilter}), keeps no security context in the session
 * (the visitor is resolved again on every request), protects its forms with CSRF (a session-held token), and answers
 * with the same browser headers (CSP) as every other page. No form login, Basic or logout here, so the web chain's
 * login never catches a portal request.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfig {

    @Bean
    @Order(0)
    @ConditionalOnWebApplication
    SecurityFilterChain portal(HttpSecurity http, PortalLinks links, PortalLinkRows rows, PortalProperties props, PortalRefusalPage refusal,
            PortalVerifications verifications, Clock clock) throws Exception {
        http.securityMatcher("/portal/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new PortalTokenFilter(links, rows, props, refusal, verifications, clock), CsrfFilter.class)
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED).sessionFixation(f -> f.none()))
                .requestCache(r -> r.disable())
                .headers(BrowserHeaders::apply)
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable());
        return http.build();
    }
}
