package io.huikuan.negotiation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of the offers log: what {@code side} offered or asked on {@code offeredOn} (an amount, when there is one, and
 * the terms), its answer ({@code status}, on {@code answeredOn} by {@code answeredBy} with {@code answerNote}), the
 * activity it was made in (when linked) and the payment plan or concession it led to.
 */
public record Offer(long id, String customerCode, String customerName, OfferSide side, OfferKind kind, LocalDate offeredOn, BigDecimal amount,
        String terms, OfferStatus status, LocalDate answeredOn, String answeredBy, String answerNote, LinkedActivity activity, Long planId,
        Long concessionId, String recordedBy, Instant recordedAt) {

    /** The activity (call, visit, message) an offer was made in. */
    public record LinkedActivity(long id, Instant occurredAt, String channel, String outcome, String notes) {
    }

    /** The offer as it stood on {@code asOf}: an answer given after that day is not yet known. */
    public Offer asOf(LocalDate asOf) {
        if (answeredOn == null || !answeredOn.isAfter(asOf)) {
            return this;
        }
        return new Offer(id, customerCode, customerName, side, kind, offeredOn, amount, terms, OfferStatus.OPEN, null, null, null, activity, planId,
                concessionId, recordedBy, recordedAt);
    }
}
