package io.huikuan.demo;

/**
 * How a generated customer pays, after the debtor types of the collection playbooks: the long-term
 * partner who pays on time, the slow payer, the seasonal payer (late around 春节 and mid-year), the
 * deteriorating customer (drifts later and ends with a large overdue balance), the disputer
 * (short pays, argues about quality) and the malicious defaulter (stops paying after some months).
 */
public enum Behaviour {
    PROMPT(35), SLOW(20), SEASONAL(14), DETERIORATING(11), DISPUTER(12), DEFAULTER(8);

    /** Share of the portfolio in percent. */
    final int share;

    Behaviour(int share) {
        this.share = share;
    }

    /**
     * The behaviour for a point in [0,1): cumulative shares. Fed with a low-discrepancy sequence this
     * spreads every behaviour evenly over any run of customers.
     */
    static Behaviour at(double u) {
        double cumulative = 0;
        for (Behaviour b : values()) {
            cumulative += b.share / 100.0;
            if (u < cumulative) {
                return b;
            }
        }
        return DEFAULTER;
    }
}
