package io.huikuan.negotiation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Spreads an amount over invoices in proportion to weights, in exact cents that sum to the amount (largest remainder). */
final class Shares {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private Shares() {
    }

    /** {@code total} split in proportion to {@code weights} (all ≥ 0, not all 0); the cents left over go to the largest remainders. */
    static List<BigDecimal> proportional(BigDecimal total, List<BigDecimal> weights) {
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> parts = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        for (BigDecimal w : weights) {
            BigDecimal exact = sum.signum() == 0 ? BigDecimal.ZERO : total.multiply(w).divide(sum, 10, RoundingMode.HALF_UP);
            BigDecimal floor = exact.setScale(2, RoundingMode.DOWN);
            parts.add(floor);
            remainders.add(exact.subtract(floor));
        }
        BigDecimal left = total.subtract(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        if (weights.isEmpty()) {
            return parts;
        }
        List<Integer> order = IntStream.range(0, weights.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i)).toList();
        for (int k = 0; left.signum() > 0; k = (k + 1) % order.size()) {
            int i = order.get(k);
            parts.set(i, parts.get(i).add(CENT));
            left = left.subtract(CENT);
        }
        return parts;
    }

    /**
     * {@code total} (at most the sum of {@code caps}) split in proportion to {@code weights}, no part above its cap: what a
     * part cannot take is split again, in proportion, over the parts that still have room, until nothing is left over.
     */
    static List<BigDecimal> capped(BigDecimal total, List<BigDecimal> weights, List<BigDecimal> caps) {
        List<BigDecimal> parts = new ArrayList<>(proportional(total, weights));
        for (int round = 0; round <= parts.size(); round++) {
            BigDecimal excess = BigDecimal.ZERO;
            List<BigDecimal> room = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).compareTo(caps.get(i)) >= 0) {
                    excess = excess.add(parts.get(i).subtract(caps.get(i)));
                    parts.set(i, caps.get(i));
                    room.add(BigDecimal.ZERO);
                } else {
                    room.add(weights.get(i).signum() > 0 ? weights.get(i) : caps.get(i).subtract(parts.get(i)));
                }
            }
            if (excess.signum() == 0) {
                return parts;
            }
            List<BigDecimal> more = proportional(excess, room);
            for (int i = 0; i < parts.size(); i++) {
                parts.set(i, parts.get(i).add(more.get(i)));
            }
        }
        throw new IllegalArgumentException(total + " does not fit under " + caps);
    }
}
