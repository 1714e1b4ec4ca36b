package io.huikuan.worklist;

import io.huikuan.common.Money;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.History;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly collection targets (催款目标) per collector (scope USER, key = username) and per team (scope TEAM, key =
 * the users' team), the month's progress, forecast, leaderboard and month-end evaluation.
 *
 * <p><b>Collected (actual)</b>: payments allocated to invoices of the collector's customers (by the customer's
 * current owner; a team: the customers of its members), counted by payment date within the month, up to today.
 * Unapplied cash counts once it is allocated.
 *
 * <p><b>Forecast</b> for a month not yet over: {@code collected + promised + planned}, where per customer
 * <ul><li>promised = the unpaid part (amount − paid so far) of its OPEN promises whose promised date lies from today
 * (or the month's first day, for a later month) to the month end — a promise already past its date is left to the
 * evaluation;</li>
 * <li>planned = what its collection plan for the month expects beyond that: {@code max(0, plan − collected −
 * promised)}, so a promise inside the plan is not counted twice.</li></ul>
 * For a past month the forecast is the collected amount. Worked example (today 2026-06-30, month 2026-06): customer
 * A collected 3,000, promised 2,000 due 06-30, plan 8,000 → 3,000 + 2,000 + 3,000; customer B collected 1,500,
 * promised 1,000, no plan → 1,500 + 1,000; customer C plan 4,000, nothing else → 4,000; forecast 14,500 against
 * collected 4,500.
 *
 * <p><b>Achieved</b> = collected ÷ target × 100 (2 decimals, HALF_UP; null without a positive target); a past month's
 * target is <b>met</b> when collected ≥ target. The <b>leaderboard</b> ranks collectors (users with the COLLECTOR role
 * and anyone with a target for the month) by achieved percent (those without a target last), then by collected, then
 * by username.
 *
 * <p>All of these are in the base currency (issue 12, item 15): payments and promises in other currencies do not
 * count towards a target; what was collected in each other currency is reported apart ({@code collectedOther}).
 */
@Service
public class Targets {

    /** The scope of a target. */
    public enum Scope {
        USER, TEAM
    }

    /** A target as stored. */
    public record Target(String month, Scope scope, String key, BigDecimal amount, String setBy, Instant setAt) {
    }

    /**
     * A collector's or team's month: target (null when none), collected, promised and planned (see the class comment),
     * forecast, achieved and forecast percent of target, whether the month is over, and (only then, with a target)
     * whether it was met.
     */
    public record Progress(String month, Scope scope, String key, LocalDate asOf, BigDecimal target, BigDecimal actual, BigDecimal promised,
            BigDecimal planned, BigDecimal forecast, BigDecimal achievedPercent, BigDecimal forecastPercent, boolean closed, Boolean met,
            Map<String, BigDecimal> collectedOther) {
    }

    /** One line of the leaderboard. */
    public record Standing(int rank, String username, String displayName, String team, BigDecimal target, BigDecimal actual,
            BigDecimal forecast, BigDecimal achievedPercent, Boolean met, Map<String, BigDecimal> collectedOther) {
    }

    /** A past month's evaluation: every collector's and team's result. */
    public record MonthEvaluation(String month, List<Standing> collectors, List<Progress> teams) {
    }

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern TEAM = Pattern.compile("[\\p{L}\\p{N} ._-]{1,64}");
    static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");

    private final JdbcClient jdbc;
    private final TargetQueries queries;
    private final UserDirectory users;
    private final History history;
    private final Clock clock;

    Targets(JdbcClient jdbc, TargetQueries queries, UserDirectory users, History history, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.users = users;
        this.history = history;
        this.clock = clock;
    }

    /** A month as yyyy-MM (blank: the current month); a bad one names {@code field}. */
    public YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            return YearMonth.now(clock);
        }
        String v = value.trim();
        try {
            if (MONTH.matcher(v).matches()) {
                return YearMonth.parse(v);
            }
        } catch (DateTimeParseException e) {
            // named below
        }
        throw ValidationException.coded(field, value, "month.format", "a month as yyyy-MM, e.g. 2026-06");
    }

    /** Sets (or replaces) a month's target of a collector or team (managers). */
    @Transactional
    public Target set(String month, String scope, String key, BigDecimal amount) {
        CurrentUser user = CurrentUser.require("set collection targets", Role.MANAGER);
        List<FieldError> errors = new ArrayList<>();
        YearMonth m = null;
        if (month == null || month.isBlank()) {
            errors.add(FieldError.coded("month", month, "required", "required"));
        } else {
            try {
                m = month("month", month);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        Scope s = null;
        if (scope == null || scope.isBlank()) {
            errors.add(FieldError.coded("scope", scope, "required", "required"));
        } else {
            try {
                s = Scope.valueOf(scope.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("scope", scope, "one of [USER, TEAM]"));
            }
        }
        String k = key == null ? null : key.trim();
        if (k == null || k.isEmpty()) {
            errors.add(FieldError.coded("key", key, "required", "required"));
        } else if (s == Scope.USER && !users.exists(k)) {
            errors.add(FieldError.coded("key", key, "owner.unknown", "no such user"));
        } else if (s == Scope.TEAM && (!TEAM.matcher(k).matches() || !queries.teamExists(k))) {
            errors.add(FieldError.coded("key", key, "team.unknown", "no user is in team '" + k + "' (set users' teams first)", k));
        }
        amount(errors, "amount", amount);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        BigDecimal value = Money.of(amount);
        int n = jdbc.sql("UPDATE collection_target SET amount = ?, set_by = ?, set_at = ? WHERE month_key = ? AND scope = ? AND scope_key = ?")
                .params(value, user.username(), now, m.toString(), s.name(), k).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO collection_target (month_key, scope, scope_key, amount, set_by, set_at) VALUES (?,?,?,?,?,?)")
                    .params(m.toString(), s.name(), k, value, user.username(), now).update();
        }
        Target t = new Target(m.toString(), s, k, value, user.username(), now.toInstant());
        history.record("TARGET", m + ":" + s + ":" + k, null, n == 0 ? "CREATE" : "UPDATE", null, t, user.username(), null);
        return t;
    }

    /** Checks a money amount: required, not negative, at most 2 decimals. */
    static void amount(List<FieldError> errors, String field, BigDecimal amount) {
        if (amount == null) {
            errors.add(FieldError.coded(field, null, "required", "required"));
        } else if (amount.signum() < 0) {
            errors.add(FieldError.coded(field, amount, "amount.negative", "must not be negative"));
        } else if (amount.stripTrailingZeros().scale() > Money.SCALE) {
            errors.add(FieldError.coded(field, amount, "amount.decimals", "at most 2 decimals"));
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add(FieldError.coded(field, amount, "amount.tooLarge", "too large"));
        }
    }

    /** The month's targets (managers see all; others their own and their team's). */
    @Transactional(readOnly = true)
    public List<Target> targets(YearMonth month) {
        CurrentUser user = CurrentUser.get();
        String team = users.team(user.username()).orElse(null);
        return jdbc.sql("SELECT * FROM collection_target WHERE month_key = ? ORDER BY scope DESC, scope_key").param(month.toString())
                .query((rs, n) -> new Target(rs.getString("month_key"), Scope.valueOf(rs.getString("scope")), rs.getString("scope_key"),
                        Money.of(rs.getBigDecimal("amount")), rs.getString("set_by"), rs.getTimestamp("set_at").toInstant()))
                .list().stream()
                .filter(t -> user.isManager() || user.has(Role.FINANCE) || t.scope() == Scope.USER && t.key().equals(user.username())
                        || t.scope() == Scope.TEAM && t.key().equals(team))
                .toList();
    }

    /** A collector's month (the worklist shows it to the collector). A collector may only ask for their own (403). */
    @Transactional(readOnly = true)
    public Progress progress(String username, YearMonth month) {
        CurrentUser user = CurrentUser.get();
        if (!user.username().equals(username)) {
            CurrentUser.require("see another collector's progress", Role.MANAGER, Role.FINANCE);
            if (!users.exists(username)) {
                throw new NotFoundException("user", username);
            }
        }
        LocalDate today = LocalDate.now(clock);
        TargetQueries.Figures f = queries.figures(month, today, TargetQueries.By.OWNER, username).getOrDefault(username,
                TargetQueries.Figures.NONE);
        return progress(month, Scope.USER, username, today, queries.targets(month, Scope.USER.name()).get(username), f);
    }

    /** A team's month (managers and finance). */
    @Transactional(readOnly = true)
    public Progress teamProgress(String team, YearMonth month) {
        CurrentUser.require("see a team's progress", Role.MANAGER, Role.FINANCE);
        LocalDate today = LocalDate.now(clock);
        TargetQueries.Figures f = queries.figures(month, today, TargetQueries.By.TEAM, team).getOrDefault(team, TargetQueries.Figures.NONE);
        return progress(month, Scope.TEAM, team, today, queries.targets(month, Scope.TEAM.name()).get(team), f);
    }

    /** Every team's month (managers and finance), by team name. */
    @Transactional(readOnly = true)
    public List<Progress> teams(YearMonth month) {
        CurrentUser.require("see the teams' progress", Role.MANAGER, Role.FINANCE);
        LocalDate today = LocalDate.now(clock);
        Map<String, TargetQueries.Figures> figures = queries.figures(month, today, TargetQueries.By.TEAM, null);
        Map<String, BigDecimal> targets = queries.targets(month, Scope.TEAM.name());
        return queries.teams(month).stream()
                .map(t -> progress(month, Scope.TEAM, t, today, targets.get(t), figures.getOrDefault(t, TargetQueries.Figures.NONE)))
                .toList();
    }

    /** Collectors ranked by achieved percent of target, then collected (managers and finance). */
    @Transactional(readOnly = true)
    public List<Standing> leaderboard(YearMonth month) {
        CurrentUser.require("see the leaderboard", Role.MANAGER, Role.FINANCE);
        LocalDate today = LocalDate.now(clock);
        Map<String, TargetQueries.Figures> figures = queries.figures(month, today, TargetQueries.By.OWNER, null);
        Map<String, BigDecimal> targets = queries.targets(month, Scope.USER.name());
        Set<String> named = new HashSet<>(targets.keySet());
        Map<String, String[]> people = queries.people(named);
        List<Progress> rows = people.keySet().stream()
                .map(u -> progress(month, Scope.USER, u, today, targets.get(u), figures.getOrDefault(u, TargetQueries.Figures.NONE)))
                .sorted(Comparator.comparing(Progress::achievedPercent, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Progress::actual, Comparator.reverseOrder()).thenComparing(Progress::key))
                .toList();
        List<Standing> standings = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Progress p = rows.get(i);
            String[] person = people.get(p.key());
            standings.add(new Standing(i + 1, p.key(), person[0], person[1], p.target(), p.actual(), p.forecast(), p.achievedPercent(),
                    p.met(), p.collectedOther()));
        }
        return standings;
    }

    /** A past month's evaluation (a month not yet over is refused, naming the month). */
    @Transactional(readOnly = true)
    public MonthEvaluation evaluation(YearMonth month) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw ValidationException.coded("month", month.toString(), "month.notOver", "the month is not over yet");
        }
        return new MonthEvaluation(month.toString(), leaderboard(month), teams(month));
    }

    private Progress progress(YearMonth month, Scope scope, String key, LocalDate today, BigDecimal target, TargetQueries.Figures f) {
        boolean closed = month.atEndOfMonth().isBefore(today);
        BigDecimal forecast = f.forecast();
        return new Progress(month.toString(), scope, key, closed ? month.atEndOfMonth() : today, target, f.actual(), f.promised(), f.planned(),
                forecast, percent(f.actual(), target), percent(forecast, target), closed,
                closed && target != null ? f.actual().compareTo(target) >= 0 : null, f.collectedOther());
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() <= 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
