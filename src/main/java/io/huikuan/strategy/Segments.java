package io.huikuan.strategy;

import io.huikuan.common.InputRules;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Segments and their rules; managers edit, everyone signed in reads. */
@Service
public class Segments {

    private static final Pattern GRADE = Pattern.compile("[A-Z][A-Z0-9+-]{0,9}");
    private static final List<String> CREDIT_GRADES = List.of("A", "B", "C", "D", "E");

    private final JdbcClient jdbc;
    private final Clock clock;

    Segments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every segment in evaluation order. */
    @Transactional(readOnly = true)
    public List<Segment> list() {
        return jdbc.sql("""
                SELECT g.code, g.name_zh, g.name_en, g.position, g.grades, g.min_overdue_amount, g.max_overdue_amount, g.min_days_overdue,
                       g.max_days_overdue, g.min_relationship_months, g.max_relationship_months, g.min_promise_keeping, g.max_promise_keeping,
                       g.flag, s.code strategy_code, g.active, g.updated_by, g.updated_at, g.min_score, g.max_score, g.credit_grades, g.over_limit, g.min_open_alerts
                FROM segment g JOIN strategy s ON s.id = g.strategy_id ORDER BY g.position, g.code""")
                .query((rs, n) -> new Segment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7), (Integer) rs.getObject(8, Integer.class), rs.getObject(9, Integer.class),
                        rs.getObject(10, Integer.class), rs.getObject(11, Integer.class), rs.getBigDecimal(12), rs.getBigDecimal(13),
                        rs.getString(14), rs.getObject(19, Integer.class), rs.getObject(20, Integer.class), rs.getString(21),
                        rs.getObject(22, Boolean.class), rs.getObject(23, Integer.class), rs.getString(15), rs.getBoolean(16), rs.getString(17), rs.getTimestamp(18).toInstant()))
                .list();
    }

    /** How many customers the last collection run put in each segment, by segment code. */
    @Transactional(readOnly = true)
    public java.util.Map<String, Integer> customerCounts() {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        jdbc.sql("SELECT segment_code, count(*) FROM customer_segment GROUP BY segment_code")
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getInt(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The segment the last collection run put a customer in and that segment's strategy (the customer page's header). */
    public record Placement(String segmentCode, String segmentNameZh, String segmentNameEn, String strategyCode, String strategyNameZh,
            String strategyNameEn, java.time.LocalDate asOf) {
    }

    /** Where the last run placed the customer; empty when no run has placed it yet. */
    @Transactional(readOnly = true)
    public Optional<Placement> placement(long customerId) {
        return jdbc.sql("""
                SELECT g.code, g.name_zh, g.name_en, s.code, s.name_zh, s.name_en, cs.as_of
                FROM customer_segment cs JOIN segment g ON g.code = cs.segment_code JOIN strategy s ON s.id = g.strategy_id
                WHERE cs.customer_id = ?""")
                .param(customerId).query((rs, n) -> new Placement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate())).optional();
    }

    @Transactional(readOnly = true)
    public Segment get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("segment", code));
    }

    private Optional<Segment> find(String code) {
        return list().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The first active segment the customer matches (null when none does: it is then not collected by any strategy). */
    static Segment assign(List<Segment> ordered, CustomerFacts facts) {
        for (Segment s : ordered) {
            if (s.active() && s.matches(facts)) {
                return s;
            }
        }
        return null;
    }

    /** Creates or replaces the segment {@code s.code()} (managers); checks every rule and names the field. */
    @Transactional
    public Segment save(Segment s) {
        CurrentUser user = CurrentUser.require("edit segments", Role.MANAGER);
        List<FieldError> errors = new ArrayList<>();
        if (s.code() == null || !Strategies.CODE.matcher(s.code()).matches()) {
            errors.add(FieldError.coded("code", s.code(), "strategy.code", "must be 2-40 capital letters, digits or '_', starting with a letter"));
        }
        if (s.nameZh() == null || s.nameZh().isBlank() || s.nameZh().length() > 200) {
            errors.add(FieldError.coded("nameZh", s.nameZh(), "strategy.name", "is required (at most 200 characters)"));
        }
        if (s.nameEn() == null || s.nameEn().isBlank() || s.nameEn().length() > 200) {
            errors.add(FieldError.coded("nameEn", s.nameEn(), "strategy.name", "is required (at most 200 characters)"));
        }
        if (s.position() < 1 || s.position() > 9999) {
            errors.add(FieldError.coded("position", s.position(), "segment.position", "must be between 1 and 9999"));
        }
        String grades = null;
        if (s.grades() != null && !s.grades().isBlank()) {
            List<String> list = Arrays.stream(s.grades().split(",")).map(g -> g.trim().toUpperCase(Locale.ROOT)).filter(g -> !g.isEmpty()).toList();
            for (String g : list) {
                if (!GRADE.matcher(g).matches()) {
                    errors.add(FieldError.coded("grades", s.grades(), "segment.grades", "must be a comma list of grades such as A,B"));
                    break;
                }
            }
            grades = list.stream().distinct().collect(Collectors.joining(","));
        }
        range(errors, "OverdueAmount", s.minOverdueAmount(), s.maxOverdueAmount(), InputRules.MAX_AMOUNT);
        range(errors, "DaysOverdue", dec(s.minDaysOverdue()), dec(s.maxDaysOverdue()), null);
        range(errors, "RelationshipMonths", dec(s.minRelationshipMonths()), dec(s.maxRelationshipMonths()), null);
        range(errors, "PromiseKeeping", s.minPromiseKeeping(), s.maxPromiseKeeping(), BigDecimal.valueOf(100));
        range(errors, "Score", dec(s.minScore()), dec(s.maxScore()), BigDecimal.valueOf(100));
        String creditGrades = null;
        if (s.creditGrades() != null && !s.creditGrades().isBlank()) {
            List<String> list = Arrays.stream(s.creditGrades().split(",")).map(g -> g.trim().toUpperCase(Locale.ROOT)).filter(g -> !g.isEmpty())
                    .toList();
            if (list.stream().anyMatch(g -> !CREDIT_GRADES.contains(g))) {
                errors.add(FieldError.coded("creditGrades", s.creditGrades(), "segment.creditGrades", "must be a comma list of the grades A to E"));
            }
            creditGrades = list.stream().sorted().distinct().collect(Collectors.joining(","));
        }
        if (s.minOpenAlerts() != null && (s.minOpenAlerts() < 1 || s.minOpenAlerts() > 999)) {
            errors.add(FieldError.coded("minOpenAlerts", s.minOpenAlerts(), "segment.minOpenAlerts", "must be from 1 to 999"));
        }
        String flag = s.flag() == null || s.flag().isBlank() ? null : s.flag().trim().toUpperCase(Locale.ROOT);
        if (flag != null && !Segment.FLAGS.contains(flag)) {
            errors.add(FieldError.coded("flag", s.flag(), "segment.flag", "must be one of " + Segment.FLAGS, String.join(", ", Segment.FLAGS)));
        }
        Long strategyId = s.strategyCode() == null ? null
                : jdbc.sql("SELECT id FROM strategy WHERE code = ?").param(s.strategyCode()).query(Long.class).optional().orElse(null);
        if (strategyId == null) {
            errors.add(FieldError.coded("strategyCode", s.strategyCode(), "segment.strategy", "must name an existing strategy"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        boolean exists = jdbc.sql("SELECT count(*) FROM segment WHERE code = ?").param(s.code()).query(Integer.class).single() > 0;
        String sql = exists ? """
                UPDATE segment SET name_zh = :nameZh, name_en = :nameEn, position = :position, grades = :grades, min_overdue_amount = :minAmt,
                    max_overdue_amount = :maxAmt, min_days_overdue = :minDays, max_days_overdue = :maxDays, min_relationship_months = :minRel,
                    max_relationship_months = :maxRel, min_promise_keeping = :minKeep, max_promise_keeping = :maxKeep, flag = :flag,
                    min_score = :minScore, max_score = :maxScore, credit_grades = :creditGrades, over_limit = :overLimit, min_open_alerts = :minAlerts, strategy_id = :strategy, active = :active, updated_by = :by, updated_at = :at WHERE code = :code""" : """
                INSERT INTO segment (code, name_zh, name_en, position, grades, min_overdue_amount, max_overdue_amount, min_days_overdue,
                    max_days_overdue, min_relationship_months, max_relationship_months, min_promise_keeping, max_promise_keeping, flag,
                    min_score, max_score, credit_grades, over_limit, min_open_alerts, strategy_id, active, updated_by, updated_at)
                VALUES (:code, :nameZh, :nameEn, :position, :grades, :minAmt, :maxAmt, :minDays, :maxDays, :minRel, :maxRel, :minKeep,
                    :maxKeep, :flag, :minScore, :maxScore, :creditGrades, :overLimit, :minAlerts, :strategy, :active, :by, :at)""";
        jdbc.sql(sql).param("code", s.code()).param("nameZh", s.nameZh().strip()).param("nameEn", s.nameEn().strip())
                .param("position", s.position()).param("grades", grades, java.sql.Types.VARCHAR)
                .param("minAmt", s.minOverdueAmount(), java.sql.Types.NUMERIC).param("maxAmt", s.maxOverdueAmount(), java.sql.Types.NUMERIC)
                .param("minDays", s.minDaysOverdue(), java.sql.Types.INTEGER).param("maxDays", s.maxDaysOverdue(), java.sql.Types.INTEGER)
                .param("minRel", s.minRelationshipMonths(), java.sql.Types.INTEGER)
                .param("maxRel", s.maxRelationshipMonths(), java.sql.Types.INTEGER)
                .param("minKeep", s.minPromiseKeeping(), java.sql.Types.NUMERIC).param("maxKeep", s.maxPromiseKeeping(), java.sql.Types.NUMERIC)
                .param("flag", flag, java.sql.Types.VARCHAR)
                .param("minScore", s.minScore(), java.sql.Types.INTEGER).param("maxScore", s.maxScore(), java.sql.Types.INTEGER)
                .param("creditGrades", creditGrades, java.sql.Types.VARCHAR).param("overLimit", s.overLimit(), java.sql.Types.BOOLEAN)
                .param("minAlerts", s.minOpenAlerts(), java.sql.Types.INTEGER)
                .param("strategy", strategyId).param("active", s.active())
                .param("by", user.username()).param("at", now).update();
        return get(s.code());
    }

    private static BigDecimal dec(Integer i) {
        return i == null ? null : BigDecimal.valueOf(i);
    }

    /** Both bounds ≥ 0 (≤ {@code max} when given) and min ≤ max; fields minX/maxX. */
    private static void range(List<FieldError> errors, String what, BigDecimal min, BigDecimal max, BigDecimal cap) {
        for (var e : new Object[][] {{"min" + what, min}, {"max" + what, max}}) {
            BigDecimal v = (BigDecimal) e[1];
            if (v != null && (v.signum() < 0 || (cap != null && v.compareTo(cap) > 0))) {
                errors.add(FieldError.coded((String) e[0], v, "segment.bound", cap == null ? "must be 0 or more" : "must be between 0 and " + cap));
            }
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add(FieldError.coded("min" + what, min, "segment.min-max", "must not exceed max" + what + " (" + max + ")", max));
        }
    }
}
