package io.huikuan.negotiation.internal;

import io.huikuan.identity.CurrentUser;
import io.huikuan.negotiation.PlanDailyRun;
import io.huikuan.strategy.CollectionRunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The payment plans follow each daily collection run, as of its date: follow-ups, breaks, completions. */
@Component
class PlanListeners {

    private static final Logger log = LoggerFactory.getLogger(PlanListeners.class);

    private final PlanDailyRun daily;

    PlanListeners(PlanDailyRun daily) {
        this.daily = daily;
    }

    @ApplicationModuleListener
    void collectionRunCompleted(CollectionRunCompleted run) {
        PlanDailyRun.Result r = CurrentUser.asSystem(() -> daily.run(run.asOf()));
        log.info("payment plans as of {} after run {}: {} running, {} follow-ups, {} broken, {} completed", run.asOf(), run.runId(), r.plans(),
                r.followUps(), r.broken(), r.completed());
    }
}
