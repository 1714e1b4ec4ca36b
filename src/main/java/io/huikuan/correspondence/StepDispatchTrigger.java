package io.huikuan.correspondence;

import io.huikuan.strategy.CollectionRunCompleted;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * When the strategy steps' messages and letters are produced: right after each daily run (in the background, so
 * the run's caller does not wait) and by a sweep every few minutes that picks up approved steps and anything a
 * stopped node left. {@code huikuan.correspondence.auto-dispatch=false} leaves it to the API.
 */
@Configuration
@EnableAsync
@EnableConfigurationProperties(DispatchProperties.class)
class StepDispatchTrigger {

    private static final Logger log = LoggerFactory.getLogger(StepDispatchTrigger.class);

    private final StepDispatcher dispatcher;
    private final boolean enabled;
    private final Clock clock;

    StepDispatchTrigger(StepDispatcher dispatcher, @Value("${huikuan.correspondence.auto-dispatch:true}") boolean enabled, Clock clock) {
        this.dispatcher = dispatcher;
        this.enabled = enabled;
        this.clock = clock;
    }

    @Async
    @EventListener
    void afterRun(CollectionRunCompleted run) {
        if (enabled) {
            StepDispatcher.Result r = dispatcher.dispatchDue(run.asOf());
            log.info("run {} ({}): step messages and letters: {}", run.runId(), run.asOf(), r);
        }
    }

    @Scheduled(initialDelayString = "${huikuan.correspondence.dispatch-every:PT10M}", fixedDelayString = "${huikuan.correspondence.dispatch-every:PT10M}")
    void sweep() {
        if (enabled) {
            StepDispatcher.Result r = dispatcher.dispatchDue(LocalDate.now(clock));
            if (r.produced() + r.failed() > 0) {
                log.info("step messages and letters: {}", r);
            }
        }
    }
}
