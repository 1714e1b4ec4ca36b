package io.huikuan.legal;

import io.huikuan.identity.Role;
import io.huikuan.ledger.Currencies;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.SystemTasks;
import io.huikuan.worklist.TaskKind;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily limitation notices, as of the collection run's date, for every open invoice not in proceedings:
 * <ul>
 * <li><b>warnings</b>: when the period of invoices ends within one of the thresholds (default 180, 90 and 30 days;
 * the smallest one reached, so a job that was down for days still warns once), one task for legal's queue and one for
 * the customer's owner per customer and threshold, naming the invoices, their open amounts and the first last day,
 * leading to the customer's limitation view;</li>
 * <li><b>demand proposals</b>: for every EXPIRING invoice without anything interrupting recorded in the last
 * {@code demandQuietDays} days, one task per customer for the owner to send a demand letter (催款函) before the last
 * day: a demand that reaches the debtor interrupts the period, which runs again from its delivery (Civil Code art.
 * 195).</li>
 * </ul>
 * Each invoice is noticed once per notice and last day ({@code limitation_notice}); a later interruption moves the
 * last day and the notices start again. Tasks are unique per customer and key, so two nodes never write one twice.
 */
@Service
public class LimitationNotices {

    /** What a run wrote: tasks opened and invoices noticed. */
    public record Result(int warningTasks, int demandTasks, int invoices) {
    }

    static final int MAX_NAMED = 20;

    private final LimitationClock clock;
    private final SystemTasks tasks;
    private final LimitationNoticeProperties settings;
    private final JdbcClient jdbc;

