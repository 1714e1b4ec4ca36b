package io.huikuan.correspondence;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in capital Chinese numerals (大写金额) as letters and reply slips state it beside the figures, e.g.
 * 12,005.30 → 壹万贰仟零伍元叁角整. Rounded to cents; up to 9,999,999,999,999,999.99.
 */
public final class ChineseAmount {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};

    private ChineseAmount() {
    }

    /** The capital form of the amount, with 元/角/分 and 整 where the amount ends. */
    public static String upper(BigDecimal amount) {
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2);
        String sign = cents.signum() < 0 ? "负" : "";
        long all = cents.abs().longValueExact();
        long yuan = all / 100;
        int jiao = (int) (all / 10 % 10);
        int fen = (int) (all % 10);
        if (all == 0) {
            return "零元整";
        }
        StringBuilder out = new StringBuilder(sign);
        if (yuan > 0) {
            out.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && fen == 0) {
            return out.append('整').toString();
        }
        if (jiao > 0) {
            out.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            out.append('零');
        }
        if (fen > 0) {
            out.append(DIGITS.charAt(fen)).append('分');
        } else {
            out.append('整');
        }
        return out.toString();
    }

    /** A positive whole number in capital numerals, with 零 where places are skipped. */
    static String integer(long n) {
        StringBuilder out = new StringBuilder();
        int groups = 0;
        for (long m = n; m > 0; m /= 10_000) {
            groups++;
        }
        boolean zeroPending = false;
        for (int g = groups - 1; g >= 0; g--) {
            int group = (int) (n / pow(10_000, g) % 10_000);
            if (group == 0) {
                zeroPending = out.length() > 0;
                continue;
            }
            if (out.length() > 0 && (zeroPending || group < 1000)) {
                out.append('零');
            }
            zeroPending = false;
            boolean zero = false;
            boolean started = false;
            for (int p = 3; p >= 0; p--) {
                int d = (int) (group / pow(10, p) % 10);
                if (d == 0) {
                    zero = started;
                    continue;
                }
                if (zero) {
                    out.append('零');
                    zero = false;
                }
                out.append(DIGITS.charAt(d)).append(PLACES[p]);
                started = true;
            }
            out.append(GROUPS[g]);
        }
        return out.toString();
    }

    private static long pow(long base, int exp) {
        long r = 1;
        for (int i = 0; i < exp; i++) {
            r *= base;
        }
        return r;
    }
}
