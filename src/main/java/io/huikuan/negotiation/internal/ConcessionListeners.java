package io.huikuan.negotiation.internal;

import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.PaymentPosted;
import io.huikuan.negotiation.ConcessionPosting;
import io.huikuan.strategy.CollectionRunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Conditional concessions, driven by events: a posted payment may meet a condition (the concession is posted), the
 * daily run posts what is met and expires what was not met by its date. Both are idempotent.
 */
@Component
class ConcessionListeners {

    private static final Logger log = LoggerFactory.getLogger(ConcessionListeners.class);

    private final ConcessionPosting posting;

    ConcessionListeners(ConcessionPosting posting) {
        this.posting = posting;
    }

    @ApplicationModuleListener
    void paymentPosted(PaymentPosted p) {
        int n = CurrentUser.asSystem(() -> posting.paymentArrived(p.customerCode()));
        if (n > 0) {
            log.info("payment {} of {} met the condition of {} concession(s)", p.paymentRef(), p.customerCode(), n);
        }
    }

    @ApplicationModuleListener
    void collectionRunCompleted(CollectionRunCompleted run) {
        int n = CurrentUser.asSystem(() -> posting.runCompleted(run.asOf()));
        log.info("concessions as of {} after run {}: {} posted or expired", run.asOf(), run.runId(), n);
    }
}
