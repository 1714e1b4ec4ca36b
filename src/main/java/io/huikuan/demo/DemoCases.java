package io.huikuan.demo;

import io.huikuan.identity.Role;
import io.huikuan.legal.Attachments;
import io.huikuan.legal.CaseOutcome;
import io.huikuan.legal.CaseStage;
import io.huikuan.legal.InterestBasis;
import io.huikuan.legal.LawsuitProcedure;
import io.huikuan.legal.LegalCase;
import io.huikuan.legal.LegalCaseKind;
import io.huikuan.legal.LegalCaseMoney;
import io.huikuan.legal.LegalCaseStages;
import io.huikuan.legal.LegalCases;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The legal cases of the demo, on the customers whose debts are longest overdue (no dispute, no promise, in RMB), opened
 * by the legal user with the claim computed from the calculators (万分之五 a day where the contract says nothing): a
 * payment order served a week ago whose objection period ends next week, a lawsuit with a hearing next week, and a
 * summary lawsuit closed by mediation with the amount recovered posted as a payment and the mediation document on file.
 */
@Component
class DemoCases {

    /** What was made, for the start-up log. */
    record Opened(int cases, int closed) {
    }

    private record Debtor(String code, String invoiceNo) {
    }

    private final JdbcClient jdbc;
    private final LegalCases cases;
    private final LegalCaseStages stages;
    private final LegalCaseMoney money;
    private final Attachments attachments;
    private final TransactionTemplate tx;

