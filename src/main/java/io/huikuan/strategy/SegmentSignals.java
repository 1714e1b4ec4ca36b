package io.huikuan.strategy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What other modules know of customers that segments may test (an SPI: strategy defines it, a module that knows — credit —
 * implements it, so strategy depends on nobody for it). Bulk and set-based: the signals of every customer as of a date
 * in one or a few statements, asked once per daily run or dry run, and only for the signals some active segment tests.
 * <p>
 * A new signal (e.g. the number of open alerts) is one constant in {@link Signal}, one component in
 * {@link CustomerSignals} and the implementation's query for it.
 */
public interface SegmentSignals {

    /** The signals a segment can test. */
    enum Signal {
        /** The behavioural credit score (0–100) and the effective credit grade (the override in force, else the computed grade). */
        CREDIT_SCORE,
        /** Exposure (open receivables + open orders) above the credit limit. */
        OVER_LIMIT,
        /** The number of early-warning alerts open at the date (raised by then, not resolved by then). */
        OPEN_ALERTS
    }

    /**
     * The signals of every customer as of {@code asOf}, by customer id, from facts dated on or before it; a customer
     * absent from the map has none ({@link CustomerSignals#NONE}). Only the {@code wanted} signals need be filled.
     */
    Map<Long, CustomerSignals> asOf(LocalDate asOf, Set<Signal> wanted);

    /**
     * A short fingerprint of everything the {@code wanted} signals are read from, for the daily run's "nothing changed"
     * shortcut ({@link RunQueries#inputsKey}): it must change when one of those signals of some customer may have
     * changed (and should not change for a signal no segment tests).
     */
    String inputsKey(Set<Signal> wanted);
}
