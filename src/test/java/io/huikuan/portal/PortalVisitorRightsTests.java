package io.huikuan.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The portal's authentication (authenticated, without any authority, as {@code PortalTokenFilter} makes it) is a user
 * without rights for every internal service: no role, an empty portfolio, every role check refused.
 */
class PortalVisitorRightsTests {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPortalVisitorHoldsNoRoleAndSeesNoCustomer() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("portal-link-7", null, List.of()));
        CurrentUser me = CurrentUser.get();
        assertThat(me.roles()).isEmpty();
        assertThat(me.portfolioOnly()).isTrue();
        assertThat(me.mayAccess("portal-link-7")).as("not even a customer 'owned' by its own name").isFalse();
        assertThat(me.mayAccess("collector1")).isFalse();
        assertThat(PortalLinks.mayManage()).isFalse();
        assertThatThrownBy(() -> CurrentUser.require("see customers", Role.COLLECTOR, Role.LEGAL, Role.FINANCE, Role.MANAGER))
                .isInstanceOf(AccessDeniedException.class);
    }
}
