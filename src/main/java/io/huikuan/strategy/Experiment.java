package io.huikuan.strategy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;

/**
 * A champion/challenger experiment of a segment: two strategy versions run side by side — the champion (the segment's
 * strategy, pinned at a version) and the challenger (another strategy, or another version of the same one) on
 * {@code challengerPercent} % of the segment's customers. A customer's arm is a stable draw: the SHA-256 of
 * "experiment id:customer id" read as a number from 0 to 9999, below {@code challengerPercent} × 100 → CHALLENGER; the
 * same customer always lands in the same arm of the same experiment, on every node and every run. Ended when a
 * manager promoted a winner (or stopped it).
 */
public record Experiment(long id, String segmentCode, String championStrategy, int championVersion, String challengerStrategy,
        int challengerVersion, int challengerPercent, LocalDate startedOn, String startedBy, LocalDate endedOn, String endedBy, String winner) {

    public static final String CHAMPION = "CHAMPION";
    public static final String CHALLENGER = "CHALLENGER";

    public boolean active() {
        return endedOn == null;
    }

    /** The customer's arm, CHAMPION or CHALLENGER. */
    public String arm(long customerId) {
        return draw(id, customerId) < challengerPercent * 100 ? CHALLENGER : CHAMPION;
    }

    /** The strategy the customer's arm runs. */
    public String strategyFor(long customerId) {
        return CHALLENGER.equals(arm(customerId)) ? challengerStrategy : championStrategy;
    }

    /** The strategy version the customer's arm runs. */
    public int versionFor(long customerId) {
        return CHALLENGER.equals(arm(customerId)) ? challengerVersion : championVersion;
    }

    /** "S_STD v3" of an arm. */
    public String label(String arm) {
        return CHALLENGER.equals(arm) ? challengerStrategy + " v" + challengerVersion : championStrategy + " v" + championVersion;
    }

    /** 0–9999, uniform and stable for (experiment, customer). */
    static int draw(long experimentId, long customerId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((experimentId + ":" + customerId).getBytes(StandardCharsets.US_ASCII));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(h).getLong(), 10_000);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
