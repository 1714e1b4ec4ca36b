package io.huikuan.demo;

import io.huikuan.demo.DemoUsers.DemoUser;
import io.huikuan.identity.UserDirectory;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Once the web application is ready: logs where it listens and, in demo mode only ({@code huikuan.demo},
 * or unset on an embedded H2 database), the demo logins whose demo password still works. Outside demo
 * mode it never prints a password; it warns about users still on their (public) demo passwords.
 */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final UserDirectory users;
    private final Environment env;
    private final ObjectProvider<DemoData> demo;

    StartupBanner(UserDirectory users, Environment env, ObjectProvider<DemoData> demo) {
        this.users = users;
        this.env = env;
        this.demo = demo;
    }

    /** Demo mode: the demo data is switched on (explicitly, or by default on an embedded H2 database). */
    boolean demoMode() {
        DemoData data = demo.getIfAvailable();
        return data != null && data.enabled();
    }

    @EventListener
    void on(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        int port = web.getWebServer().getPort();
        String path = env.getProperty("server.servlet.context-path", "");
        String url = "http://localhost:" + port + (path.endsWith("/") ? path : path + "/");
        log.info(text(url));
    }

    /** The banner: where the application runs and, in demo mode only, the demo logins that still work. */
    String text(String url) {
        List<DemoUser> logins = demoLogins();
        boolean demoMode = demoMode();
        StringBuilder sb = new StringBuilder("\n\n  Huikuan 回款 is running at ").append(url).append('\n');
        if (!demoMode && !logins.isEmpty()) {
            log.warn("not in demo mode, yet these users still have their public demo passwords: {}; change or disable them",
                    logins.stream().map(DemoUser::username).toList());
        }
        if (demoMode && !logins.isEmpty()) {
            sb.append("  Demo logins (user / password):\n");
            for (DemoUser u : logins) {
                sb.append(String.format("    %-11s / %-11s %s%n", u.username(), u.password(), u.role()));
            }
        }
        return sb.toString();
    }

    /** The demo users whose password is still the demo password. */
    List<DemoUser> demoLogins() {
        return DemoUsers.ALL.stream().filter(u -> users.passwordMatches(u.username(), u.password())).toList();
    }
}
