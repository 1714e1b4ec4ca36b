package io.huikuan.worklist;

import io.huikuan.common.SqlLike;
import io.huikuan.customer.PersonalityType;
import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.ledger.History;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The script library (话术库): everyone reads and searches it, the task and activity forms ask it
 * for suggestions; managers add, change (a new version each time) and delete scripts. Every text
 * is checked against the conduct rules' banned wording before it is stored.
 */
@Service
public class ScriptLibrary {

    /** What a list may be narrowed to; null fields do not narrow. {@code q} searches titles and texts. */
    public record Filter(ScriptStage stage, Excuse excuse, PersonalityType personality, Tone tone, ScriptMethod method, String q) {
    }

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final JdbcClient jdbc;
    private final ConductRules conduct;
    private final History history;
    private final Clock clock;

    ScriptLibrary(JdbcClient jdbc, ConductRules conduct, History history, Clock clock) {
        this.jdbc = jdbc;
        this.conduct = conduct;
        this.history = history;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Script> list(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT * FROM script WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.stage() != null) {
            sql.append(" AND stage = ?");
            params.add(f.stage().name());
        }
        if (f.excuse() != null) {
            sql.append(" AND (excuse = ? OR excuse IS NULL)");
            params.add(f.excuse().name());
        }
        if (f.personality() != null) {
            sql.append(" AND (personality = ? OR personality IS NULL)");
            params.add(f.personality().name());
        }
        if (f.tone() != null) {
            sql.append(" AND tone = ?");
            params.add(f.tone().name());
        }
        if (f.method() != null) {
            sql.append(" AND method = ?");
            params.add(f.method().name());
        }
        if (f.q() != null && !f.q().isBlank()) {
            sql.append(" AND (").append(SqlLike.condition("title_zh")).append(" OR ").append(SqlLike.condition("title_en"))
                    .append(" OR ").append(SqlLike.condition("text_zh")).append(" OR ").append(SqlLike.condition("text_en")).append(")");
            String like = SqlLike.contains(f.q());
            params.addAll(List.of(like, like, like, like));
        }
        sql.append(" ORDER BY code");
        return jdbc.sql(sql.toString()).params(params).query(ScriptLibrary::map).list();
    }

