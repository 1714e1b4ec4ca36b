package io.huikuan.insight;

import java.util.Arrays;

/** The backtest's measures: the area under the ROC curve of a probability and the mean absolute error in days. */
final class Scores {

    private Scores() {
    }

    /**
     * AUC (Mann–Whitney): the chance that a late invoice scores higher than an on-time one, ties counting half; NaN when
     * either class is missing.
     */
    static double auc(double[] scores, boolean[] late) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (late[order[k]]) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean of the absolute errors; NaN when there are none. */
    static double mae(double[] absoluteErrors) {
        return absoluteErrors.length == 0 ? Double.NaN : Arrays.stream(absoluteErrors).average().orElse(Double.NaN);
    }
}
