package io.huikuan.credit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The rows of {@code credit_application}. */
@Repository
class CreditApplicationStore {

    /** A new application as validated. */
    record NewRow(long customerId, String kind, BigDecimal requestedLimit, Integer creditDays, BigDecimal currentLimit, BigDecimal revenue,
            BigDecimal profit, BigDecimal equity, BigDecimal liabilities, BigDecimal registeredCapital, Integer years, String guarantees,
            String bankReferences, String note, int score, String grade, BigDecimal recommended, List<String> reasons, String by, Instant at) {
    }

    private static final String SELECT = """
            SELECT a.*, c.code, c.name FROM credit_application a JOIN customer c ON c.id = a.customer_id""";

    private final JdbcClient jdbc;
    private final CreditApplicationPolicies policies;

    CreditApplicationStore(JdbcClient jdbc, CreditApplicationPolicies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    long insert(NewRow r) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO credit_application (customer_id, kind, status, requested_limit, credit_days, current_limit, revenue, profit, equity,
                  total_liabilities, registered_capital, years_in_business, guarantees, bank_references, note, score, grade, recommended_limit,
                  reasons, applied_by, applied_at)
                VALUES (?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.customerId(), r.kind(), r.requestedLimit(), r.creditDays(), r.currentLimit(), r.revenue(), r.profit(), r.equity(),
                        r.liabilities(), r.registeredCapital(), r.years(), r.guarantees(), r.bankReferences(), r.note(), r.score(), r.grade(),
                        r.recommended(), String.join("\n", r.reasons()), r.by(), Timestamp.from(r.at()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<CreditApplication> find(long id) {
        CreditApplicationPolicy p = policies.current();
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query((rs, n) -> row(rs, p)).optional();
    }

    Long customerId(long id) {
        return jdbc.sql("SELECT customer_id FROM credit_application WHERE id = ?").param(id).query(Long.class).optional().orElse(null);
    }

    /** Newest first, at most 500; {@code owner} non-null: only that collector's customers. */
    List<CreditApplication> list(String status, Long customerId, String owner) {
        CreditApplicationPolicy p = policies.current();
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND a.status = ?");
            args.add(status);
        }
        if (customerId != null) {
            sql.append(" AND a.customer_id = ?");
            args.add(customerId);
        }
        if (owner != null) {
            sql.append(" AND c.owner = ?");
            args.add(owner);
        }
        sql.append(" ORDER BY a.id DESC FETCH FIRST 500 ROWS ONLY");
        return jdbc.sql(sql.toString()).params(args).query((rs, n) -> row(rs, p)).list();
    }

    /**
     * The documents of these applications (in the document store with owner kind CREDIT_APPLICATION), by application, in
     * one indexed statement.
     */
    java.util.Map<Long, List<CreditApplication.Document>> documents(java.util.Collection<Long> ids) {
        java.util.Map<Long, List<CreditApplication.Document>> by = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return by;
        }
        jdbc.sql("""
                SELECT id, owner_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at FROM attachment
                WHERE owner_kind = 'CREDIT_APPLICATION' AND owner_id IN (:ids) ORDER BY id""")
                .param("ids", ids.stream().map(String::valueOf).toList())
                .query((rs, n) -> {
                    by.computeIfAbsent(Long.parseLong(rs.getString(2)), k -> new ArrayList<>()).add(new CreditApplication.Document(rs.getLong(1),
                            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6).strip(), rs.getString(7), rs.getTimestamp(8).toInstant()));
                    return null;
                })
                .list();
        return by;
    }

    boolean approve(long id, BigDecimal limit, Integer days, String grade, String by, Instant at, String note) {
        return jdbc.sql("""
                UPDATE credit_application SET status = 'APPROVED', approved_limit = ?, approved_days = ?, approved_grade = ?, decided_by = ?,
                  decided_at = ?, decision_note = ? WHERE id = ? AND status = 'SUBMITTED'""")
                .params(limit, days, grade, by, Timestamp.from(at), note, id).update() == 1;
    }

    boolean close(long id, String status, String by, Instant at, String note) {
        return jdbc.sql("UPDATE credit_application SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ? AND status = 'SUBMITTED'")
                .params(status, by, Timestamp.from(at), note, id).update() == 1;
    }

    private static CreditApplication row(ResultSet rs, CreditApplicationPolicy p) throws SQLException {
        BigDecimal requested = rs.getBigDecimal("requested_limit");
        BigDecimal recommended = rs.getBigDecimal("recommended_limit");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new CreditApplication(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("kind"), rs.getString("status"),
                requested, rs.getObject("credit_days", Integer.class), rs.getBigDecimal("current_limit"), rs.getBigDecimal("revenue"),
                rs.getBigDecimal("profit"), rs.getBigDecimal("equity"), rs.getBigDecimal("total_liabilities"), rs.getBigDecimal("registered_capital"),
                rs.getObject("years_in_business", Integer.class), rs.getString("guarantees"), rs.getString("bank_references"), rs.getString("note"),
                rs.getInt("score"), rs.getString("grade"), recommended, Arrays.asList(rs.getString("reasons").split("\n")),
                LimitRecommendation.required(p, requested, recommended).name(), rs.getString("applied_by"),
                rs.getTimestamp("applied_at").toInstant(), rs.getBigDecimal("approved_limit"), rs.getObject("approved_days", Integer.class),
                rs.getString("approved_grade"), rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
                rs.getString("decision_note"), List.of());
    }
}
