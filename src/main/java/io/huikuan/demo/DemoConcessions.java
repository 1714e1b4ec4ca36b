package io.huikuan.demo;

import io.huikuan.identity.Role;
import io.huikuan.negotiation.AuthorityLimits;
import io.huikuan.negotiation.Concession;
import io.huikuan.negotiation.ConcessionStatus;
import io.huikuan.negotiation.Concessions;
import io.huikuan.negotiation.NewConcession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The concessions of the demo, proposed by the customers' collectors on two distinct customers: a 3% discount for
 * payment in full by the 15th of next month, approved (by the manager when above the collector's limit) and waiting for
 * the payment; and a waiver of the late interest (万分之五 a day on the overdue invoices) if everything is paid by the
 * end of the month, above the collector's limit, waiting in the manager's queue.
 */
@Component
class DemoConcessions {

    private static final int MAX_INVOICES = 5;

    private final Concessions concessions;

    DemoConcessions(Concessions concessions) {
        this.concessions = concessions;
    }

    /** Seeds the concessions on the first of {@code candidates} that fit (the largest debts first); answers how many. */
    int seed(List<DemoNegotiation.Debtor> candidates, LocalDate today, AuthorityLimits limits) {
        if (candidates.isEmpty()) {
            return 0;
        }
        discount(candidates.getFirst(), today);
        for (DemoNegotiation.Debtor d : candidates.subList(1, candidates.size())) {
            if (waiver(d, today, limits)) {
                return 2;
            }
        }
        return 1;
    }

    private void discount(DemoNegotiation.Debtor d, LocalDate today) {
        LocalDate payBy = YearMonth.from(today).plusMonths(1).atDay(15);
        NewConcession in = new NewConcession(d.code(), "PROMPT_PAYMENT_DISCOUNT", invoiceNos(d), null, new BigDecimal("3"), payBy, null,
                "客户承诺 " + payBy + " 前一次性付清所列发票，给予3%付款后优惠（到账后开红字发票冲减）", null, null);
        Concession c = DemoActs.as(d.owner(), Role.COLLECTOR, () -> concessions.propose(in));
        if (c.status() == ConcessionStatus.PENDING_APPROVAL) {
            Concession byManager = DemoActs.as("manager", Role.MANAGER, () -> concessions.approve(c.id()));
            if (byManager.status() == ConcessionStatus.PENDING_APPROVAL) {
                DemoActs.as("finance", Role.FINANCE, () -> concessions.approve(c.id()));
            }
        }
    }

    /** The waiver, when the interest of {@code d} comes to more than the collector's limit within the manager's. */
    private boolean waiver(DemoNegotiation.Debtor d, LocalDate today, AuthorityLimits limits) {
        List<String> invoiceNos = invoiceNos(d);
        BigDecimal interest = interest(d, today);
        if (interest.compareTo(limits.collectorLimit()) <= 0 || interest.compareTo(limits.managerLimit()) > 0) {
            return false;
        }
        LocalDate endOfMonth = YearMonth.from(today).atEndOfMonth();
        LocalDate payBy = ChronoUnit.DAYS.between(today, endOfMonth) < 7 ? YearMonth.from(today).plusMonths(1).atEndOfMonth() : endOfMonth;
        NewConcession in = new NewConcession(d.code(), "INTEREST_WAIVER", invoiceNos, interest, null, payBy, null,
                "客户要求免除逾期利息 " + interest.toPlainString() + " 元（按日万分之五计），条件：" + payBy + " 前付清全部欠款；超出本人权限，提请主管审批",
                null, null);
        DemoActs.as(d.owner(), Role.COLLECTOR, () -> concessions.propose(in));
        return true;
    }

    /** The late interest at 万分之五 a day on the invoices from their due date to today, in whole yuan. */
    private BigDecimal interest(DemoNegotiation.Debtor d, LocalDate today) {
        BigDecimal sum = BigDecimal.ZERO;
        for (DemoNegotiation.Debt debt : d.debts().subList(0, Math.min(MAX_INVOICES, d.debts().size()))) {
            long days = Math.max(0, ChronoUnit.DAYS.between(debt.dueDate(), today));
            sum = sum.add(debt.open().multiply(new BigDecimal("0.0005")).multiply(BigDecimal.valueOf(days)));
        }
        return sum.setScale(0, RoundingMode.HALF_UP).setScale(2);
    }

    private static List<String> invoiceNos(DemoNegotiation.Debtor d) {
        return d.debts().stream().limit(MAX_INVOICES).map(DemoNegotiation.Debt::invoiceNo).toList();
    }
}
