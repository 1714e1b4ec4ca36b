package io.huikuan.ledger;

import io.huikuan.common.SqlLike;
import io.huikuan.identity.CurrentUser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds the WHERE clause and parameters of a list query; every list starts with the portfolio scope. */
final class SqlFilter {

    private final StringBuilder where = new StringBuilder(" WHERE 1=1");
    private final List<Object> params = new ArrayList<>();

    /** Starts a filter limited to the current user's portfolio ({@code ownerColumn} = customer owner). */
    static SqlFilter scoped(String ownerColumn) {
        SqlFilter f = new SqlFilter();
        CurrentUser user = CurrentUser.get();
        if (user.portfolioOnly()) {
            f.where.append(" AND ").append(ownerColumn).append(" = ?");
            f.params.add(user.username());
        }
        return f;
    }

    SqlFilter eq(String column, String value) {
        if (notBlank(value)) {
            where.append(" AND ").append(column).append(" = ?");
            params.add(value.trim());
        }
        return this;
    }

    /** Case-insensitive "contains" over any of the columns; {@code %} and {@code _} are literal. */
    SqlFilter contains(String value, String... columns) {
        if (notBlank(value)) {
            String like = SqlLike.contains(value);
            List<String> ors = new ArrayList<>();
            for (String c : columns) {
                ors.add(SqlLike.condition(c));
                params.add(like);
            }
            where.append(" AND (").append(String.join(" OR ", ors)).append(")");
        }
        return this;
    }

    SqlFilter onOrAfter(String column, LocalDate date) {
        if (date != null) {
            where.append(" AND ").append(column).append(" >= ?");
            params.add(java.sql.Date.valueOf(date));
        }
        return this;
    }

    SqlFilter onOrBefore(String column, LocalDate date) {
        if (date != null) {
            where.append(" AND ").append(column).append(" <= ?");
            params.add(java.sql.Date.valueOf(date));
        }
        return this;
    }

    /** A condition with its own parameters. */
    SqlFilter and(String condition, Object... values) {
        where.append(" AND ").append(condition);
        params.addAll(List.of(values));
        return this;
    }

    String sql() {
        return where.toString();
    }

    List<Object> params() {
        return params;
    }

    /** The parameters followed by LIMIT and OFFSET values. */
    List<Object> paged(int page, int size) {
        List<Object> all = new ArrayList<>(params);
        all.add(size);
        all.add((long) page * size);
        return all;
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
