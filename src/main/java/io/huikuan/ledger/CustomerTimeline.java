package io.huikuan.ledger;

import io.huikuan.common.ValidationException;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One chronological stream of everything that happened with a customer (issue 12, item 11): activities,
 * messages, documents, payments, promises, disputes and history, newest first, narrowed to one kind or not,
 * a slice at a time. The entries come from every module's {@link TimelineSource}.
 */
@Service
public class CustomerTimeline {

    /** The kinds of entries, in the order the filter offers them. */
    public static final List<String> KINDS = List.of("ACTIVITY", "MESSAGE", "DOCUMENT", "PAYMENT", "PROMISE", "DISPUTE", "HISTORY");
    /** At most this many entries at a time. */
    public static final int MAX_SIZE = 100;

    /** A slice of the stream; {@code more} when there are older entries, asked for with {@code nextOffset}. */
    public record Slice(List<TimelineEntry> entries, boolean more, int nextOffset, String kind) {
    }

    private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at).reversed()
            .thenComparing(TimelineEntry::kind).thenComparing(Comparator.comparingLong(TimelineEntry::id).reversed());

    private final List<TimelineSource> sources;
    private final CustomerService customers;

    CustomerTimeline(List<TimelineSource> sources, CustomerService customers) {
        this.sources = sources;
        this.customers = customers;
    }

    /**
     * Entries {@code offset ..< offset + size} of the customer's stream (404 for a customer the user may not see);
     * {@code kind} blank for all, else one of {@link #KINDS} (case-insensitive; another is refused naming {@code kind}).
     */
    @Transactional(readOnly = true)
    public Slice slice(String customerCode, String kind, int offset, int size) {
        CustomerRef ref = customers.ref(customerCode);
        String k = kind == null || kind.isBlank() ? null : kind.trim().toUpperCase(Locale.ROOT);
        if (k != null && !KINDS.contains(k)) {
            throw ValidationException.coded("kind", kind, "timeline.kind", "must be one of " + String.join(", ", KINDS),
                    String.join(", ", KINDS));
        }
        int from = Math.max(0, offset);
        int n = Math.clamp(size, 1, MAX_SIZE);
        int want = from + n + 1;
        Set<String> asked = k == null ? new LinkedHashSet<>(KINDS) : Set.of(k);
        List<TimelineEntry> all = new ArrayList<>();
        for (TimelineSource source : sources) {
            Set<String> mine = new LinkedHashSet<>(source.kinds());
            mine.retainAll(asked);
            if (!mine.isEmpty()) {
                all.addAll(source.newest(ref.id(), ref.code(), mine, want));
            }
        }
        all.sort(NEWEST_FIRST);
        List<TimelineEntry> page = all.subList(Math.min(from, all.size()), Math.min(from + n, all.size()));
        return new Slice(List.copyOf(page), all.size() > from + n, from + n, k);
    }
}
