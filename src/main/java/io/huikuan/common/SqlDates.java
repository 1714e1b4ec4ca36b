package io.huikuan.common;

/** Date expressions that read the same on H2 and PostgreSQL, without date arithmetic. */
public final class SqlDates {

    private SqlDates() {
    }

    /** year × 12 + month − 1 of a date column, as an integer (null stays null). */
    public static String monthIndex(String column) {
        return "CAST(EXTRACT(YEAR FROM " + column + ") * 12 + EXTRACT(MONTH FROM " + column + ") - 1 AS INTEGER)";
    }

    /** Whether a date column is the last day of its month (Gregorian leap years). */
    public static String lastDayOfMonth(String column) {
        String y = "CAST(EXTRACT(YEAR FROM " + column + ") AS INTEGER)";
        return "EXTRACT(DAY FROM " + column + ") = CASE CAST(EXTRACT(MONTH FROM " + column + ") AS INTEGER)"
                + " WHEN 2 THEN CASE WHEN MOD(" + y + ", 4) = 0 AND (MOD(" + y + ", 100) <> 0 OR MOD(" + y + ", 400) = 0) THEN 29 ELSE 28 END"
                + " WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END";
    }

    /**
     * The number (as {@link #monthIndex}) of the first month whose last day is after the date: the
     * date's month, or the next one when the date is its month's last day.
     */
    public static String firstMonthEndAfter(String column) {
        return "(" + monthIndex(column) + " + CASE WHEN " + lastDayOfMonth(column) + " THEN 1 ELSE 0 END)";
    }
}
