package io.huikuan.ledger;

import java.time.Instant;

/** One append-only history record: who changed what, when, why, with the state before and after (JSON). */
public record HistoryEntry(long id, String entityType, String entityKey, String customerCode, String action, String actor,
        Instant occurredAt, String reason, String before, String after) {
}
