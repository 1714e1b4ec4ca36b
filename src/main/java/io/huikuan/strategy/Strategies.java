package io.huikuan.strategy;

import io.huikuan.common.InputRules;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.Tone;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Strategies (playbooks) and their versions. Saving steps never changes a version: it adds the next
 * one and makes it current, so every task keeps the version that produced it. Managers and admins
 * edit; everyone signed in reads.
 */
@Service
public class Strategies {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    static final Pattern TEMPLATE = Pattern.compile("[a-z][a-z0-9_]{0,59}");
    /** Steps may start up to this many days before the due date and go on up to this many after. */
    static final int MIN_OFFSET = -60;
    static final int MAX_OFFSET = 730;

    private final JdbcClient jdbc;
    private final Clock clock;

    Strategies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every strategy at its current version. */
    @Transactional(readOnly = true)
    public List<Strategy> list() {
        List<String> codes = jdbc.sql("SELECT code FROM strategy ORDER BY code").query(String.class).list();
        return codes.stream().map(this::get).toList();
    }

    /** The strategy at its current version (404 when unknown). */
    @Transactional(readOnly = true)
    public Strategy get(String code) {
        return get(code, null);
    }

    /** The strategy at version {@code number} (current when null). */
    @Transactional(readOnly = true)
    public Strategy get(String code, Integer number) {
        record Head(long id, String code, String nameZh, String nameEn, int current) {
        }
        Head h = jdbc.sql("SELECT id, code, name_zh, name_en, current_version FROM strategy WHERE code = ?").param(code)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5))).optional()
                .orElseThrow(() -> new NotFoundException("strategy", code));
        int v = number == null ? h.current() : number;
        Strategy.Version version = versionsOf(h.id(), v).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("strategy version", code + " v" + v));
        return new Strategy(h.code(), h.nameZh(), h.nameEn(), h.current(), version);
    }

    /** Every version of a strategy, newest first. */
    @Transactional(readOnly = true)
    public List<Strategy.Version> versions(String code) {
        long id = get(code).version().id();
        long strategyId = jdbc.sql("SELECT strategy_id FROM strategy_version WHERE id = ?").param(id).query(Long.class).single();
        return versionsOf(strategyId, null);
    }

    /** The current version of every strategy by code (what the run uses). */
    @Transactional(readOnly = true)
    public Map<String, Strategy.Version> current() {
        Map<String, Strategy.Version> out = new LinkedHashMap<>();
        for (Strategy s : list()) {
            out.put(s.code(), s.version());
        }
        return out;
    }

    private List<Strategy.Version> versionsOf(long strategyId, Integer number) {
        List<Strategy.Version> heads = jdbc.sql("""
                SELECT id, version, note, created_by, created_at FROM strategy_version
                WHERE strategy_id = :s AND (:v IS NULL OR version = :v) ORDER BY version DESC""")
                .param("s", strategyId).param("v", number, java.sql.Types.INTEGER)
                .query((rs, n) -> new Strategy.Version(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), List.of()))
                .list();
        List<Strategy.Version> out = new ArrayList<>();
        for (Strategy.Version h : heads) {
            List<Step> steps = jdbc.sql("""
                    SELECT position, day_offset, channel, tone, owner_role, template, min_amount, approval FROM strategy_step
                    WHERE version_id = ? ORDER BY day_offset""").param(h.id())
                    .query((rs, n) -> new Step(rs.getInt(1), rs.getInt(2), Channel.valueOf(rs.getString(3)), Tone.valueOf(rs.getString(4)),
                            Role.valueOf(rs.getString(5)), rs.getString(6), rs.getBigDecimal(7), rs.getBoolean(8)))
                    .list();
            out.add(new Strategy.Version(h.id(), h.number(), h.note(), h.createdBy(), h.createdAt(), steps));
        }
        return out;
    }

    /** Saves {@code steps} as the strategy's next version and makes it current (managers). */
    @Transactional
    public Strategy saveVersion(String code, List<Step> steps, String note) {
        CurrentUser user = CurrentUser.require("edit strategies", Role.MANAGER);
        Strategy current = get(code);
        checkNote(note);
        List<Step> checked = check(steps);
        long strategyId = jdbc.sql("SELECT id FROM strategy WHERE code = ? FOR UPDATE").param(code).query(Long.class).single();
        int next = jdbc.sql("SELECT max(version) FROM strategy_version WHERE strategy_id = ?").param(strategyId).query(Integer.class).single() + 1;
        insertVersion(strategyId, next, note, user.username(), checked);
        jdbc.sql("UPDATE strategy SET current_version = ? WHERE id = ?").params(next, strategyId).update();
        return get(current.code());
    }

    /** Creates a strategy with its first version (managers). */
    @Transactional
    public Strategy create(String code, String nameZh, String nameEn, List<Step> steps, String note) {
        CurrentUser user = CurrentUser.require("create strategies", Role.MANAGER);
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(FieldError.coded("code", code, "strategy.code", "must be 2-40 capital letters, digits or '_', starting with a letter"));
        } else if (jdbc.sql("SELECT count(*) FROM strategy WHERE code = ?").param(code).query(Integer.class).single() > 0) {
            errors.add(FieldError.coded("code", code, "strategy.code-taken", "a strategy with this code exists"));
        }
        InputRules.length(errors, "note", note, 500);
        if (nameZh == null || nameZh.isBlank() || nameZh.length() > 200) {
            errors.add(FieldError.coded("nameZh", nameZh, "strategy.name", "is required (at most 200 characters)"));
        }
        if (nameEn == null || nameEn.isBlank() || nameEn.length() > 200) {
            errors.add(FieldError.coded("nameEn", nameEn, "strategy.name", "is required (at most 200 characters)"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<Step> checked = check(steps);
        jdbc.sql("INSERT INTO strategy (code, name_zh, name_en, current_version) VALUES (?, ?, ?, 1)")
                .params(code, nameZh.strip(), nameEn.strip()).update();
        long id = jdbc.sql("SELECT id FROM strategy WHERE code = ?").param(code).query(Long.class).single();
        insertVersion(id, 1, note, user.username(), checked);
        return get(code);
    }

    private static void checkNote(String note) {
        List<FieldError> errors = new ArrayList<>();
        InputRules.length(errors, "note", note, 500);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private void insertVersion(long strategyId, int number, String note, String by, List<Step> steps) {
        jdbc.sql("INSERT INTO strategy_version (strategy_id, version, note, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(strategyId, number, note == null || note.isBlank() ? null : note.strip(), by, Timestamp.from(Instant.now(clock)))
                .update();
        long versionId = jdbc.sql("SELECT id FROM strategy_version WHERE strategy_id = ? AND version = ?").params(strategyId, number)
                .query(Long.class).single();
        for (Step s : steps) {
            jdbc.sql("""
                    INSERT INTO strategy_step (version_id, position, day_offset, channel, tone, owner_role, template, min_amount, approval)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(versionId, s.position(), s.dayOffset(), s.channel().name(), s.tone().name(), s.ownerRole().name(), s.template(),
                            s.minAmount(), s.approval())
                    .update();
        }
    }

    /**
     * Checks steps (at least one; each with channel, tone and owner role; offsets unique within
     * {@value #MIN_OFFSET}..{@value #MAX_OFFSET}; a minimum amount ≥ 0 with two decimals at most;
     * template a lower-case code) and numbers them by offset. Errors name {@code steps[i].field}.
     */
    static List<Step> check(List<Step> steps) {
        List<FieldError> errors = new ArrayList<>();
        if (steps == null || steps.isEmpty()) {
            throw ValidationException.coded("steps", null, "strategy.no-steps", "a strategy needs at least one step");
        }
        Set<Integer> offsets = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String at = "steps[" + i + "].";
            if (s == null) {
                errors.add(FieldError.coded("steps[" + i + "]", null, "strategy.step-missing", "is empty"));
                continue;
            }
            if (s.dayOffset() < MIN_OFFSET || s.dayOffset() > MAX_OFFSET) {
                errors.add(FieldError.coded(at + "dayOffset", s.dayOffset(), "strategy.offset-range",
                        "must be between " + MIN_OFFSET + " and " + MAX_OFFSET + " days", MIN_OFFSET, MAX_OFFSET));
            } else if (!offsets.add(s.dayOffset())) {
                errors.add(FieldError.coded(at + "dayOffset", s.dayOffset(), "strategy.offset-twice", "two steps on the same day"));
            }
            if (s.channel() == null) {
                errors.add(FieldError.coded(at + "channel", null, "strategy.channel", "is required"));
            }
            if (s.tone() == null) {
                errors.add(FieldError.coded(at + "tone", null, "strategy.tone", "is required"));
            }
            if (s.ownerRole() == null) {
                errors.add(FieldError.coded(at + "ownerRole", null, "strategy.owner-role", "is required"));
            }
            if (s.minAmount() != null && (s.minAmount().signum() < 0 || s.minAmount().stripTrailingZeros().scale() > 2
                    || s.minAmount().compareTo(InputRules.MAX_AMOUNT) > 0)) {
                errors.add(FieldError.coded(at + "minAmount", s.minAmount(), "strategy.min-amount", "must be 0 or more with at most 2 decimals"));
            }
            if (s.template() != null && !s.template().isBlank() && !TEMPLATE.matcher(s.template()).matches()) {
                errors.add(FieldError.coded(at + "template", s.template(), "strategy.template",
                        "must be a lower-case code (letters, digits, '_')"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<Step> sorted = steps.stream().sorted(java.util.Comparator.comparingInt(Step::dayOffset)).toList();
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Step s = sorted.get(i);
            BigDecimal min = s.minAmount() == null ? null : s.minAmount().setScale(2);
            String template = s.template() == null || s.template().isBlank() ? null : s.template();
            out.add(new Step(i + 1, s.dayOffset(), s.channel(), s.tone(), s.ownerRole(), template, min, s.approval()));
        }
        return out;
    }
}
