package io.huikuan.legal.internal;

import io.huikuan.identity.CurrentUser;
import io.huikuan.legal.LimitationNotices;
import io.huikuan.strategy.CollectionRunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** After each daily collection run, the limitation warnings and demand proposals as of the run's date. */
@Component
class LimitationNoticeJob {

    private static final Logger log = LoggerFactory.getLogger(LimitationNoticeJob.class);

    private final LimitationNotices notices;

    LimitationNoticeJob(LimitationNotices notices) {
        this.notices = notices;
    }

    @ApplicationModuleListener
    void collectionRunCompleted(CollectionRunCompleted run) {
        LimitationNotices.Result r = CurrentUser.asSystem(() -> notices.run(run.asOf()));
        log.info("limitation notices as of {} after run {}: {} warning tasks, {} demand proposals, {} invoices", run.asOf(), run.runId(),
                r.warningTasks(), r.demandTasks(), r.invoices());
    }
}
