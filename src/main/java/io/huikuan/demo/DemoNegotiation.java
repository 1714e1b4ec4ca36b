package io.huikuan.demo;

import io.huikuan.identity.Role;
import io.huikuan.ledger.Payment;
import io.huikuan.ledger.PaymentMethod;
import io.huikuan.ledger.PaymentService;
import io.huikuan.negotiation.AuthorityLimits;
import io.huikuan.negotiation.AuthorityMatrix;
import io.huikuan.negotiation.PaymentPlan;
import io.huikuan.negotiation.PaymentPlanStatus;
import io.huikuan.negotiation.PaymentPlans;
import io.huikuan.negotiation.PlanRequest;
import io.huikuan.negotiation.PlanRequest.InstallmentRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The negotiations of the demo, on overdue RMB customers of the collectors that are in no legal case, no dispute and no
 * promise (each used once; fewer are seeded when fewer are found), done as the demo users through the negotiation's
 * services: a payment plan agreed about six weeks ago and approved by the manager, its down payment and first installment
 * paid on time (posted through the ledger by finance) and the next due in about ten days; a plan a collector proposed this
 * week after three offers (they asked for 12 months, we offered 20% down and 6 months, accepted), waiting in the
 * manager's queue; the offers of {@link DemoOffers}; and the concessions of {@link DemoConcessions}.
 */
@Component
class DemoNegotiation {

    /** What was made, for the start-up log. */
    record Seeded(int plans, int payments, int concessions, int offers) {
    }

    /** An overdue invoice of a candidate customer, with its open amount (unchanged since the date the query was asked for). */
    record Debt(String invoiceNo, LocalDate dueDate, BigDecimal open) {
    }

    /** A candidate customer: its owner, first contact (0: none) and overdue invoices, oldest due first. */
    record Debtor(String code, String owner, long contactId, List<Debt> debts) {

        BigDecimal total() {
            return debts.stream().map(Debt::open).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The oldest invoices whose sum stays within {@code max}. */
        List<Debt> upTo(BigDecimal max) {
            List<Debt> chosen = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (Debt d : debts) {
                if (sum.add(d.open()).compareTo(max) <= 0) {
                    chosen.add(d);
                    sum = sum.add(d.open());
                }
            }
            return chosen;
        }
    }

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final JdbcClient jdbc;
    private final PaymentPlans plans;
    private final PaymentService payments;
    private final AuthorityMatrix matrix;
    private final DemoConcessions concessions;
    private final DemoOffers offers;
    private final ZoneId zone;
    private final TransactionTemplate tx;

    DemoNegotiation(JdbcClient jdbc, PaymentPlans plans, PaymentService payments, AuthorityMatrix matrix, DemoConcessions concessions, DemoOffers offers,
            java.time.Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.payments = payments;
        this.matrix = matrix;
        this.concessions = concessions;
        this.offers = offers;
        this.zone = clock.getZone();
        this.tx = new TransactionTemplate(transactions);
    }

    /** Seeds the demo's negotiations as of {@code today}, in one transaction. */
    Seeded seed(LocalDate today) {
        return tx.execute(s -> {
            AuthorityLimits limits = matrix.limits();
            Set<String> used = new java.util.HashSet<>();
            int[] made = new int[4];
            LocalDate agreed = DemoActs.weekday(today.minusDays(42));
            pick(debtors(agreed, today), used, limits).ifPresent(d -> activePlan(d, agreed, today, made));
            LocalDate proposed = today.getDayOfWeek() == DayOfWeek.MONDAY ? today : DemoActs.weekday(today.minusDays(1));
            pick(debtors(proposed, today), used, limits).ifPresent(d -> pendingPlan(d, proposed, made));
            made[2] = concessions.seed(debtors(today, today).stream().filter(d -> !used.contains(d.code())).toList(), today, limits);
            return new Seeded(made[0], made[1], made[2], made[3]);
        });
    }

    /**
     * The first unused debtor whose oldest invoices, as many as stay within the manager's limit, come to more than the
     * collector's: a manager approves the plan alone. Marked used.
     */
    private static java.util.Optional<Debtor> pick(List<Debtor> debtors, Set<String> used, AuthorityLimits limits) {
        for (Debtor d : debtors) {
            List<Debt> chosen = d.upTo(limits.managerLimit());
            Debtor within = new Debtor(d.code(), d.owner(), d.contactId(), chosen);
            if (!used.contains(d.code()) && within.total().compareTo(limits.collectorLimit()) > 0) {
                used.add(d.code());
                return java.util.Optional.of(within);
            }
        }
        return java.util.Optional.empty();
    }

