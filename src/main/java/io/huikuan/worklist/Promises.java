package io.huikuan.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Promises to pay (承诺付款). PLACEHOLDER API being implemented in this session: the signatures are the
 * contract between the strategy run, activities and the promise pages.
 */
@Service
public class Promises {

    /** A promise as a caller makes it; {@code madeOn} null means today; contact, activity, channel optional. */
    public record NewPromise(String customerCode, Long contactId, Long activityId, Channel channel, BigDecimal amount,
            LocalDate promisedDate, LocalDate madeOn, String notes) {
    }

    /** A stored promise. */
    public record Promise(long id, String customerCode, String customerName, Long contactId, Long activityId, Channel channel,
            BigDecimal amount, String currency, LocalDate madeOn, LocalDate promisedDate, PromiseStatus status, BigDecimal paidAmount,
            LocalDate settledOn, String createdBy) {
    }

    /** What one evaluation changed. */
    public record Evaluation(int kept, int partlyKept, int broken) {
    }

    /** Records a promise (validated; 404 for a customer the user may not see). */
    public Promise create(NewPromise p) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Promises, newest first; status null = all. */
    public List<Promise> list(PromiseStatus status, String customerCode) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Settles the open promises as of a date (kept, partly kept, broken), idempotent; the daily run calls it first. */
    public Evaluation evaluate(LocalDate asOf) {
        throw new UnsupportedOperationException("not yet");
    }
}
