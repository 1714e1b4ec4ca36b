package io.huikuan.credit;

/** A credit grade: A (safest) to E. Bands of the score: A ≥ 85, B ≥ 70, C ≥ 55, D ≥ 40, E below. */
public enum Grade {
    A(85), B(70), C(55), D(40), E(0);

    private final int from;

    Grade(int from) {
        this.from = from;
    }

    /** The lowest score of the band. */
    public int from() {
        return from;
    }

    public static Grade of(int score) {
        for (Grade g : values()) {
            if (score >= g.from) {
                return g;
            }
        }
        return E;
    }
}
