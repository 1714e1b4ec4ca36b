package io.huikuan.ledger.web;

import io.huikuan.ledger.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns history records into rows a person can read: which fields changed, from what to what. */
@Component
class HistoryRows {

    /** One changed field; {@code before}/{@code after} are empty when absent. */
    record Change(String field, String before, String after) {
    }

    record Row(long id, String entityType, String entityKey, String action, String actor, Instant occurredAt, String reason,
            List<Change> changes, String before, String after) {
    }

    private final JsonMapper json;

    HistoryRows(JsonMapper json) {
        this.json = json;
    }

    List<Row> rows(List<HistoryEntry> entries) {
        return entries.stream().map(this::row).toList();
    }

    Row row(HistoryEntry e) {
        return new Row(e.id(), e.entityType(), e.entityKey(), e.action(), e.actor(), e.occurredAt(), e.reason(),
                changes(e.before(), e.after()), e.before(), e.after());
    }

    private List<Change> changes(String before, String after) {
        try {
            JsonNode b = before == null ? null : json.readTree(before);
            JsonNode a = after == null ? null : json.readTree(after);
            if ((b != null && !b.isObject()) || (a != null && !a.isObject())) {
                return List.of(new Change("", text(b), text(a)));
            }
            TreeSet<String> fields = new TreeSet<>();
            if (b != null) {
                fields.addAll(b.propertyNames());
            }
            if (a != null) {
                fields.addAll(a.propertyNames());
            }
            List<Change> changes = new ArrayList<>();
            for (String f : fields) {
                String bv = b == null ? "" : text(b.get(f));
                String av = a == null ? "" : text(a.get(f));
                if (!Objects.equals(bv, av)) {
                    changes.add(new Change(f, bv, av));
                }
            }
            return changes;
        } catch (RuntimeException ex) {
            return List.of(new Change("", Objects.toString(before, ""), Objects.toString(after, "")));
        }
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        if (n.isValueNode()) {
            return n.asString();
        }
        if (n.isArray() && n.isEmpty()) {
            return "";
        }
        return n.toString();
    }
}
