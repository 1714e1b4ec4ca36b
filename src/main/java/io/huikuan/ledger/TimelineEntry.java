package io.huikuan.ledger;

import java.time.Instant;
import java.util.List;

/**
 * One event of a customer's timeline (issue 12, item 11). {@code kind} is one of {@link CustomerTimeline#KINDS};
 * {@code at} orders the stream (a business date without a time is its start of day, {@code dateOnly});
 * {@code titleKey} and {@code titleArgs} are the message saying what happened; {@code tagKeys} are message keys
 * shown as tags (channel, status, outcome); {@code direction} OUTBOUND or INBOUND for an activity, else null;
 * {@code href} a page about it or null; {@code id} breaks ties within a kind.
 */
public record TimelineEntry(Instant at, boolean dateOnly, String kind, long id, String titleKey, List<String> titleArgs,
        List<String> tagKeys, String detail, String direction, String by, String href) {

    public TimelineEntry {
        titleArgs = titleArgs == null ? List.of() : List.copyOf(titleArgs);
        tagKeys = tagKeys == null ? List.of() : List.copyOf(tagKeys);
    }

    /** The title's arguments as the message source takes them. */
    public Object[] args() {
        return titleArgs.toArray();
    }

    /** An amount as the timeline prints it: thousands separators, two decimals. */
    public static String money(java.math.BigDecimal amount) {
        return amount == null ? "" : String.format(java.util.Locale.ROOT, "%,.2f", amount);
    }
}
