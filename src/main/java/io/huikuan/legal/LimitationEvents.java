package io.huikuan.legal;

import java.time.LocalDate;
import java.util.List;

/**
 * The events that interrupt the limitation clock of invoices: entered by hand (legal, managers) or recorded
 * automatically from what Huikuan already knows (delivered demands, promises, plans, confirmations, cases).
 */
public interface LimitationEvents {

    /**
     * An event to record. {@code invoiceNos} empty or null: every invoice of the customer open on {@code date}.
     *
     * @param source where it comes from: MANUAL, MESSAGE, DOCUMENT, PROMISE, PLAN, CONFIRMATION, CASE
     * @param sourceRef the id of the source record (message id, promise id, case id …), null for MANUAL
     * @param attachmentId an uploaded document proving it (courier receipt, signed confirmation), if any
     */
    record NewEvent(String customerCode, List<String> invoiceNos, LocalDate date, LimitationEventKind kind, String evidence,
            String source, String sourceRef, Long attachmentId) {
    }

    /** A recorded event with the invoices it covers; {@code counts} false when it does not interrupt (with why). */
    record Event(long id, String customerCode, LocalDate date, LimitationEventKind kind, String evidence, String source,
            String sourceRef, Long attachmentId, boolean counts, String note, List<String> invoiceNos, String createdBy) {
    }

    /** Records an event in the caller's transaction; returns its id. Validation errors name the field. */
    long record(NewEvent event, String by);

    /** The customer's events dated on or before {@code asOf}, oldest first (the evidence pack's limitation timeline). */
    List<Event> timeline(String customerCode, LocalDate asOf);
}
