package io.huikuan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Outside demo mode the start banner never prints a password, even for a user still on a demo password. */
@SpringBootTest(properties = "huikuan.demo=false")
class StartupBannerIntegrationTests {

    @Autowired
    StartupBanner banner;
    @Autowired
    UserDirectory users;

    @Test
    void outsideDemoModeTheBannerShowsNoLogins() {
        Api.user(users, "admin", Role.ADMIN); // password "admin", as in the demo

        assertThat(banner.demoMode()).isFalse();
        assertThat(banner.demoLogins()).extracting(DemoUsers.DemoUser::username).containsExactly("admin");
        assertThat(banner.text("http://localhost:8080/")).contains("running at http://localhost:8080/")
                .doesNotContain("Demo logins").doesNotContain("/ admin");
    }
}
