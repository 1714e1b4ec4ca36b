package io.huikuan.exchange;

/** {@code all-or-nothing} (default): one bad row and nothing is written. {@code valid-rows}: good rows are written. */
public enum ImportMode {
    ALL_OR_NOTHING, VALID_ROWS;

    public static ImportMode parse(String s) {
        if (s == null || s.isBlank()) {
            return ALL_OR_NOTHING;
        }
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "all-or-nothing" -> ALL_OR_NOTHING;
            case "valid-rows" -> VALID_ROWS;
            default -> throw new io.huikuan.common.ValidationException("mode", s, "all-or-nothing or valid-rows");
        };
    }
}
