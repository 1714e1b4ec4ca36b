package io.huikuan.demo;

import io.huikuan.aging.MonthEnds;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.DisputeService;
import io.huikuan.strategy.Step;
import io.huikuan.strategy.Strategies;
import io.huikuan.strategy.Strategy;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.Direction;
import io.huikuan.worklist.Excuse;
import io.huikuan.worklist.Outcome;
import io.huikuan.worklist.Targets;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work of the weeks before the demo's first day, so no page starts empty: teams and targets for the
 * collectors, calls (outbound and inbound), e-mails and visits, promises to pay (kept, broken, due), a few
 * disputes, the last complete month closed, and demand and lawyer's letters that wait for a manager's approval.
 * Everything goes through the modules' services as the user who would have done it (a collector logs the calls on
 * their customers, a manager sets the targets). Runs after the portfolio is loaded and before the first collection
 * run, which then settles the promises (kept or broken) and creates the tasks, the approvals among them.
 */
@Component
class DemoStory {

    /** What was made, for the start-up log. */
    record Told(int activities, int promises, int disputes, int targets, String closedMonth, int strategiesWithApproval) {
    }

    private record Debtor(String code, String owner, long contactId, BigDecimal overdue) {
    }

    private record Paid(String code, String owner, long contactId, LocalDate date, BigDecimal allocated) {
    }

    static final Map<String, String> TEAMS = Map.of("collector1", "华东组", "collector2", "华南组", "manager", "华东组");

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final Targets targets;
    private final DemoActs acts;
    private final DisputeService disputes;
    private final MonthEnds monthEnds;
    private final Strategies strategies;
    private final TransactionTemplate tx;

