package io.huikuan.ledger;

import java.util.List;
import java.util.Set;

/**
 * A module's contribution to the customer timeline (issue 12, item 11): the ledger itself, the worklist and
 * correspondence each implement it, so the ledger's customer page merges their events without depending on them.
 */
public interface TimelineSource {

    /** The kinds this source produces (see {@link CustomerTimeline#KINDS}). */
    Set<String> kinds();

    /** Up to {@code limit} newest entries of the asked kinds (all of them a subset of {@link #kinds()}), newest first. */
    List<TimelineEntry> newest(long customerId, String customerCode, Set<String> kinds, int limit);
}
