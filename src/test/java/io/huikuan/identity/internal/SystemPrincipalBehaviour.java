package io.huikuan.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.support.SystemByDefault;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Nobody logged in means no rights; background work is done as the system only where it says so
 * (the application's scheduler, {@link CurrentUser#asSystem}). The tests' own fallback (code run
 * outside a request acts as the system) is switched off here, so what is checked is the product's rule.
 */
class SystemPrincipalBehaviour {

    private AutoCloseable fallbackOff;

    @BeforeEach
    void productRule() {
        fallbackOff = SystemByDefault.off();
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void restore() throws Exception {
        SecurityContextHolder.clearContext();
        fallbackOff.close();
    }

    @Test
    void aThreadWithoutLoginIsAnonymousAndMayDoNothing() {
        CurrentUser nobody = CurrentUser.get();
        assertThat(nobody).isEqualTo(CurrentUser.ANONYMOUS);
        assertThat(nobody.roles()).isEmpty();
        assertThat(nobody.mayAccess("anonymous")).as("an empty portfolio, even for an owner named like it").isFalse();
        assertThat(nobody.mayAccess(null)).isFalse();
        assertThatThrownBy(() -> CurrentUser.require("post payments", Role.FINANCE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> CurrentUser.require("create users", Role.ADMIN)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void springSecuritysAnonymousTokenIsNotAnAdministrator() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(CurrentUser.get()).isEqualTo(CurrentUser.ANONYMOUS);
        assertThatThrownBy(() -> CurrentUser.require("read", Role.COLLECTOR)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void asSystemGrantsTheSystemForTheWorkOnlyAndRestoresTheCaller() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("li.collector", null,
                AuthorityUtils.createAuthorityList("ROLE_COLLECTOR")));
        String inside = CurrentUser.asSystem(() -> CurrentUser.get().username());
        assertThat(inside).isEqualTo("system");
        assertThat(CurrentUser.get().username()).isEqualTo("li.collector");
        assertThat(CurrentUser.get().roles()).containsExactly(Role.COLLECTOR);

        SecurityContextHolder.clearContext();
        CurrentUser.runAsSystem(() -> assertThat(CurrentUser.get().has(Role.ADMIN)).isTrue());
        assertThat(CurrentUser.get()).as("no login before, none after").isEqualTo(CurrentUser.ANONYMOUS);
    }

    @Test
    void scheduledJobsRunAsTheSystemWhileOtherThreadsAreAnonymous() throws Exception {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        new SystemPrincipalConfig().systemPrincipalOnPooledScheduler().customize(scheduler);
        scheduler.initialize();
        try {
            CompletableFuture<CurrentUser> job = new CompletableFuture<>();
            scheduler.schedule(() -> job.complete(CurrentUser.get()), java.time.Instant.now());
            assertThat(job.get(10, TimeUnit.SECONDS)).isEqualTo(CurrentUser.SYSTEM);
        } finally {
            scheduler.shutdown();
        }
        try (var plain = java.util.concurrent.Executors.newSingleThreadExecutor()) {
            assertThat(plain.submit(CurrentUser::get).get(10, TimeUnit.SECONDS)).as("a thread nobody said is the system's")
                    .isEqualTo(CurrentUser.ANONYMOUS);
        }
    }
}