    public Script get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("script", code));
    }

    public Optional<Script> find(String code) {
        return jdbc.sql("SELECT * FROM script WHERE code = ?").param(code).query(ScriptLibrary::map).optional();
    }

    /**
     * The scripts that fit an excuse and a personality type at a stage, best first: an exact match on the
     * excuse counts most, then on the stage, then on the personality; scripts for any excuse or personality come
     * after the specific ones. With no excuse heard, only the scripts for any excuse: a call is not answered with the
     * script for "the boss must sign" before anyone said so. The stage also limits what is offered ({@link #fits}): a pre-due reminder only
     * before the due date, a final demand only at the final stage. Stage null: any stage. At most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<Script> suggest(Excuse excuse, PersonalityType personality, ScriptStage stage, int limit) {
        List<Script> candidates = list(new Filter(null, excuse, personality, null, null, null));
        Comparator<Script> byFit = Comparator.comparingInt((Script s) -> score(s, excuse, personality, stage)).reversed()
                .thenComparing(Script::code);
        return candidates.stream().filter(s -> fits(s.stage(), stage)).filter(s -> excuse != null || s.excuse() == null).sorted(byFit)
                .limit(Math.max(1, limit)).toList();
    }

    /**
     * Whether a script written for one stage may be said at another: at its own stage, and (when the stage has too
     * few scripts for the excuse) a script of the stage before, never a pre-due reminder once an invoice is overdue
     * and never a final demand before the final stage. {@code at} null: any.
     */
    public static boolean fits(ScriptStage script, ScriptStage at) {
        if (at == null) {
            return true;
        }
        return switch (at) {
            case REMINDER -> script == ScriptStage.REMINDER;
            case FOLLOW_UP -> script == ScriptStage.FOLLOW_UP;
            case ESCALATION -> script == ScriptStage.ESCALATION || script == ScriptStage.FOLLOW_UP;
            case FINAL -> script == ScriptStage.FINAL || script == ScriptStage.ESCALATION;
        };
    }

    private static int score(Script s, Excuse excuse, PersonalityType personality, ScriptStage stage) {
        int score = 0;
        if (excuse != null && s.excuse() == excuse) {
            score += 4;
        }
        if (personality == null && s.personality() == null) {
            score += 1;
        }
        if (stage != null && s.stage() == stage) {
            score += 3;
        }
        if (personality != null && s.personality() == personality) {
            score += 2;
        }
        return score;
    }

    /** Adds a script (managers); every rule names its field. */
    @Transactional
    public Script create(Script s) {
        CurrentUser user = CurrentUser.require("edit the script library", Role.MANAGER);
        check(s, true);
        if (find(s.code()).isPresent()) {
            throw new ConflictException("code", "script '" + s.code() + "' already exists");
        }
        Instant now = Instant.now(clock);
        jdbc.sql("""
                INSERT INTO script (code, stage, excuse, personality, tone, method, title_zh, title_en, text_zh, text_en, when_zh, when_en,
                                    version, updated_by, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1,?,?)""")
                .params(s.code(), s.stage().name(), name(s.excuse()), name(s.personality()), s.tone().name(), s.method().name(),
                        s.titleZh().trim(), s.titleEn().trim(), s.textZh().trim(), s.textEn().trim(), s.whenZh().trim(), s.whenEn().trim(),
                        user.username(), Timestamp.from(now))
                .update();
        Script created = get(s.code());
        history.record("SCRIPT", s.code(), null, "CREATE", null, created, user.username(), null);
        return created;
    }

    /** Changes a script (managers): its version goes up by one. */
    @Transactional
    public Script update(String code, Script s) {
        CurrentUser user = CurrentUser.require("edit the script library", Role.MANAGER);
        Script before = get(code);
        check(s, false);
        jdbc.sql("""
                UPDATE script SET stage = ?, excuse = ?, personality = ?, tone = ?, method = ?, title_zh = ?, title_en = ?, text_zh = ?,
                                  text_en = ?, when_zh = ?, when_en = ?, version = version + 1, updated_by = ?, updated_at = ?
                WHERE code = ?""")
                .params(s.stage().name(), name(s.excuse()), name(s.personality()), s.tone().name(), s.method().name(), s.titleZh().trim(),
                        s.titleEn().trim(), s.textZh().trim(), s.textEn().trim(), s.whenZh().trim(), s.whenEn().trim(), user.username(),
                        Timestamp.from(Instant.now(clock)), code)
                .update();
        Script after = get(code);
        history.record("SCRIPT", code, null, "UPDATE", before, after, user.username(), null);
        return after;
    }

    @Transactional
    public void delete(String code) {
        CurrentUser user = CurrentUser.require("edit the script library", Role.MANAGER);
        Script before = get(code);
        jdbc.sql("DELETE FROM script WHERE code = ?").param(code).update();
        history.record("SCRIPT", code, null, "DELETE", before, null, user.username(), null);
    }

    private void check(Script s, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (creating && (s.code() == null || !CODE.matcher(s.code()).matches())) {
            errors.add(new FieldError("code", s.code(), "1 to 40 letters, digits, '-' or '_'"));
        }
        if (s.stage() == null) {
            errors.add(new FieldError("stage", null, "required: one of " + Arrays.toString(ScriptStage.values())));
        }
        if (s.tone() == null) {
            errors.add(new FieldError("tone", null, "required: one of " + Arrays.toString(Tone.values())));
        }
        if (s.method() == null) {
            errors.add(new FieldError("method", null, "required: one of " + Arrays.toString(ScriptMethod.values())));
        }
        text(errors, "titleZh", s.titleZh(), 200);
        text(errors, "titleEn", s.titleEn(), 200);
        text(errors, "textZh", s.textZh(), 2000);
        text(errors, "textEn", s.textEn(), 2000);
        text(errors, "whenZh", s.whenZh(), 500);
        text(errors, "whenEn", s.whenEn(), 500);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.coded(field, value, "required", "required"));
            return;
        }
        if (value.trim().length() > max) {
            errors.add(new FieldError(field, value.length(), "at most " + max + " characters"));
            return;
        }
        conduct.bannedWordIn(value).ifPresent(word -> errors.add(FieldError.coded(field, word, "conduct.bannedWord",
                "contains '" + word + "', which the conduct rules forbid (abusive or threatening wording)", word)));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Script map(ResultSet rs, int n) throws SQLException {
        String excuse = rs.getString("excuse");
        String personality = rs.getString("personality");
        return new Script(rs.getString("code"), ScriptStage.valueOf(rs.getString("stage")), excuse == null ? null : Excuse.valueOf(excuse),
                personality == null ? null : PersonalityType.valueOf(personality), Tone.valueOf(rs.getString("tone")),
                ScriptMethod.valueOf(rs.getString("method")), rs.getString("title_zh"), rs.getString("title_en"), rs.getString("text_zh"),
                rs.getString("text_en"), rs.getString("when_zh"), rs.getString("when_en"), rs.getInt("version"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
