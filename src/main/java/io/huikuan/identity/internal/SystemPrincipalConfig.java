package io.huikuan.identity.internal;

import io.huikuan.identity.CurrentUser;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/**
 * Where background work runs as the system principal, explicitly:
 * <ul>
 * <li>every task of the application's task scheduler ({@code @Scheduled} jobs) is decorated with
 * {@link CurrentUser#asSystem}, whichever scheduler Boot configures (virtual threads or a pool);</li>
 * <li>the start-up runners (command-line commands, the demo load, the first administrator) run as
 * the system on the main thread, from the moment the context has started until it is ready.</li>
 * </ul>
 * Other background work says so itself ({@link CurrentUser#asSystem}). Nothing else runs as the
 * system: a thread without a logged-in user is anonymous and has no rights.
 */
@Configuration(proxyBeanMethods = false)
class SystemPrincipalConfig {

    private static final TaskDecorator AS_SYSTEM = CurrentUser::systemTask;

    @EventListener(ApplicationStartedEvent.class)
    void runnersRunAsSystem() {
        SecurityContextHolder.setContext(CurrentUser.systemContext());
    }

    @EventListener(ApplicationReadyEvent.class)
    void runnersDone() {
        SecurityContextHolder.clearContext();
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer systemPrincipalOnVirtualScheduler() {
        return scheduler -> scheduler.setTaskDecorator(AS_SYSTEM);
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer systemPrincipalOnPooledScheduler() {
        return scheduler -> scheduler.setTaskDecorator(AS_SYSTEM);
    }
}
