package io.huikuan.support;

import io.huikuan.identity.CurrentUser;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.TestSecurityContextHolder;

/**
 * Tests set up and check data directly through the services as the system, as the product's
 * jobs and commands do (the product itself treats a thread without a login as anonymous, with no
 * rights). Registered for every test (META-INF/services, autodetection in junit-platform.properties):
 * <ul>
 * <li>outside an HTTP request, a thread with no login acts as {@link CurrentUser#SYSTEM}; a test
 * that logs someone in ({@code SecurityContextHolder.getContext().setAuthentication(..)}) acts as
 * them until it clears the context;</li>
 * <li>inside a request (MockMvc or a real port: from the moment Spring Security's filter puts the
 * request's context in place until it clears it) nothing changes: no credentials means anonymous,
 * and MockMvc is never handed the system's login ({@link TestSecurityContextHolder} holds an empty
 * context, so MockMvc adds nothing to a request).</li>
 * </ul>
 */
public final class SystemByDefault implements BeforeEachCallback {

    private static final java.util.concurrent.atomic.AtomicBoolean OFF = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Switches the fallback off on every thread until closed, for the tests of the product's own rule
     * (no login means anonymous; background work says it is the system). Tests do not run in parallel.
     */
    public static AutoCloseable off() {
        install();
        OFF.set(true);
        return () -> OFF.set(false);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        install();
        SecurityContextHolder.clearContext();
        TestSecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        SecurityContextHolder.clearContext();
    }

    /** Puts the strategy in place once for the JVM. */
    static synchronized void install() {
        SecurityContextHolderStrategy current = SecurityContextHolder.getContextHolderStrategy();
        if (!(current instanceof SystemOutsideRequests)) {
            SecurityContextHolder.setContextHolderStrategy(new SystemOutsideRequests(current));
        }
    }

    /** The thread-local strategy, except that an empty context outside a request becomes the system's. */
    private record SystemOutsideRequests(SecurityContextHolderStrategy delegate, ThreadLocal<Boolean> inRequest)
            implements SecurityContextHolderStrategy {

        SystemOutsideRequests(SecurityContextHolderStrategy delegate) {
            this(delegate, ThreadLocal.withInitial(() -> false));
        }

        @Override
        public SecurityContext getContext() {
            SecurityContext context = delegate.getContext();
            if (context.getAuthentication() == null && !inRequest.get() && !OFF.get()) {
                context = CurrentUser.systemContext();
                delegate.setContext(context);
            }
            return context;
        }

        @Override
        public Supplier<SecurityContext> getDeferredContext() {
            return inRequest.get() || OFF.get() ? delegate.getDeferredContext() : this::getContext;
        }

        /** Spring Security's filter clears the context as a request ends. */
        @Override
        public void clearContext() {
            inRequest.set(false);
            delegate.clearContext();
        }

        @Override
        public void setContext(SecurityContext context) {
            delegate.setContext(context);
        }

        /** Spring Security's filter puts the request's (deferred) context in place as a request starts. */
        @Override
        public void setDeferredContext(Supplier<SecurityContext> deferredContext) {
            inRequest.set(true);
            delegate.setDeferredContext(deferredContext);
        }

        @Override
        public SecurityContext createEmptyContext() {
            return delegate.createEmptyContext();
        }
    }
}
