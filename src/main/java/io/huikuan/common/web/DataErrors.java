package io.huikuan.common.web;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a database's refusal of a value (SQL state class 22, "data exception": a text too long for
 * its column, a number or date out of range, a byte the encoding cannot hold) so that it answers 400
 * rather than 409. This is the safety net behind the input rules checked before the database;
 * the column is named when the database's message says it (H2 does, PostgreSQL does not).
 */
final class DataErrors {

    /** H2: {@code Value too long for column "note CHARACTER VARYING(500)"}. */
    private static final Pattern H2_COLUMN = Pattern.compile("column \"([^\" ]+)(?: [^\"]*?(?:\\((\\d+)\\))?)?\"", Pattern.CASE_INSENSITIVE);
    /** PostgreSQL: {@code value too long for type character varying(500)}. */
    private static final Pattern PG_LENGTH = Pattern.compile("character varying\\((\\d+)\\)", Pattern.CASE_INSENSITIVE);

    record BadValue(String field, String detail) {
    }

    private DataErrors() {
    }

    static Optional<BadValue> badValue(Throwable e) {
        SQLException sql = sqlException(e);
        if (sql == null || sql.getSQLState() == null || !sql.getSQLState().startsWith("22")) {
            return Optional.empty();
        }
        String state = sql.getSQLState();
        String message = sql.getMessage() == null ? "" : sql.getMessage();
        String field = "value";
        String max = null;
        Matcher column = H2_COLUMN.matcher(message);
        boolean number = message.toUpperCase(Locale.ROOT).contains("NUMERIC");
        if (column.find()) {
            field = camelCase(column.group(1));
            max = column.group(2);
        }
        Matcher length = PG_LENGTH.matcher(message);
        if (max == null && length.find()) {
            max = length.group(1);
        }
        String what = switch (state) {
            case "22001" -> number ? "number too large" : max == null ? "text too long for its field" : "text too long (at most " + max + " characters)";
            case "22003" -> "number out of range";
            case "22007", "22008" -> "date or time out of range";
            case "22021", "22P05" -> "text holds a character that cannot be stored (e.g. a NUL byte)";
            default -> "value not accepted by the database (SQL state " + state + ")";
        };
        String detail = "value".equals(field) ? what : field + ": " + what;
        return Optional.of(new BadValue(field, detail));
    }

    /** The API's name of a column: {@code min_overdue_amount} → {@code minOverdueAmount}. */
    static String camelCase(String column) {
        StringBuilder name = new StringBuilder();
        boolean up = false;
        for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                up = name.length() > 0;
            } else {
                name.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return name.toString();
    }

    private static SQLException sqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }
}
