package io.huikuan.correspondence;

import io.huikuan.correspondence.CompanyProfiles.CompanyProfile;
import io.huikuan.correspondence.TemplateData.InvoiceRow;
import io.huikuan.correspondence.TemplateData.Party;
import io.huikuan.correspondence.TemplateData.Person;
import io.huikuan.correspondence.TemplateData.Totals;
import io.huikuan.ledger.LateClause;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A made-up customer with three overdue invoices (daily late rate 0.05%) and one not yet due for previewing a template without real data. */
final class TemplateSamples {

    static final BigDecimal RATE = new BigDecimal("0.0005");

    private TemplateSamples() {
    }

    static TemplateData sample(LocalDate today, CompanyProfile company) {
        List<InvoiceRow> rows = new ArrayList<>();
        rows.add(row("FP-2026-0107", today.minusDays(105), today.minusDays(45), "128000.00", "86000.00", today));
        rows.add(row("FP-2026-0131", today.minusDays(90), today.minusDays(30), "56500.00", "56500.00", today));
        rows.add(row("FP-2026-0158", today.minusDays(72), today.minusDays(12), "23800.00", "23800.00", today));
        BigDecimal overdue = rows.stream().map(InvoiceRow::open).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal interest = rows.stream().map(InvoiceRow::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<InvoiceRow> upcoming = List.of(new InvoiceRow("FP-2026-0203", today.minusDays(20), today.plusDays(10), new BigDecimal("41200.00"),
                new BigDecimal("41200.00"), 0, BigDecimal.ZERO.setScale(2), "CNY"));
        BigDecimal open = overdue.add(new BigDecimal("41200.00"));
        return new TemplateData(new Party("SAMPLE-001", "华东精密机械有限公司", "91310000MA1FL0XX0X"),
                new Person("王丽", "财务经理", "021-5555 0101", "wangli@example.com"), rows,
                upcoming, new Totals("CNY", overdue, open, interest, overdue.add(interest), new BigDecimal("41200.00")), today.minusDays(45),
                new Person("张伟", null, company.phone(), company.email()), new Person("李娜", null, null, null), company, today,
                today.plusDays(company.payByDays()), null);
    }

    private static InvoiceRow row(String no, LocalDate issued, LocalDate due, String amount, String open, LocalDate today) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(due, today);
        BigDecimal o = new BigDecimal(open);
        return new InvoiceRow(no, issued, due, new BigDecimal(amount), o, days, TemplateDataBuilder.interest(o, LateClause.DAILY_RATE, RATE, days),
                "CNY");
    }
}