    /** Agreed on {@code agreed}: 30% down within three days, five monthly installments, the second due ten days from today. */
    private void activePlan(Debtor d, LocalDate agreed, LocalDate today, int[] made) {
        BigDecimal total = d.total();
        BigDecimal down = percentOf(total, new BigDecimal("30"));
        LocalDate next = today.plusDays(10);
        LocalDate approved = nextWeekday(agreed.plusDays(1));
        List<InstallmentRequest> schedule = new ArrayList<>(List.of(new InstallmentRequest(nextWeekday(agreed.plusDays(3)).toString(),
                down.toPlainString())));
        List<BigDecimal> parts = split(total.subtract(down), 5);
        for (int k = 0; k < parts.size(); k++) {
            schedule.add(new InstallmentRequest(next.plusMonths(k - 1L).toString(), parts.get(k).toPlainString()));
        }
        PlanRequest request = new PlanRequest(d.code(), invoiceNos(d), agreed.toString(), schedule, null, null,
                "客户资金周转困难，经多次上门协商，同意首付30%，余款分5个月付清；逾期一期即全部到期");
        PaymentPlan plan = DemoActs.as(d.owner(), Role.COLLECTOR, () -> plans.propose(request));
        if (plan.status() == PaymentPlanStatus.PENDING_APPROVAL) {
            DemoActs.as("manager", Role.MANAGER, () -> plans.approve(plan.id(), "首付比例符合政策，同意执行"));
        }
        backdate(plan.id(), agreed, approved);
        made[0]++;
        // the down payment the day the manager approved, the first installment a few days before it was due
        pay(d, "PP" + plan.id() + "-0", approved, down, "分期首付款");
        pay(d, "PP" + plan.id() + "-1", DemoActs.weekday(next.minusMonths(1).minusDays(2)), parts.get(0), "分期第1期");
        made[1] += 2;
    }

    /**
     * Proposed by the collector on {@code on} after three offers this week and last: 20% down in a week, six monthly
     * installments; above the collector's limit, it waits for the manager.
     */
    private void pendingPlan(Debtor d, LocalDate on, int[] made) {
        BigDecimal total = d.total();
        BigDecimal down = percentOf(total, new BigDecimal("20"));
        List<InstallmentRequest> schedule = new ArrayList<>(List.of(new InstallmentRequest(on.plusDays(7).toString(), down.toPlainString())));
        List<BigDecimal> parts = split(total.subtract(down), 6);
        for (int k = 0; k < parts.size(); k++) {
            schedule.add(new InstallmentRequest(on.plusMonths(k + 1L).toString(), parts.get(k).toPlainString()));
        }
        PlanRequest request = new PlanRequest(d.code(), invoiceNos(d), on.toString(), schedule, null, null,
                "客户要求分12个月，经协商同意首付20%，余款6个月内付清；请主管审批");
        PaymentPlan plan = DemoActs.as(d.owner(), Role.COLLECTOR, () -> plans.propose(request));
        made[0]++;
        made[3] += DemoActs.as(d.owner(), Role.COLLECTOR, () -> offers.record(d, on, total, down, plan.id()));
    }

    /** A payment of the customer allocated to the plan's invoices, oldest first, posted by finance. */
    private void pay(Debtor d, String ref, LocalDate on, BigDecimal amount, String note) {
        List<Payment.Allocation> allocations = new ArrayList<>();
        BigDecimal left = amount;
        for (Debt debt : d.debts()) {
            BigDecimal part = left.min(debt.open());
            if (part.signum() > 0) {
                allocations.add(new Payment.Allocation(debt.invoiceNo(), part));
                left = left.subtract(part);
            }
        }
        DemoActs.as("finance", Role.FINANCE, () -> payments.post(new PaymentService.PaymentRequest(ref, d.code(), on, amount, "CNY",
                PaymentMethod.BANK_TRANSFER, note, allocations, false), "demo data"));
        // what is paid is no longer open: later installments are allocated to what remains
        List<Debt> rest = new ArrayList<>();
        BigDecimal paid = amount;
        for (Debt debt : d.debts()) {
            BigDecimal part = paid.min(debt.open());
            paid = paid.subtract(part);
            rest.add(new Debt(debt.invoiceNo(), debt.dueDate(), debt.open().subtract(part)));
        }
        d.debts().clear();
        d.debts().addAll(rest);
    }