    DemoCases(JdbcClient jdbc, LegalCases cases, LegalCaseStages stages, LegalCaseMoney money, Attachments attachments,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.stages = stages;
        this.money = money;
        this.attachments = attachments;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Opens the demo's cases as of {@code today}, as the legal user, in one transaction. */
    Opened open(LocalDate today) {
        return tx.execute(s -> DemoActs.as("legal", Role.LEGAL, () -> openAll(today)));
    }

    private Opened openAll(LocalDate today) {
        List<Debtor> debtors = debtors(today);
        int n = 0;
        int closed = 0;
        int year = today.getYear();
        if (debtors.size() > 0) {
            // a payment order served a week ago: the 15-day objection period (民事诉讼法 art. 227) ends next week
            LegalCase c = cases.open(newCase(debtors.get(0), LegalCaseKind.PAYMENT_ORDER, null, "上海市浦东新区人民法院",
                    "(" + year + ")沪0115民督" + (100 + today.getDayOfYear()) + "号", "张伟"), interestTo(today.minusDays(21)));
            stage(c, CaseStage.FILED, today.minusDays(21), null, null, "提交支付令申请书及证据材料");
            stage(c, CaseStage.ACCEPTED, today.minusDays(16), null, null, "法院受理");
            stage(c, CaseStage.SERVED, today.minusDays(7), null, null, "支付令已向债务人送达");
            n++;
        }
        if (debtors.size() > 1) {
            // a lawsuit in the ordinary procedure with the hearing next week
            LegalCase c = cases.open(newCase(debtors.get(1), LegalCaseKind.LAWSUIT, LawsuitProcedure.ORDINARY, "上海市浦东新区人民法院",
                    "(" + year + ")沪0115民初" + (2000 + today.getDayOfYear()) + "号", "上海某某律师事务所 王律师"), interestTo(today.minusDays(60)));
            stage(c, CaseStage.FILED, today.minusDays(60), null, null, "递交起诉状");
            stage(c, CaseStage.ACCEPTED, today.minusDays(53), null, null, "立案受理，已缴纳诉讼费");
            stage(c, CaseStage.SERVED, today.minusDays(40), null, null, "起诉状副本已送达被告");
            stages.add(c.id(), new LegalCaseStages.NewStage(CaseStage.HEARING, today.plusDays(7), "09:30", "第十二法庭", null, null, "第一次开庭"));
            money.addCost(c.id(), new LegalCaseMoney.Entry(LegalCaseMoney.CostCategory.COURT_FEE, today.minusDays(53), c.costs().signum() > 0
                    ? c.costs() : new BigDecimal("50.00"), "预交案件受理费"));
            n++;
        }
        if (debtors.size() > 2) {
            // a summary lawsuit closed by mediation, the amount recovered posted as a payment
            Debtor d = debtors.get(2);
            LegalCase c = cases.open(newCase(d, LegalCaseKind.LAWSUIT, LawsuitProcedure.SUMMARY, "苏州市吴中区人民法院",
                    "(" + year + ")苏0506民初" + (500 + today.getDayOfYear()) + "号", "张伟"), interestTo(today.minusDays(120)));
            stage(c, CaseStage.FILED, today.minusDays(120), null, null, "递交起诉状");
            stage(c, CaseStage.ACCEPTED, today.minusDays(113), null, null, "适用简易程序");
            stages.add(c.id(), new LegalCaseStages.NewStage(CaseStage.HEARING, today.minusDays(80), "14:00", "第三法庭", null, null, "当庭调解"));
            stages.add(c.id(), new LegalCaseStages.NewStage(CaseStage.MEDIATION, today.minusDays(80), null, null, today.minusDays(80),
                    today.minusDays(50), "达成调解协议，被告于一个月内付清本金"));
            money.addRecovery(c.id(), new LegalCaseMoney.Entry(null, today.minusDays(52), c.openAmount(), "被告按调解书付清本金"));
            attachments.upload(d.code(), "民事调解书摘要.txt", ("民事调解书 " + c.caseNo() + "\n双方自愿达成调解协议：被告于 " + today.minusDays(50)
                    + " 前支付货款 " + c.openAmount().toPlainString() + " 元。\n").getBytes(StandardCharsets.UTF_8),
                    new Attachments.Upload("JUDGMENT", null, "民事调解书（摘要）", "CASE", String.valueOf(c.id()), today.minusDays(80).toString()));
            stages.close(c.id(), new LegalCaseStages.Closing(today.minusDays(50), CaseOutcome.MEDIATED, "调解结案，本金已全部收回"));
            n++;
            closed++;
        }
        return new Opened(n, closed);
    }

    /** The claim computed at 万分之五 a day (where the contract says nothing) up to the day the case was filed. */
    private static LegalCases.InterestMethod interestTo(LocalDate filed) {
        return new LegalCases.InterestMethod(InterestBasis.DAILY_RATE, new BigDecimal("0.0005"), null, filed);
    }

    private static LegalCases.NewCase newCase(Debtor d, LegalCaseKind kind, LawsuitProcedure procedure, String court, String caseNo, String lawyer) {
        return new LegalCases.NewCase(d.code(), List.of(d.invoiceNo()), kind, procedure, court, caseNo, lawyer, null, null, null, null, "legal", false,
                true);
    }

    private void stage(LegalCase c, CaseStage stage, LocalDate date, LocalDate servedOn, LocalDate performBy, String note) {
        stages.add(c.id(), new LegalCaseStages.NewStage(stage, date, null, null, servedOn, performBy, note));
    }

    /** The customers with the longest-overdue RMB invoice (due over 180 days ago), no dispute and no promise, with that invoice. */
    private List<Debtor> debtors(LocalDate today) {
        Date d = Date.valueOf(today);
        return jdbc.sql("""
                SELECT c.code, i.invoice_no FROM invoice i JOIN customer c ON c.id = i.customer_id
                JOIN balance_period b ON b.invoice_id = i.id AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?)
                WHERE b.open_amount > 0 AND i.due_date < ? AND i.currency = 'CNY' AND i.issue_date < ?
                  AND NOT EXISTS (SELECT 1 FROM invoice_dispute x JOIN invoice y ON y.id = x.invoice_id WHERE y.customer_id = c.id)
                  AND NOT EXISTS (SELECT 1 FROM promise p WHERE p.customer_id = c.id)
                ORDER BY i.due_date, b.open_amount DESC, i.invoice_no""")
                .params(d, d, Date.valueOf(today.minusDays(180)), Date.valueOf(today.minusDays(200)))
                .query((rs, n) -> new Debtor(rs.getString(1), rs.getString(2))).list().stream()
                .filter(distinctCustomers()).limit(3).toList();
    }

    private static java.util.function.Predicate<Debtor> distinctCustomers() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return x -> seen.add(x.code());
    }
}
