package io.huikuan.exchange.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and checks the cells of one row; every failed rule becomes an error naming the row, the
 * column, the value and the rule. Getters answer null when the cell is blank or wrong.
 */
public final class RowCheck {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final ErrorSink errors;
    private final Map<String, Integer> columns;
    private final boolean spreadsheet;
    private SourceRow row;
    private boolean ok;

    public RowCheck(ErrorSink errors, Map<String, Integer> columns, boolean spreadsheet) {
        this.errors = errors;
        this.columns = columns;
        this.spreadsheet = spreadsheet;
    }

    public RowCheck on(SourceRow r) {
        this.row = r;
        this.ok = true;
        return this;
    }

    public long row() {
        return row.row();
    }

    public boolean ok() {
        return ok;
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    public void error(String column, String value, String message) {
        ok = false;
        errors.add(row.row(), column, value, message);
    }

    /** The trimmed cell, null when blank or when the column is not in the file. */
    public String text(String column) {
        Integer i = columns.get(column);
        if (i == null) {
            return null;
        }
        String v = row.cell(i);
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    public String required(String column) {
        String v = text(column);
        if (v == null) {
            error(column, "", "required");
        }
        return v;
    }

    /** Optional text of at most {@code max} characters. */
    public String text(String column, int max) {
        String v = text(column);
        if (v != null && v.length() > max) {
            error(column, v, "at most " + max + " characters");
            return null;
        }
        return v;
    }

    public String key(String column, Pattern pattern, String rule) {
        String v = required(column);
        if (v != null && !pattern.matcher(v).matches()) {
            error(column, v, rule);
            return null;
        }
        return v;
    }

    public LocalDate date(String column, boolean required) {
        String v = required ? required(column) : text(column);
        if (v == null) {
            return null;
        }
        LocalDate d = parseDate(v, spreadsheet);
        if (d == null) {
            error(column, v, "not a date: write yyyy-MM-dd (or yyyy/M/d)");
        }
        return d;
    }

    /** An amount with at most 2 decimals; thousands separators and a ¥ sign are accepted. */
    public BigDecimal amount(String column, boolean required, boolean positive) {
        String v = required ? required(column) : text(column);
        if (v == null) {
            return null;
        }
        BigDecimal a = parseAmount(v);
        if (a == null) {
            error(column, v, "not a number: write an amount such as 12345.67 (thousands separators and ¥ allowed)");
        } else if (positive && a.signum() <= 0) {
            error(column, v, "must be greater than 0");
        } else if (!positive && a.signum() < 0) {
            error(column, v, "must not be negative");
        } else if (a.stripTrailingZeros().scale() > 2) {
            error(column, v, "at most 2 decimals");
        } else if (a.compareTo(MAX_AMOUNT) > 0) {
            error(column, v, "too large");
        } else {
            return a.setScale(2);
        }
        return null;
    }

    public Integer integer(String column, int min, int max) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        BigDecimal n = parseAmount(v);
        if (n == null || n.stripTrailingZeros().scale() > 0) {
            error(column, v, "not a whole number");
            return null;
        }
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(column, v, "between " + min + " and " + max);
            return null;
        }
        return n.intValue();
    }

    /** yyyy-MM-dd, yyyy/M/d, yyyy.M.d, yyyy年M月d日, yyyyMMdd; in a spreadsheet also an Excel date serial. */
    public static LocalDate parseDate(String v, boolean spreadsheet) {
        int n = v.length();
        int[] parts = new int[3];
        int p = 0;
        int digits = 0;
        int value = 0;
        boolean allDigits = true;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                digits++;
                if (digits > 8) {
                    return null;
                }
            } else if (c == '-' || c == '/' || c == '.' || c == '年' || c == '月' || c == '日') {
                allDigits = false;
                if (digits == 0) {
                    if (c == '日' && i == n - 1) {
                        continue;
                    }
                    return null;
                }
                if (p >= 3) {
                    return null;
                }
                parts[p++] = value;
                value = 0;
                digits = 0;
            } else if (c == ' ' || c == 'T') {
                // a time part from a spreadsheet ("2026-01-31 00:00:00"): ignore it
                if (p == 2 && digits > 0) {
                    break;
                }
                return null;
            } else {
                return null;
            }
        }
        try {
            if (allDigits) {
                if (digits == 8) {
                    return LocalDate.of(value / 10000, value / 100 % 100, value % 100);
                }
                if (spreadsheet && digits >= 4 && digits <= 6 && value > 0) {
                    return EXCEL_EPOCH.plusDays(value);
                }
                return null;
            }
            if (spreadsheet && v.matches("\\d{4,6}\\.\\d+")) {
                return EXCEL_EPOCH.plusDays(Long.parseLong(v.substring(0, v.indexOf('.'))));
            }
            if (digits > 0) {
                if (p >= 3) {
                    return null;
                }
                parts[p++] = value;
            }
            if (p != 3 || parts[0] < 1000 || parts[0] > 9999) {
                return null;
            }
            return LocalDate.of(parts[0], parts[1], parts[2]);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * "1,234.56", "¥1,234.56", "￥ 1234", "-12.5", "¥-12.5", "(12.50)" and "(¥12.50)" (accounting
     * parentheses: negative); null when not a number. At most one sign: a leading minus (before or
     * after the currency sign) or parentheses around the whole amount, never both and never twice, so
     * "--5", "(-5)", "-(5)", "-¥-5" and a trailing "5-" are not numbers (they are not 5).
     */
    public static BigDecimal parseAmount(String raw) {
        String v = raw.strip();
        boolean parentheses = v.length() >= 2 && v.startsWith("(") && v.endsWith(")");
        if (parentheses) {
            v = v.substring(1, v.length() - 1).strip();
        }
        boolean minus = false;
        if (v.startsWith("-")) {
            minus = true;
            v = v.substring(1).strip();
        }
        if (v.startsWith("¥") || v.startsWith("￥")) {
            v = v.substring(1).strip();
        } else if (v.startsWith("CNY") || v.startsWith("RMB")) {
            v = v.substring(3).strip();
        }
        if (v.startsWith("-")) {
            if (minus) {
                return null;
            }
            minus = true;
            v = v.substring(1).strip();
        }
        if (minus && parentheses) {
            return null;
        }
        boolean negative = minus || parentheses;
        if (v.endsWith("元")) {
            v = v.substring(0, v.length() - 1).strip();
        }
        if (v.isEmpty()) {
            return null;
        }
        int dot = v.indexOf('.');
        String whole = dot < 0 ? v : v.substring(0, dot);
        String frac = dot < 0 ? "" : v.substring(dot + 1);
        if (whole.indexOf(',') >= 0) {
            // thousands separators must group by three: 1,234,567
            String[] groups = whole.split(",", -1);
            if (groups[0].isEmpty() || groups[0].length() > 3) {
                return null;
            }
            for (int i = 1; i < groups.length; i++) {
                if (groups[i].length() != 3) {
                    return null;
                }
            }
            whole = whole.replace(",", "");
        }
        if (whole.isEmpty() && frac.isEmpty() || !digits(whole) || !digits(frac)) {
            if (v.matches("[0-9]+(\\.[0-9]+)?[eE][+-]?[0-9]+")) {
                BigDecimal b = new BigDecimal(v);
                return negative ? b.negate() : b;
            }
            return null;
        }
        BigDecimal b = new BigDecimal((whole.isEmpty() ? "0" : whole) + (frac.isEmpty() ? "" : "." + frac));
        return negative ? b.negate() : b;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
