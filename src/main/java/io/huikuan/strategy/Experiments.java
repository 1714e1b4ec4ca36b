package io.huikuan.strategy;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Champion / challenger (issue 17, item 5): a manager starts an experiment on a segment (a challenger strategy on a
 * share of its customers), the daily run places each customer by {@link Experiment#arm} and records the arm the first
 * time, and a manager ends it by promoting a winner (the challenger becomes the segment's strategy) or keeping the
 * champion. At most one active experiment a segment.
 */
@Service
public class Experiments {

    private static final String COLUMNS = "id, segment_code, champion_strategy, champion_version, challenger_strategy, challenger_version, "
            + "challenger_percent, started_on, started_by, ended_on, ended_by, winner";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Strategies strategies;
    private final Clock clock;

    Experiments(JdbcClient jdbc, JdbcTemplate template, Strategies strategies, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.strategies = strategies;
        this.clock = clock;
    }

    /** The active experiments by segment code. */
    @Transactional(readOnly = true)
    public Map<String, Experiment> active() {
        Map<String, Experiment> by = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM segment_experiment WHERE ended_on IS NULL").query(Experiments::row).list()
                .forEach(e -> by.put(e.segmentCode(), e));
        return by;
    }

    /** A segment's experiments, newest first. */
    @Transactional(readOnly = true)
    public List<Experiment> of(String segmentCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM segment_experiment WHERE segment_code = ? ORDER BY id DESC").param(segmentCode)
                .query(Experiments::row).list();
    }

    @Transactional(readOnly = true)
    public Optional<Experiment> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM segment_experiment WHERE id = ?").param(id).query(Experiments::row).optional();
    }

    /**
     * Starts an experiment (managers): the champion is the segment's strategy at {@code championVersion} (its current
     * version when null), the challenger an existing strategy at {@code challengerVersion} (current when null) — another
     * strategy, or another version of the same one — on 1–50 % of the customers; 409 while another runs on the
     * segment. Bad input names the field.
     */
    @Transactional
    public Experiment start(String segmentCode, String challengerStrategy, Integer challengerVersion, Integer championVersion,
            Integer challengerPercent) {
        CurrentUser user = CurrentUser.require("start a champion/challenger experiment", Role.MANAGER);
        String champion = jdbc.sql("SELECT s.code FROM segment g JOIN strategy s ON s.id = g.strategy_id WHERE g.code = ?").param(segmentCode)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("segment", segmentCode));
        List<FieldError> errors = new ArrayList<>();
        String challenger = challengerStrategy == null ? null : challengerStrategy.strip();
        if (challenger == null || challenger.isEmpty()
                || jdbc.sql("SELECT count(*) FROM strategy WHERE code = ?").param(challenger).query(Integer.class).single() == 0) {
            errors.add(FieldError.coded("challengerStrategy", challengerStrategy, "segment.strategy", "must name an existing strategy"));
        }
        Integer champ = version(errors, "championVersion", champion, championVersion);
        Integer chall = challenger == null || !errors.isEmpty() ? null : version(errors, "challengerVersion", challenger, challengerVersion);
        if (champ != null && chall != null && challenger.equals(champion) && champ.equals(chall)) {
            errors.add(FieldError.coded("challengerVersion", chall, "experiment.same",
                    "must differ from the champion " + champion + " v" + champ, champion + " v" + champ));
        }
        if (challengerPercent == null || challengerPercent < 1 || challengerPercent > 50) {
            errors.add(FieldError.coded("challengerPercent", challengerPercent, "experiment.percent", "must be from 1 to 50"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (active().containsKey(segmentCode)) {
            throw new io.huikuan.common.ConflictException("segmentCode", "segment " + segmentCode + " already runs an experiment: end it first");
        }
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                INSERT INTO segment_experiment (segment_code, champion_strategy, champion_version, challenger_strategy, challenger_version,
                    challenger_percent, started_on, started_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(segmentCode, champion, champ, challenger, chall, challengerPercent, Date.valueOf(today),
                user.username()).update();
        return active().get(segmentCode);
    }

    /**
     * Ends the segment's active experiment (managers) keeping {@code winner}: the segment runs the winner's strategy,
     * and when the winner's version is not that strategy's current one, its steps are saved again as the current version
     * (noted "restored from experiment n"), so what won is what runs. 404 when none runs; 400 naming {@code winner}
     * otherwise.
     */
    @Transactional
    public Experiment end(String segmentCode, String winner) {
        CurrentUser user = CurrentUser.require("end a champion/challenger experiment", Role.MANAGER);
        Experiment e = active().get(segmentCode);
        if (e == null) {
            throw new NotFoundException("experiment of segment", segmentCode);
        }
        if (!Experiment.CHAMPION.equals(winner) && !Experiment.CHALLENGER.equals(winner)) {
            throw ValidationException.coded("winner", winner, "experiment.winner", "must be CHAMPION or CHALLENGER");
        }
        Timestamp now = Timestamp.from(clock.instant());
        String code = Experiment.CHALLENGER.equals(winner) ? e.challengerStrategy() : e.championStrategy();
        int version = Experiment.CHALLENGER.equals(winner) ? e.challengerVersion() : e.championVersion();
        Strategy won = strategies.get(code, version);
        if (won.currentVersion() != version) {
            strategies.saveVersion(code, won.steps(), "restored v" + version + " (" + winner.toLowerCase(java.util.Locale.ROOT) + " of experiment "
                    + e.id() + ")");
        }
        jdbc.sql("UPDATE segment SET strategy_id = (SELECT id FROM strategy WHERE code = ?), updated_by = ?, updated_at = ? WHERE code = ?")
                .params(code, user.username(), now, segmentCode).update();
        jdbc.sql("UPDATE segment_experiment SET ended_on = ?, ended_by = ?, winner = ? WHERE id = ?")
                .params(Date.valueOf(LocalDate.now(clock)), user.username(), winner, e.id()).update();
        return find(e.id()).orElseThrow();
    }

    /** The pinned versions of the experiments' arms, by {@link Experiment#label} ("S_STD v3"), with their steps. */
    Map<String, Strategy.Version> versions(java.util.Collection<Experiment> trials) {
        Map<String, Strategy.Version> out = new HashMap<>();
        for (Experiment e : trials) {
            out.put(e.label(Experiment.CHAMPION), strategies.get(e.championStrategy(), e.championVersion()).version());
            out.put(e.label(Experiment.CHALLENGER), strategies.get(e.challengerStrategy(), e.challengerVersion()).version());
        }
        return out;
    }

    /** Records the arms of customers placed for the first time in an experiment: rows of {experiment id, customer id, arm}. */
    void record(List<Object[]> arms, LocalDate on) {
        if (arms.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(arms.size());
        for (Object[] a : arms) {
            rows.add(new Object[] {a[0], a[1], a[2], Date.valueOf(on)});
        }
        template.batchUpdate("INSERT INTO segment_experiment_arm (experiment_id, customer_id, arm, assigned_on) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", rows);
    }

    /** The version of {@code code} asked for (current when null), or null with the field named when it does not exist. */
    private Integer version(List<FieldError> errors, String field, String code, Integer asked) {
        try {
            return strategies.get(code, asked).version().number();
        } catch (NotFoundException e) {
            errors.add(FieldError.coded(field, asked, "experiment.version", "no version " + asked + " of strategy " + code));
            return null;
        }
    }

    private static Experiment row(ResultSet rs, int n) throws SQLException {
        Date ended = rs.getDate(10);
        return new Experiment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getInt(6), rs.getInt(7),
                rs.getDate(8).toLocalDate(), rs.getString(9), ended == null ? null : ended.toLocalDate(), rs.getString(11), rs.getString(12));
    }
}
