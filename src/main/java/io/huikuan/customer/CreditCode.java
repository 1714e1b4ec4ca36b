package io.huikuan.customer;

/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-character
 * alphabet; the last is a check character computed from the first 17 with weights 3^i mod 31.
 */
public final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Null when valid, otherwise the rule it breaks. */
    public static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "must be 18 characters";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                return "character '" + code.charAt(i) + "' at position " + (i + 1) + " is not allowed";
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        if (ALPHABET.charAt(check) != code.charAt(17)) {
            return "check character should be '" + ALPHABET.charAt(check) + "'";
        }
        return null;
    }

    /** Completes 17 characters with their check character (used by the demo data). */
    public static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