    LimitationNotices(LimitationClock clock, SystemTasks tasks, LimitationNoticeProperties settings, JdbcClient jdbc) {
        this.clock = clock;
        this.tasks = tasks;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    public LimitationNoticeProperties settings() {
        return settings;
    }

    /** Writes the warnings and demand proposals due as of {@code asOf}. */
    @Transactional
    public Result run(LocalDate asOf) {
        if (!settings.enabled()) {
            return new Result(0, 0, 0);
        }
        int window = clock.settings().expiringDays();
        int furthest = Math.max(window, settings.warnDays().getFirst());
        List<LimitationItem> expiring = clock.expiringBetween(asOf, asOf, asOf.plusDays(furthest));
        if (expiring.isEmpty()) {
            return new Result(0, 0, 0);
        }
        Set<String> given = new HashSet<>(jdbc.sql("SELECT invoice_id, notice, expires_on FROM limitation_notice WHERE expires_on >= ?")
                .param(Date.valueOf(asOf)).query((rs, n) -> key(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate())).list());
        Map<String, Owner> owners = owners(expiring);
        int[] written = new int[3];

        // warnings: per customer and the smallest threshold each invoice has reached
        Map<String, List<LimitationItem>> warn = new LinkedHashMap<>();
        for (LimitationItem i : expiring) {
            Integer t = threshold(i.daysLeft());
            if (t != null && !given.contains(key(i.invoiceId(), "W" + t, i.expiresOn()))) {
                warn.computeIfAbsent(i.customerCode() + "|" + t, k -> new ArrayList<>()).add(i);
            }
        }
        warn.forEach((k, items) -> {
            int t = Integer.parseInt(k.substring(k.lastIndexOf('|') + 1));
            Owner o = owners.get(items.getFirst().customerCode());
            LocalDate first = items.getFirst().expiresOn();
            String note = String.join("|", "limitation-warning", String.valueOf(t), first.toString(), named(items), amounts(items));
            String link = "/legal/limitation/customers/" + o.code;
            String key = "LW" + t + ":" + first;
            written[0] += open(o, key + ":L", TaskKind.LIMITATION_WARNING, Channel.LEGAL_REVIEW, Role.LEGAL, null, asOf, items, note, link);
            written[0] += open(o, key + ":O", TaskKind.LIMITATION_WARNING, Channel.LEGAL_REVIEW, o.owner == null ? Role.MANAGER : Role.COLLECTOR,
                    o.owner, asOf, items, note, link);
            written[2] += notice(items, "W" + t, key, asOf);
        });

        // demand proposals: EXPIRING, nothing recorded lately, not proposed for this last day
        Set<Long> recent = recentlyInterrupted(expiring, asOf);
        Map<String, List<LimitationItem>> propose = new LinkedHashMap<>();
        for (LimitationItem i : expiring) {
            if (i.daysLeft() <= window && !recent.contains(i.invoiceId()) && !given.contains(key(i.invoiceId(), "DEMAND", i.expiresOn()))) {
                propose.computeIfAbsent(i.customerCode(), k -> new ArrayList<>()).add(i);
            }
        }
        propose.forEach((code, items) -> {
            Owner o = owners.get(code);
            LocalDate first = items.getFirst().expiresOn();
            String note = String.join("|", "limitation-demand", first.toString(), named(items), amounts(items));
            String key = "LD:" + first;
            written[1] += open(o, key, TaskKind.LIMITATION_DEMAND, Channel.DEMAND_LETTER, o.owner == null ? Role.MANAGER : Role.COLLECTOR, o.owner,
                    asOf, items, note, "/customers/" + o.code + "#documents");
            written[2] += notice(items, "DEMAND", key, asOf);
        });
        return new Result(written[0], written[1], written[2]);
    }

    /** The smallest threshold not below the days left (null: none reached). */
    Integer threshold(long daysLeft) {
        Integer found = null;
        for (int t : settings.warnDays()) {
            if (daysLeft <= t) {
                found = t;
            }
        }
        return found;
    }

    private int open(Owner o, String key, TaskKind kind, Channel channel, Role role, String assignee, LocalDate asOf, List<LimitationItem> items,
            String note, String link) {
        BigDecimal amount = items.stream().filter(i -> Currencies.BASE.equals(i.currency())).map(LimitationItem::openAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate oldestDue = items.stream().map(LimitationItem::dueDate).min(LocalDate::compareTo).orElse(asOf);
        int days = (int) Math.max(0, ChronoUnit.DAYS.between(oldestDue, asOf));
        return tasks.open(new SystemTasks.NewTask(o.id, key, kind, channel, role, assignee, asOf, amount, days, note, link)) ? 1 : 0;
    }

    private int notice(List<LimitationItem> items, String notice, String key, LocalDate asOf) {
        int n = 0;
        for (LimitationItem i : items) {
            n += jdbc.sql("INSERT INTO limitation_notice (invoice_id, notice, expires_on, customer_id, task_key, given_on)"
                            + " SELECT ?, ?, ?, customer_id, ?, ? FROM invoice WHERE id = ? ON CONFLICT DO NOTHING")
                    .params(i.invoiceId(), notice, Date.valueOf(i.expiresOn()), key, Date.valueOf(asOf), i.invoiceId()).update();
        }
        return n;
    }

    /** The invoices with anything interrupting recorded (counting or not yet) within the quiet days up to {@code asOf}. */
    private Set<Long> recentlyInterrupted(List<LimitationItem> items, LocalDate asOf) {
        Set<Long> found = new HashSet<>();
        List<Long> ids = items.stream().map(LimitationItem::invoiceId).distinct().toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            found.addAll(jdbc.sql("SELECT DISTINCT invoice_id FROM limitation_event_invoice WHERE invoice_id IN (:ids) AND event_date >= :since"
                            + " AND event_date <= :asOf")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .param("since", Date.valueOf(asOf.minusDays(settings.demandQuietDays()))).param("asOf", Date.valueOf(asOf))
                    .query(Long.class).list());
        }
        return found;
    }

    private record Owner(long id, String code, String owner) {
    }

    private Map<String, Owner> owners(List<LimitationItem> items) {
        Map<String, Owner> found = new TreeMap<>();
        List<String> codes = items.stream().map(LimitationItem::customerCode).distinct().toList();
        for (int from = 0; from < codes.size(); from += 1000) {
            jdbc.sql("SELECT id, code, owner FROM customer WHERE code IN (:codes)").param("codes", codes.subList(from, Math.min(codes.size(), from + 1000)))
                    .query((rs, n) -> new Owner(rs.getLong(1), rs.getString(2), rs.getString(3))).list().forEach(o -> found.put(o.code, o));
        }
        return found;
    }

    /** The invoice numbers, the first {@link #MAX_NAMED} and how many more. */
    static String named(List<LimitationItem> items) {
        String names = items.stream().limit(MAX_NAMED).map(LimitationItem::invoiceNo).collect(Collectors.joining(", "));
        return items.size() > MAX_NAMED ? names + " (+" + (items.size() - MAX_NAMED) + ")" : names;
    }

    /** The open amounts per currency: {@code CNY 12,000.00; USD 200.00}. */
    static String amounts(List<LimitationItem> items) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        items.forEach(i -> sums.merge(i.currency(), i.openAmount(), BigDecimal::add));
        java.text.DecimalFormat money = new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        return sums.entrySet().stream().map(e -> e.getKey() + " " + money.format(e.getValue())).collect(Collectors.joining("; "));
    }

    private static String key(long invoiceId, String notice, LocalDate expiresOn) {
        return invoiceId + "|" + notice + "|" + expiresOn;
    }
}