    DemoStory(JdbcClient jdbc, UserDirectory users, Targets targets, DemoActs acts, DisputeService disputes, MonthEnds monthEnds,
            Strategies strategies, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.users = users;
        this.targets = targets;
        this.acts = acts;
        this.disputes = disputes;
        this.monthEnds = monthEnds;
        this.strategies = strategies;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Tells the story of the weeks before {@code today} in one transaction. */
    Told tell(LocalDate today) {
        return tx.execute(s -> {
            int approvals = DemoActs.as("manager", Role.MANAGER, this::approvalsForLetters);
            DemoActs.as("admin", Role.ADMIN, () -> {
                TEAMS.forEach(users::setTeam);
                return null;
            });
            int targetCount = DemoActs.as("manager", Role.MANAGER, () -> targets(today));
            List<Debtor> debtors = debtors(today);
            int[] counts = new int[3];
            Set<String> used = new HashSet<>();
            promisesKept(today, used, counts);
            promisesBrokenAndDue(today, debtors, used, counts);
            contacts(today, debtors, used, counts);
            int disputeCount = disputes(today, debtors, used);
            YearMonth closed = MonthEnds.lastCompleteMonth(today);
            DemoActs.as("finance", Role.FINANCE, () -> monthEnds.close(closed));
            return new Told(counts[0], counts[1], disputeCount, targetCount, closed.toString(), approvals);
        });
    }

    /** Letters are signed off by a manager before they go: the demand and lawyer's letter steps of every strategy wait for approval. */
    private int approvalsForLetters() {
        int changed = 0;
        for (Strategy st : strategies.list()) {
            Strategy current = strategies.get(st.code());
            boolean any = false;
            List<Step> steps = new ArrayList<>();
            for (Step step : current.steps()) {
                boolean letter = step.channel() == Channel.DEMAND_LETTER || step.channel() == Channel.LAWYER_LETTER;
                any |= letter && !step.approval();
                steps.add(letter ? new Step(step.position(), step.dayOffset(), step.channel(), step.tone(), step.ownerRole(), step.template(),
                        step.minAmount(), true) : step);
            }
            if (any) {
                strategies.saveVersion(st.code(), steps, "演示：催款函、律师函发出前由主管审批");
                changed++;
            }
        }
        return changed;
    }

    /** Targets for this month and the last: each collector's is about what their customers paid last month, rounded up. */
    private int targets(LocalDate today) {
        YearMonth month = YearMonth.from(today);
        Map<String, BigDecimal> paid = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.owner, coalesce(sum(p.amount), 0) FROM payment p JOIN customer c ON c.id = p.customer_id
                WHERE p.payment_date >= ? AND p.payment_date <= ? AND c.owner IN ('collector1', 'collector2') GROUP BY c.owner ORDER BY c.owner""")
                .params(Date.valueOf(month.minusMonths(1).atDay(1)), Date.valueOf(month.minusMonths(1).atEndOfMonth()))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list()
                .forEach(e -> paid.put(e.getKey(), e.getValue()));
        int n = 0;
        Map<String, BigDecimal> byTeam = new LinkedHashMap<>();
        for (String collector : List.of("collector1", "collector2")) {
            BigDecimal base = paid.getOrDefault(collector, new BigDecimal("500000"));
            BigDecimal target = base.multiply(new BigDecimal("1.1")).divide(new BigDecimal("10000"), 0, RoundingMode.UP)
                    .multiply(new BigDecimal("10000")).max(new BigDecimal("100000"));
            for (YearMonth m : List.of(month.minusMonths(1), month)) {
                targets.set(m.toString(), "USER", collector, target);
                n++;
            }
            byTeam.merge(TEAMS.get(collector), target, BigDecimal::add);
        }
        for (Map.Entry<String, BigDecimal> team : byTeam.entrySet()) {
            targets.set(month.toString(), "TEAM", team.getKey(), team.getValue());
            n++;
        }
        return n;
    }

    /** Customers with overdue invoices today, largest first, with their first contact. */
    private List<Debtor> debtors(LocalDate today) {
        Date d = Date.valueOf(today);
        return jdbc.sql("""
                SELECT c.code, c.owner, (SELECT min(k.id) FROM contact k WHERE k.customer_id = c.id) contact_id, sum(b.open_amount) overdue
                FROM customer c JOIN invoice i ON i.customer_id = c.id
                JOIN balance_period b ON b.invoice_id = i.id AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?)
                WHERE i.due_date < ? AND b.open_amount > 0 AND c.owner IS NOT NULL
                GROUP BY c.id, c.code, c.owner ORDER BY sum(b.open_amount) DESC, c.code""")
                .params(d, d, d)
                .query((rs, n) -> new Debtor(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4))).list().stream()
                .filter(x -> x.contactId() > 0).toList();
    }

    /**
     * Kept promises: customers who paid in the last weeks had promised it on a call a few days before (the first
     * collection run finds the payment and settles the promise as kept).
     */
    private void promisesKept(LocalDate today, Set<String> used, int[] counts) {
        List<Paid> paid = jdbc.sql("""
                SELECT c.code, c.owner, (SELECT min(k.id) FROM contact k WHERE k.customer_id = c.id), p.payment_date, sum(a.amount)
                FROM payment p JOIN allocation a ON a.payment_id = p.id JOIN customer c ON c.id = p.customer_id
                WHERE p.payment_date >= ? AND p.payment_date <= ? AND c.owner IS NOT NULL
                GROUP BY p.id, c.id, c.code, c.owner, p.payment_date ORDER BY p.payment_date DESC, c.code""")
                .params(Date.valueOf(today.minusDays(25)), Date.valueOf(today.minusDays(2)))
                .query((rs, n) -> new Paid(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDate(4).toLocalDate(), rs.getBigDecimal(5)))
                .list();
        int kept = 0;
        for (Paid p : paid) {
            if (kept >= 6 || p.contactId() <= 0 || !used.add(p.code())) {
                continue;
            }
            BigDecimal amount = p.allocated().multiply(new BigDecimal("0.9")).divide(new BigDecimal("100"), 0, RoundingMode.DOWN)
                    .multiply(new BigDecimal("100"));
            if (amount.signum() <= 0) {
                used.remove(p.code());
                continue;
            }
            LocalDate madeOn = DemoActs.weekday(p.date().minusDays(4));
            long activity = acts.call(p.owner(), p.code(), p.contactId(), madeOn, LocalTime.of(10, 15), Outcome.REACHED, null,
                    "客户同意 " + p.date() + " 前付款 " + amount.toPlainString() + " 元", Direction.OUTBOUND);
            acts.promise(p.owner(), p.code(), p.contactId(), activity, amount, madeOn, p.date(), "电话中承诺");
            counts[0]++;
            counts[1]++;
            kept++;
        }
    }

    /** Broken promises (promised weeks ago, nothing paid since) and promises due today and in the coming days. */
    private void promisesBrokenAndDue(LocalDate today, List<Debtor> debtors, Set<String> used, int[] counts) {
        int broken = 0;
        int due = 0;
        for (Debtor d : debtors) {
            if (broken >= 5 && due >= 6) {
                break;
            }
            if (!used.add(d.code())) {
                continue;
            }
            BigDecimal amount = d.overdue().divide(new BigDecimal("2"), 0, RoundingMode.DOWN).divide(new BigDecimal("100"), 0, RoundingMode.DOWN)
                    .multiply(new BigDecimal("100")).max(new BigDecimal("100"));
            if (broken < 5 && paidSince(d.code(), today.minusDays(20)).signum() == 0) {
                LocalDate madeOn = DemoActs.weekday(today.minusDays(20));
                long activity = acts.call(d.owner(), d.code(), d.contactId(), madeOn, LocalTime.of(14, 30), Outcome.REACHED, Excuse.NEXT_MONTH,
                        "客户称资金紧张，承诺两周内先付一半", Direction.OUTBOUND);
                acts.promise(d.owner(), d.code(), d.contactId(), activity, amount, madeOn, today.minusDays(10), "承诺先付一半");
                broken++;
            } else if (due < 6) {
                LocalDate madeOn = DemoActs.weekday(today.minusDays(3));
                long activity = acts.call(d.owner(), d.code(), d.contactId(), madeOn, LocalTime.of(11, 0), Outcome.REACHED, Excuse.IN_APPROVAL,
                        "付款单在老板审批中，承诺审批后付款", Direction.OUTBOUND);
                acts.promise(d.owner(), d.code(), d.contactId(), activity, amount, madeOn, due < 2 ? today : today.plusDays(due + 1), "审批后付款");
                due++;
            } else {
                used.remove(d.code());
                continue;
            }
            counts[0]++;
            counts[1]++;
        }
    }

    /** Calls that reached nobody, e-mails, visits and customers calling in, on other overdue customers over the last two weeks. */
    private void contacts(LocalDate today, List<Debtor> debtors, Set<String> used, int[] counts) {
        int i = 0;
        for (Debtor d : debtors) {
            if (i >= 16) {
                break;
            }
            if (used.contains(d.code())) {
                continue;
            }
            used.add(d.code());
            LocalDate day = DemoActs.weekday(today.minusDays(1 + (i % 12)));
            switch (i % 4) {
                case 0 -> acts.call(d.owner(), d.code(), d.contactId(), day, LocalTime.of(9, 40), Outcome.NOT_REACHED, Excuse.NO_REPLY,
                        "无人接听，稍后再拨", Direction.OUTBOUND);
                case 1 -> acts.log(d.owner(), d.code(), d.contactId(), Channel.EMAIL, day, LocalTime.of(16, 5), Outcome.REACHED, null,
                        "发送对账提醒邮件，客户回复将核对", Direction.OUTBOUND);
                case 2 -> acts.log(d.owner(), d.code(), d.contactId(), Channel.VISIT, day, LocalTime.of(15, 0), Outcome.REACHED, Excuse.QUALITY_PROBLEM,
                        "上门拜访财务经理，客户反映部分批次质量问题", Direction.OUTBOUND);
                default -> acts.call(d.owner(), d.code(), d.contactId(), day, LocalTime.of(19, 20), Outcome.REACHED, Excuse.STATEMENT_DIFFERS,
                        "客户来电询问对账单差异", Direction.INBOUND);
            }
            counts[0]++;
            i++;
        }
    }

    /** A few disputes on overdue invoices: a quality complaint, a missing invoice, a price difference. */
    private int disputes(LocalDate today, List<Debtor> debtors, Set<String> used) {
        String[] reasons = {"客户反映第二批货物质量问题，要求退换", "客户称未收到发票原件", "单价与合同不符，客户要求按合同价结算"};
        int n = 0;
        for (Debtor d : debtors) {
            if (n >= reasons.length) {
                break;
            }
            if (used.contains(d.code())) {
                continue;
            }
            String invoiceNo = jdbc.sql("""
                    SELECT i.invoice_no FROM invoice i JOIN customer c ON c.id = i.customer_id
                    JOIN balance_period b ON b.invoice_id = i.id AND b.valid_to IS NULL
                    WHERE c.code = ? AND i.due_date < ? AND b.open_amount > 0 ORDER BY i.due_date, i.invoice_no FETCH FIRST 1 ROWS ONLY""")
                    .params(d.code(), Date.valueOf(today)).query(String.class).optional().orElse(null);
            if (invoiceNo == null) {
                continue;
            }
            used.add(d.code());
            String reason = reasons[n];
            LocalDate opened = today.minusDays(5L + 3L * n);
            DemoActs.as(d.owner(), DemoActs.role(d.owner()), () -> disputes.open(invoiceNo, opened, reason));
            n++;
        }
        return n;
    }

    private BigDecimal paidSince(String code, LocalDate from) {
        return jdbc.sql("SELECT coalesce(sum(p.amount), 0) FROM payment p JOIN customer c ON c.id = p.customer_id WHERE c.code = ? AND p.payment_date >= ?")
                .params(code, Date.valueOf(from)).query(BigDecimal.class).single();
    }
}
