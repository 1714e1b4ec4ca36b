package io.huikuan.worklist;

import io.huikuan.identity.Role;
import io.huikuan.ledger.DisputeOpened;
import io.huikuan.ledger.DisputeResolved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A dispute with a due-by date puts a follow-up task on the worklist for that day (key {@code DSP:<id>}), for the
 * dispute's owner when a user was named, else for the customer's collector, who chases the function that owns it; the
 * task stays on the worklist, overdue, until it is done or the dispute is resolved (then it is cancelled).
 */
@Component
class DisputeReminders {

    static String key(long disputeId) {
        return "DSP:" + disputeId;
    }

    private final SystemTasks tasks;

    DisputeReminders(SystemTasks tasks) {
        this.tasks = tasks;
    }

    @ApplicationModuleListener
    void opened(DisputeOpened d) {
        if (d.dueBy() == null) {
            return;
        }
        String assignee = d.ownerUser() != null ? d.ownerUser() : d.collector();
        String note = "dispute-due|" + d.invoiceNo() + "|" + d.amount().toPlainString() + "|" + d.category().name() + "|"
                + (d.owner() == null ? "" : d.owner().name()) + "|" + d.dueBy();
        tasks.open(new SystemTasks.NewTask(d.customerId(), key(d.disputeId()), TaskKind.FOLLOW_UP, Channel.PHONE, Role.COLLECTOR, assignee,
                d.dueBy(), d.amount(), 0, note, "/disputes?customer=" + d.customerCode()));
    }

    @ApplicationModuleListener
    void resolved(DisputeResolved d) {
        tasks.cancel(d.customerId(), key(d.disputeId()));
    }
}
