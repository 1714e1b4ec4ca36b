package io.huikuan.negotiation.internal;

import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.PaymentPosted;
import io.huikuan.negotiation.SupplyHoldRules;
import io.huikuan.strategy.CollectionRunCompleted;
import io.huikuan.worklist.PromiseBroken;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The supply hold rules, driven by events: the overdue rule after each daily collection run (as of the run's date), a
 * broken promise proposes a hold, a posted payment may release a rule-based hold. Payment plans call
 * {@link SupplyHoldRules#planBroken} when one breaks.
 */
@Component
class HoldListeners {

    private static final Logger log = LoggerFactory.getLogger(HoldListeners.class);

    private final SupplyHoldRules rules;
    private final Clock clock;

    HoldListeners(SupplyHoldRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void collectionRunCompleted(CollectionRunCompleted run) {
        SupplyHoldRules.Result r = CurrentUser.asSystem(() -> rules.evaluate(run.asOf()));
        log.info("supply hold rules as of {} after run {}: {} proposed, {} held", run.asOf(), run.runId(), r.proposed(), r.held());
    }

    @ApplicationModuleListener
    void promiseBroken(PromiseBroken p) {
        CurrentUser.runAsSystem(() -> rules.promiseBroken(p.customerCode(), p.promiseId(), LocalDate.now(clock)));
    }

    @ApplicationModuleListener
    void paymentPosted(PaymentPosted p) {
        CurrentUser.runAsSystem(() -> rules.paymentArrived(p.customerCode(), p.paymentRef(), p.paymentDate()));
    }
}
