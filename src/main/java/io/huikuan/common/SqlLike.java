package io.huikuan.common;

import java.util.Locale;

/**
 * LIKE patterns built from what a user typed, read literally on H2 and PostgreSQL: {@code %}, {@code _}
 * and the escape character itself match only themselves. Use {@link #condition} (or append
 * {@link #ESCAPE}) with the pattern from {@link #contains} or {@link #startsWith}; a pattern without
 * the ESCAPE clause would depend on each database's default escape character.
 */
public final class SqlLike {

    /** The escape character of every pattern built here. */
    public static final char ESCAPE_CHAR = '\\';

    /** The clause that follows {@code column LIKE ?}, naming the escape character explicitly. */
    public static final String ESCAPE = " ESCAPE '" + ESCAPE_CHAR + "'";

    private SqlLike() {
    }

    /** {@code text} with the escape character, {@code %} and {@code _} escaped: a pattern matching exactly it. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE_CHAR || c == '%' || c == '_') {
                out.append(ESCAPE_CHAR);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The pattern for "contains what was typed", trimmed and in lower case (compare with {@code lower(column)}). */
    public static String contains(String typed) {
        return "%" + escape(typed.trim().toLowerCase(Locale.ROOT)) + "%";
    }

    /** The pattern for "starts with {@code prefix}", exactly as given (case-sensitive). */
    public static String startsWith(String prefix) {
        return escape(prefix) + "%";
    }

    /** {@code lower(column) LIKE ? ESCAPE '\'}: a case-insensitive match against a {@link #contains} pattern. */
    public static String condition(String column) {
        return "lower(" + column + ") LIKE ?" + ESCAPE;
    }
}
