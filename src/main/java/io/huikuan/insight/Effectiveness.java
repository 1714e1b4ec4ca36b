package io.huikuan.insight;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.ledger.OverduePeriods;
import io.huikuan.ledger.OverduePeriods.Period;
import io.huikuan.insight.EffectivenessQueries.Action;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What works (issue 17, item 4): the outbound actions of a period grouped by strategy version, step, channel,
 * template/tone, script or collector, with the contacts made, promises obtained and kept, the money that came in
 * within 7 and 30 days after them, the money owed to them by last touch and by an even split ({@link Attribution}), the
 * cure rate of the accounts that went through them and their cost. Judged from facts dated up to {@code asOf}. A
 * collector sees their own actions only (attribution still weighs everyone's).
 */
@Service
public class Effectiveness {

    /** Days after an action its account is looked at again for the cure rate. */
    public static final int CURE_DAYS = 30;
    public static final int DEFAULT_ATTRIBUTION_DAYS = 14;

    private final EffectivenessQueries queries;
    private final MessageSource messages;
    private final Clock clock;

    Effectiveness(EffectivenessQueries queries, MessageSource messages, Clock clock) {
        this.queries = queries;
        this.messages = messages;
        this.clock = clock;
    }

    /** The report; null dates: to = asOf, from = 30 days before to; asOf null = today. Bad input names its field (400). */
    @Transactional(readOnly = true)
    public EffectivenessReport report(EffectivenessDimension dimension, LocalDate from, LocalDate to, LocalDate asOf, Integer attributionDays) {
        CurrentUser user = CurrentUser.require("see what works", Role.COLLECTOR, Role.MANAGER, Role.FINANCE, Role.LEGAL);
        LocalDate judged = asOf == null ? LocalDate.now(clock) : asOf;
        LocalDate end = to == null ? judged : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        int days = attributionDays == null ? DEFAULT_ATTRIBUTION_DAYS : attributionDays;
        EffectivenessDimension by = dimension == null ? EffectivenessDimension.CHANNEL : dimension;
        List<FieldError> errors = new ArrayList<>();
        if (end.isAfter(judged)) {
            errors.add(FieldError.coded("to", end, "insight.toAfterAsOf", "must not be after asOf " + judged));
        }
        if (start.isAfter(end)) {
            errors.add(FieldError.coded("from", start, "insight.fromAfterTo", "must not be after to " + end));
        } else if (ChronoUnit.DAYS.between(start, end) > 366) {
            errors.add(FieldError.coded("from", start, "insight.periodTooLong", "the period may span at most 366 days"));
        }
        if (days < 1 || days > 90) {
            errors.add(FieldError.coded("attributionDays", days, "insight.attributionDays", "from 1 to 90 days"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        LocalDate until = min(end.plusDays(Math.max(CURE_DAYS, days)), judged);
        List<Action> all = queries.actions(start, end, judged, clock.getZone());
        List<Attribution.Paid> paid = queries.payments(start, end, until, clock.getZone());
        Map<Long, List<Period>> periods = queries.periods(start, end, until, clock.getZone());
        Map<String, BigDecimal> costs = queries.costs();
        List<Attribution.Touch> touches = all.stream().map(a -> new Attribution.Touch(a.id(), a.customerId(), a.on(), a.id())).toList();
        Map<Long, BigDecimal> last = Attribution.lastTouch(touches, paid, days);
        Map<Long, BigDecimal> even = Attribution.evenSplit(touches, paid, days);
        List<Action> seen = user.portfolioOnly() ? all.stream().filter(a -> user.username().equals(a.collector())).toList() : all;

        Map<String, List<Action>> groups = new LinkedHashMap<>();
        for (Action a : seen) {
            groups.computeIfAbsent(key(by, a), k -> new ArrayList<>()).add(a);
        }
        Map<Long, List<Attribution.Paid>> paidBy = new java.util.HashMap<>();
        paid.forEach(p -> paidBy.computeIfAbsent(p.customerId(), k -> new ArrayList<>()).add(p));
        Facts facts = new Facts(paidBy, periods, costs, last, even, judged);
        List<EffectivenessRow> rows = new ArrayList<>();
        groups.forEach((k, actions) -> rows.add(row(k, label(by, k, actions.getFirst()), actions, facts)));
        rows.sort(Comparator.comparing(EffectivenessRow::lastTouch).reversed().thenComparing(EffectivenessRow::key));
        return new EffectivenessReport(start, end, judged, by, days, rows, row("ALL", label("insight.total", "ALL"), seen, facts));
    }

    private record Facts(Map<Long, List<Attribution.Paid>> paid, Map<Long, List<Period>> periods, Map<String, BigDecimal> costs,
            Map<Long, BigDecimal> lastTouch, Map<Long, BigDecimal> evenSplit, LocalDate asOf) {
    }

    private static EffectivenessRow row(String key, String label, List<Action> actions, Facts f) {
        Map<Long, List<LocalDate>> byCustomer = new LinkedHashMap<>();
        long promises = 0;
        long judgedPromises = 0;
        long kept = 0;
        BigDecimal last = BigDecimal.ZERO;
        BigDecimal even = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (Action a : actions) {
            byCustomer.computeIfAbsent(a.customerId(), k -> new ArrayList<>()).add(a.on());
            if (a.promised()) {
                promises++;
                if (a.promiseStatus() != null) {
                    judgedPromises++;
                    kept += "KEPT".equals(a.promiseStatus()) ? 1 : 0;
                }
            }
            last = last.add(f.lastTouch().getOrDefault(a.id(), BigDecimal.ZERO));
            even = even.add(f.evenSplit().getOrDefault(a.id(), BigDecimal.ZERO));
            cost = cost.add(f.costs().getOrDefault(a.channel(), BigDecimal.ZERO));
        }
        BigDecimal in7 = BigDecimal.ZERO;
        BigDecimal in30 = BigDecimal.ZERO;
        long cureJudged = 0;
        long cured = 0;
        for (Map.Entry<Long, List<LocalDate>> e : byCustomer.entrySet()) {
            List<LocalDate> days = e.getValue();
            in7 = in7.add(within(f.paid().get(e.getKey()), days, 7));
            in30 = in30.add(within(f.paid().get(e.getKey()), days, 30));
            LocalDate first = days.stream().min(Comparator.naturalOrder()).orElseThrow();
            LocalDate later = first.plusDays(CURE_DAYS);
            List<Period> periods = f.periods().get(e.getKey());
            if (!later.isAfter(f.asOf()) && OverduePeriods.overdueOn(periods, first).signum() > 0) {
                cureJudged++;
                cured += OverduePeriods.overdueOn(periods, later).signum() == 0 ? 1 : 0;
            }
        }
        return new EffectivenessRow(key, label, actions.size(), byCustomer.size(), promises, judgedPromises, kept, percent(kept, judgedPromises),
                in7, in30, last, even, cureJudged, cured, percent(cured, cureJudged), cost);
    }

    /** The payments dated within {@code window} days after any of the days (each payment once). */
    private static BigDecimal within(List<Attribution.Paid> paid, List<LocalDate> days, int window) {
        BigDecimal sum = BigDecimal.ZERO;
        if (paid == null) {
            return sum;
        }
        for (Attribution.Paid p : paid) {
            for (LocalDate d : days) {
                if (p.on().isAfter(d) && !p.on().isAfter(d.plusDays(window))) {
                    sum = sum.add(p.amount());
                    break;
                }
            }
        }
        return sum;
    }

    static String key(EffectivenessDimension by, Action a) {
        Function<String, String> or = v -> v == null || v.isBlank() ? "NONE" : v;
        return switch (by) {
            case STRATEGY -> a.strategy() == null ? "MANUAL" : a.strategy();
            case STEP -> a.strategy() == null ? "MANUAL" : a.strategy() + " " + (a.stepOffset() >= 0 ? "+" : "") + a.stepOffset() + " " + a.stepChannel();
            case CHANNEL -> a.channel();
            case TEMPLATE -> a.template() == null ? "NONE" : a.template() + (a.tone() == null ? "" : " " + a.tone());
            case SCRIPT -> or.apply(a.script());
            case COLLECTOR -> a.collector();
        };
    }

    private String label(EffectivenessDimension by, String key, Action a) {
        if ("MANUAL".equals(key) && (by == EffectivenessDimension.STRATEGY || by == EffectivenessDimension.STEP)) {
            return label("insight.manual", key);
        }
        if ("NONE".equals(key) && (by == EffectivenessDimension.TEMPLATE || by == EffectivenessDimension.SCRIPT)) {
            return label("insight.none", key);
        }
        return by == EffectivenessDimension.CHANNEL ? label("channel." + a.channel(), key) : key;
    }

    private String label(String code, String otherwise) {
        return messages.getMessage(code, null, otherwise, LocaleContextHolder.getLocale());
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
