package io.huikuan.credit;

import io.huikuan.identity.CurrentUser;
import io.huikuan.negotiation.SupplyHold;
import io.huikuan.negotiation.SupplyHoldRules;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates the early-warning rules as of a date (after the daily collection run, or on demand): for each active rule the
 * customers meeting its condition ({@link AlertConditions}, set-based). Idempotent, one alert per rule, customer and
 * episode: a customer already alerted while the condition still holds gets nothing new (whatever the alert's status);
 * an alert whose condition no longer holds ends its episode and, unless resolved already, is resolved by the system; a
 * later recurrence is a new alert. A new alert of a HOLD_SUPPLY rule waits for its supply hold proposal (source
 * CREDIT_ALERT): each evaluation proposes at most {@link AlertProperties#maxHoldProposals()} of the waiting ones, oldest first.
 */
@Service
public class AlertEvaluator {

    /** What an evaluation did. */
    public record Result(LocalDate asOf, int rules, int raised, int cleared, int holdsProposed, long millis) {
    }

    /** What a rule would raise as of a date: {@code alerts} customers meet it, {@code newAlerts} of them are not alerted yet. */
    public record DryRun(long ruleId, LocalDate asOf, int alerts, int newAlerts) {
    }

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AlertRules rules;
    private final AlertConditions conditions;
    private final SupplyHoldRules holds;
    private final AlertProperties settings;
    private final MessageSource messages;
    private final Clock clock;

    AlertEvaluator(JdbcClient jdbc, JdbcTemplate batch, AlertRules rules, AlertConditions conditions, SupplyHoldRules holds, AlertProperties settings,
            MessageSource messages, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.batch = batch;
        this.rules = rules;
        this.conditions = conditions;
        this.holds = holds;
        this.messages = messages;
        this.clock = clock;
    }

    /** Evaluates every active rule as of {@code asOf} and resolves the alerts of rules switched off or deleted. */
    @Transactional
    public Result evaluate(LocalDate asOf) {
        long t0 = System.nanoTime();
        // one evaluation at a time (the daily run's listener, an administrator's, another node's): the second waits for the
        // first to commit and then finds its episodes, instead of failing on the unique live key
        Long first = jdbc.sql("SELECT min(id) FROM credit_alert_rule").query(Long.class).single();
        if (first != null) {
            jdbc.sql("SELECT id FROM credit_alert_rule WHERE id = ? FOR UPDATE").param(first).query(Long.class).list();
        }
        AlertConditions.Exposure exposure = conditions.exposure(asOf);
        int raised = 0;
        int cleared = 0;
        List<AlertRule> active = rules.all().stream().filter(AlertRule::active).toList();
        for (AlertRule rule : active) {
            int[] r = reconcile(rule, conditions.hits(rule, asOf, exposure), asOf);
            raised += r[0];
            cleared += r[1];
        }
        List<Long> off = jdbc.sql("""
                SELECT DISTINCT a.rule_id FROM credit_alert a JOIN credit_alert_rule r ON r.id = a.rule_id
                WHERE a.live_key IS NOT NULL AND r.active = FALSE""").query(Long.class).list();
        for (Long id : off) {
            cleared += clear(id, live(id).values().stream().toList(), asOf);
        }
        int proposed = proposeHolds(asOf, exposure);
        return new Result(asOf, active.size(), raised, cleared, proposed, (System.nanoTime() - t0) / 1_000_000);
    }

    /** How many alerts a rule would raise as of {@code asOf}; stores nothing. */
    @Transactional(readOnly = true)
    public DryRun dryRun(long ruleId, LocalDate asOf) {
        AlertRule rule = rules.get(ruleId);
        Map<Long, AlertConditions.Hit> hits = conditions.hits(rule, asOf, conditions.exposure(asOf));
        Map<Long, Long> live = live(ruleId);
        int fresh = (int) hits.keySet().stream().filter(id -> !live.containsKey(id)).count();
        return new DryRun(ruleId, asOf, hits.size(), fresh);
    }

    /** The live alerts (episode not ended) of a rule: customer id → alert id. */
    private Map<Long, Long> live(long ruleId) {
        Map<Long, Long> m = new HashMap<>();
        jdbc.sql("SELECT customer_id, id FROM credit_alert WHERE rule_id = ? AND live_key IS NOT NULL").param(ruleId)
                .query((RowCallbackHandler) rs -> m.put(rs.getLong(1), rs.getLong(2)));
        return m;
    }

    private int[] reconcile(AlertRule rule, Map<Long, AlertConditions.Hit> hits, LocalDate asOf) {
        Map<Long, Long> live = live(rule.id());
        List<Long> gone = live.entrySet().stream().filter(e -> !hits.containsKey(e.getKey())).map(Map.Entry::getValue).toList();
        int cleared = clear(rule.id(), gone, asOf);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        List<AlertConditions.Hit> fresh = new ArrayList<>();
        for (AlertConditions.Hit h : hits.values()) {
            if (!live.containsKey(h.customerId())) {
                fresh.add(h);
                rows.add(new Object[] {rule.id(), h.customerId(), rule.id() + ":" + h.customerId(), rule.severity().name(), rule.action().name(),
                        cut(words(h, ZH)), cut(words(h, Locale.ENGLISH)), Date.valueOf(asOf), now, rule.action() == AlertRule.Action.HOLD_SUPPLY});
            }
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            batch.batchUpdate("""
                    INSERT INTO credit_alert (rule_id, customer_id, live_key, status, severity, action, reason_zh, reason_en, raised_on, raised_at,
                      hold_pending)
                    VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?)""", rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
        return new int[] {fresh.size(), cleared};
    }

    /** Proposes the supply holds of the oldest live HOLD_SUPPLY alerts still waiting for one (at most the configured number). */
    private int proposeHolds(LocalDate asOf, AlertConditions.Exposure exposure) {
        record Waiting(long id, long customerId, String code, String rule, String reason) {
        }
        List<Waiting> waiting = jdbc.sql("""
                SELECT a.id, a.customer_id, c.code, r.name, a.reason_zh FROM credit_alert a JOIN credit_alert_rule r ON r.id = a.rule_id
                JOIN customer c ON c.id = a.customer_id
                WHERE a.hold_pending = TRUE AND a.live_key IS NOT NULL ORDER BY a.id LIMIT :n""").param("n", settings.maxHoldProposals())
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
        int proposed = 0;
        for (Waiting w : waiting) {
            AlertConditions.Open open = exposure.get().get(w.customerId());
            java.math.BigDecimal overdue = open == null ? java.math.BigDecimal.ZERO : open.overdue();
            int days = open == null || open.oldestDue() == null ? 0 : (int) java.time.temporal.ChronoUnit.DAYS.between(open.oldestDue(), asOf);
            Optional<SupplyHold> hold = holds.creditAlert(w.code(), w.rule() + ": " + w.reason(), asOf, overdue, days);
            jdbc.sql("UPDATE credit_alert SET hold_pending = FALSE, hold_id = ? WHERE id = ?").params(hold.map(SupplyHold::id).orElse(null), w.id())
                    .update();
            proposed += hold.isPresent() ? 1 : 0;
        }
        return proposed;
    }

    /** Ends the episodes of these alerts; those not resolved yet are resolved by the system. */
    private int clear(long ruleId, List<Long> alertIds, LocalDate asOf) {
        Timestamp now = Timestamp.from(clock.instant());
        String note = "条件已消除 / condition cleared (" + asOf + ")";
        List<Object[]> rows = alertIds.stream().map(id -> new Object[] {Date.valueOf(asOf), CurrentUser.SYSTEM.username(), now, note, id}).toList();
        for (int from = 0; from < rows.size(); from += 1000) {
            batch.batchUpdate("""
                    UPDATE credit_alert SET live_key = NULL, cleared_on = ?, hold_pending = FALSE,
                           resolved_by = CASE WHEN status = 'RESOLVED' THEN resolved_by ELSE ? END,
                           resolved_at = CASE WHEN status = 'RESOLVED' THEN resolved_at ELSE ? END,
                           resolve_note = CASE WHEN status = 'RESOLVED' THEN resolve_note ELSE ? END,
                           status = 'RESOLVED'
                    WHERE id = ?""", rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
        return alertIds.size();
    }

    private String words(AlertConditions.Hit h, Locale locale) {
        Object[] args = h.args().stream().map(String::valueOf).toArray();
        return messages.getMessage(h.key(), args, h.key(), locale);
    }

    private static String cut(String s) {
        return s.length() > 1000 ? s.substring(0, 999) + "…" : s;
    }
}
