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
     * @param notCounting null, or why the event is recorded without interrupting (a letter without its courier
     *                    receipt, an oral promise without evidence, a source switched off in the settings)
     */
    record NewEvent(String customerCode, List<String> invoiceNos, LocalDate date, LimitationEventKind kind, String evidence,
            String source, String sourceRef, Long attachmentId, String notCounting) {

        public NewEvent(String customerCode, List<String> invoiceNos, LocalDate date, LimitationEventKind kind, String evidence,
                String source, String sourceRef, Long attachmentId) {
            this(customerCode, invoiceNos, date, kind, evidence, source, sourceRef, attachmentId, null);
        }
    }

    /** A recorded event with the invoices it covers; {@code counts} false when it does not interrupt (with why). */
    record Event(long id, String customerCode, LocalDate date, LimitationEventKind kind, String evidence, String source,
            String sourceRef, Long attachmentId, boolean counts, String note, List<String> invoiceNos, String createdBy) {
    }

    /**
     * Records an event in the caller's transaction; returns its id. Validation errors name the field (an unknown
     * customer names customerCode, a date after today names date). Whether it counts is decided per invoice on
     * its date: a demand delivered after the period had run does not count (nothing left to interrupt); an
     * acknowledgement after it had run counts as a new one (SPC limitation rules art. 19). An event recorded later
     * but dated earlier does not re-decide the events already recorded after it.
     */
    long record(NewEvent event, String by);

    /** The recorded event with its invoices, if it exists and belongs to a customer the user may see. */
    java.util.Optional<Event> find(long id);

    /** The event recorded from {@code source}/{@code sourceRef} (automatic events are recorded once per source). */
    java.util.Optional<Long> findBySource(String source, String sourceRef);

    /**
     * Enters the courier receipt of a paper letter recorded as not counting yet: from then on it counts as a
     * demand delivered on {@code deliveredOn} (SPC limitation rules art. 8: a letter counts once it reached the
     * debtor). Validation errors name courierNo or deliveredOn.
     */
    Event enterCourierReceipt(long eventId, String courierNo, LocalDate deliveredOn, String by);

    /** The customer's events dated on or before {@code asOf}, oldest first (the evidence pack's limitation timeline). */
    List<Event> timeline(String customerCode, LocalDate asOf);
}