    /**
     * The plan was agreed and approved weeks ago, not at start-up: the approvals, the approval day and the strategy's
     * pause are dated back to the working day after the agreement (demo data only; the services date them today).
     */
    private void backdate(long planId, LocalDate agreed, LocalDate approved) {
        jdbc.sql("UPDATE payment_plan SET approved_on = ?, created_at = ? WHERE id = ? AND status = 'ACTIVE'")
                .params(Date.valueOf(approved), Timestamp.from(agreed.atTime(16, 20).atZone(zone).toInstant()), planId).update();
        // the proposer's own approval (if any) the day of the agreement, the others the day of the approval
        String approval = "UPDATE negotiation_approval SET decided_at = ? WHERE subject_kind = 'PAYMENT_PLAN' AND subject_id = ? AND role_filled ";
        jdbc.sql(approval + "= 'COLLECTOR'").params(Timestamp.from(agreed.atTime(16, 20).atZone(zone).toInstant()), planId).update();
        jdbc.sql(approval + "<> 'COLLECTOR'").params(Timestamp.from(approved.atTime(9, 45).atZone(zone).toInstant()), planId).update();
        jdbc.sql("UPDATE strategy_paused_invoice SET paused_from = ? WHERE reason = 'PAYMENT_PLAN' AND source_ref = ?")
                .params(Date.valueOf(approved), String.valueOf(planId)).update();
    }

    /** The nearest working day on or after {@code d}. */
    static LocalDate nextWeekday(LocalDate d) {
        LocalDate x = d;
        while (x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY) {
            x = x.plusDays(1);
        }
        return x;
    }

    private static List<String> invoiceNos(Debtor d) {
        return d.debts().stream().map(Debt::invoiceNo).toList();
    }

    /** {@code percent} of {@code total}, in whole yuan. */
    static BigDecimal percentOf(BigDecimal total, BigDecimal percent) {
        return total.multiply(percent).divide(HUNDRED, 0, RoundingMode.HALF_UP).setScale(2);
    }

    /** {@code amount} in {@code n} parts of whole yuan, the last taking the rest. */
    static List<BigDecimal> split(BigDecimal amount, int n) {
        BigDecimal part = amount.divide(BigDecimal.valueOf(n), 0, RoundingMode.DOWN).setScale(2);
        List<BigDecimal> parts = new ArrayList<>();
        for (int k = 0; k < n - 1; k++) {
            parts.add(part);
        }
        parts.add(amount.subtract(part.multiply(BigDecimal.valueOf(n - 1L))));
        return parts;
    }

    /**
     * The collectors' customers with RMB invoices overdue on {@code since} whose open amount has not changed since, in no
     * legal case, no dispute and no promise, the largest debts first.
     */
    List<Debtor> debtors(LocalDate since, LocalDate today) {
        Date s = Date.valueOf(since);
        Date t = Date.valueOf(today);
        Map<String, Debtor> byCode = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.code, c.owner, coalesce((SELECT min(k.id) FROM contact k WHERE k.customer_id = c.id), 0), i.invoice_no, b.open_amount,
                       i.due_date
                FROM invoice i JOIN customer c ON c.id = i.customer_id
                JOIN balance_period b ON b.invoice_id = i.id AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?)
                JOIN balance_period p ON p.invoice_id = i.id AND p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to > ?)
                WHERE b.open_amount > 0 AND p.open_amount = b.open_amount AND i.due_date < ? AND i.currency = 'CNY'
                  AND c.owner IN ('collector1', 'collector2')
                  AND NOT EXISTS (SELECT 1 FROM legal_case l WHERE l.customer_id = c.id)
                  AND NOT EXISTS (SELECT 1 FROM invoice_dispute x JOIN invoice y ON y.id = x.invoice_id WHERE y.customer_id = c.id)
                  AND NOT EXISTS (SELECT 1 FROM promise r WHERE r.customer_id = c.id)
                ORDER BY c.code, i.due_date, i.invoice_no""")
                .params(t, t, s, s, s)
                .query((rs, n) -> {
                    Debtor d = byCode.computeIfAbsent(rs.getString(1), code -> {
                        try {
                            return new Debtor(code, rs.getString(2), rs.getLong(3), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    d.debts().add(new Debt(rs.getString(4), rs.getDate(6).toLocalDate(), rs.getBigDecimal(5).setScale(2, RoundingMode.HALF_UP)));
                    return 1;
                }).list();
        return byCode.values().stream().sorted(java.util.Comparator.comparing(Debtor::total).reversed().thenComparing(Debtor::code)).toList();
    }
}
