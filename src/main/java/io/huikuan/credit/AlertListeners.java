package io.huikuan.credit;

import io.huikuan.identity.CurrentUser;
import io.huikuan.strategy.CollectionRunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Evaluates the early-warning rules after each daily collection run (as of the run's date), then queues the managers' digest. */
@Component
class AlertListeners {

    private static final Logger log = LoggerFactory.getLogger(AlertListeners.class);

    private final AlertEvaluator evaluator;
    private final AlertDigest digest;
    private final AlertProperties settings;

    AlertListeners(AlertEvaluator evaluator, AlertDigest digest, AlertProperties settings) {
        this.evaluator = evaluator;
        this.digest = digest;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void collectionRunCompleted(CollectionRunCompleted run) {
        if (!settings.enabled()) {
            return;
        }
        AlertEvaluator.Result r = CurrentUser.asSystem(() -> evaluator.evaluate(run.asOf()));
        log.info("credit alerts as of {} after run {}: {} rules, {} raised, {} cleared, {} holds proposed in {} ms", run.asOf(), run.runId(), r.rules(),
                r.raised(), r.cleared(), r.holdsProposed(), r.millis());
        CurrentUser.runAsSystem(() -> digest.send(run.asOf()));
    }
}
