package io.huikuan.aging.web;

import io.huikuan.aging.AgingBucket;
import io.huikuan.aging.AgingQueries;
import io.huikuan.aging.AgingReport;
import io.huikuan.aging.DashboardFigures;
import io.huikuan.common.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The management dashboard: totals, aging bars, overdue by owner, the DSO/ADD/CEI trend of the
 * last 24 month ends (stored figures for closed months) and the customers with the most overdue, all as
 * of today and scoped to the
 * user's portfolio (the queries do that). Every bar carries the link to the invoices behind it.
 */
@Controller
class DashboardPages {

    /** DSO and its relatives are measured over this many days of sales. */
    static final int DSO_DAYS = DashboardFigures.DSO_DAYS;
    /** How many month ends the trend shows. */
    static final int TREND_MONTHS = DashboardFigures.TREND_MONTHS;

    private final MessageSource messages;
    private final Clock clock;

    private final DashboardFigures figures;
    private final HomePanels panels;

    DashboardPages(MessageSource messages, Clock clock, DashboardFigures figures, HomePanels panels) {
        this.figures = figures;
        this.panels = panels;
        this.messages = messages;
        this.clock = clock;
    }

    /** One bar of a chart and the row of the table under it: what it is, how much, and the invoices behind it. */
    record Bar(String label, BigDecimal amount, String href) {
    }

    /** The measures at one month end; a measure without a denominator is null. */
    record TrendPoint(LocalDate monthEnd, BigDecimal dso, BigDecimal bestPossibleDso, BigDecimal add, BigDecimal countbackDso,
            BigDecimal cei, BigDecimal overdueRatio, BigDecimal averageDaysToPay, BigDecimal averageDaysLate, boolean closed) {

        /** The values as the chart reads them: "dso|bpdso|add|countback|cei", a missing value empty. */
        public String getSeries() {
            return java.util.stream.Stream.of(dso, bestPossibleDso, add, countbackDso, cei)
                    .map(v -> v == null ? "" : v.toPlainString()).collect(java.util.stream.Collectors.joining("|"));
        }
    }

    @GetMapping("/dashboard")
    String dashboard(Model model, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        DashboardFigures.Figures f = figures.get(today);
        AgingReport total = f.total();
        int notDueIndex = notDueIndex(total.buckets());
        BigDecimal notDue = notDueIndex < 0 ? BigDecimal.ZERO : total.total().amounts().get(notDueIndex);
        List<Bar> agingBars = agingBars(total, locale);

        model.addAttribute("asOf", today);
        model.addAttribute("totalAr", total.total().total());
        model.addAttribute("overdue", total.total().total().subtract(notDue));
        model.addAttribute("notDue", notDue);
        model.addAttribute("notDueHref", notDueIndex < 0 ? null : agingBars.get(notDueIndex).href());
        model.addAttribute("overdueHref", "/invoices?status=overdue");
        model.addAttribute("agingBars", agingBars);
        model.addAttribute("disputed", total.total().disputed());
        model.addAttribute("ownerBars", ownerBars(f.byOwner(), locale));
        model.addAttribute("trend", trend(f));
        model.addAttribute("dsoDays", DSO_DAYS);
        model.addAttribute("topOverdue", f.topOverdue());
        model.addAttribute("baseCurrency", total.currency());
        model.addAttribute("currencyTotals", currencyTotals(total, notDueIndex));
        model.addAttribute("seesLimitation", LimitationKpi.sees(io.huikuan.identity.CurrentUser.get()));
        panels.addWork(model);
        return "aging/dashboard";
    }

    /**
     * A table of the dashboard as XLSX ({@code aging}, {@code owners}, {@code top-overdue} or
     * {@code trend}): the same figures and scope as the page, headers in the user's language.
     */
    @GetMapping("/dashboard/export/{table}.xlsx")
    void export(@PathVariable String table, Locale locale, HttpServletResponse response) throws IOException {
        LocalDate today = LocalDate.now(clock);
        DashboardFigures.Figures f = figures.get(today);
        XlsxTables.Sheet sheet = switch (table) {
            case "aging" -> new XlsxTables.Sheet(msg("dashboard.aging.sheet", locale),
                    List.of(msg("dashboard.bucket", locale), msg("dashboard.amount", locale)),
                    agingBars(f.total(), locale).stream()
                            .map(b -> List.<Object>of(b.label(), b.amount())).toList());
            case "owners" -> new XlsxTables.Sheet(msg("dashboard.byOwner", locale),
                    List.of(msg("dashboard.owner", locale), msg("dashboard.overdue", locale)),
                    ownerBars(f.byOwner(), locale).stream().map(b -> List.<Object>of(b.label(), b.amount())).toList());
            case "top-overdue" -> topOverdueSheet(f, locale);
            case "trend" -> new XlsxTables.Sheet(msg("dashboard.trend.sheet", locale),
                    List.of(msg("dashboard.monthEnd", locale), msg("dashboard.dso", locale), msg("dashboard.bpdso", locale),
                            msg("dashboard.add", locale), msg("dashboard.countbackDso", locale), msg("dashboard.cei.percent", locale),
                            msg("dashboard.overdueRatio", locale), msg("dashboard.daysToPay", locale), msg("dashboard.daysLate", locale),
                            msg("dashboard.closed", locale)),
                    trend(f).stream().map(p -> List.<Object>of(p.monthEnd(), XlsxTables.Num.days(p.dso()),
                            XlsxTables.Num.days(p.bestPossibleDso()), XlsxTables.Num.days(p.add()), XlsxTables.Num.days(p.countbackDso()),
                            XlsxTables.Num.days(p.cei()), XlsxTables.Num.days(p.overdueRatio()), XlsxTables.Num.days(p.averageDaysToPay()),
                            XlsxTables.Num.days(p.averageDaysLate()), p.closed() ? msg("dashboard.closed.yes", locale) : "")).toList());
            default -> throw new NotFoundException("dashboard table", table);
        };
        XlsxTables.send(response, "dashboard-" + table + "-" + today + ".xlsx", List.of(sheet));
    }

    /** The top-overdue customers; a currency column only when customers in several currencies are listed. */
    private XlsxTables.Sheet topOverdueSheet(DashboardFigures.Figures f, Locale locale) {
        boolean multi = f.topOverdue().stream().map(AgingQueries.TopCustomer::currency).distinct().count() > 1
                || f.total().multiCurrency();
        List<String> header = new ArrayList<>(List.of(msg("customer.code", locale), msg("customer.name", locale), msg("customer.owner", locale),
                msg("summary.overdue", locale), msg("summary.open", locale)));
        if (multi) {
            header.add(msg("currency.label", locale));
        }
        List<List<Object>> rows = f.topOverdue().stream().map(c -> {
            List<Object> row = new ArrayList<>(java.util.Arrays.<Object>asList(c.code(), c.name(), c.owner(), c.overdueAmount(), c.openAmount()));
            if (multi) {
                row.add(c.currency());
            }
            return row;
        }).toList();
        return new XlsxTables.Sheet(msg("dashboard.topOverdue.sheet", locale), header, rows);
    }

    /** The receivables of one currency (issue 12, item 15: shown per currency, never added across currencies). */
    public record CurrencyLine(String currency, BigDecimal total, BigDecimal overdue, BigDecimal disputed) {
    }

    /** One line per currency when more than one is open, else none (the KPIs then say it all). */
    private static List<CurrencyLine> currencyTotals(AgingReport total, int notDueIndex) {
        if (!total.multiCurrency()) {
            return List.of();
        }
        return total.byCurrency().stream().map(c -> new CurrencyLine(c.currency(), c.total(),
                c.total().subtract(notDueIndex < 0 ? BigDecimal.ZERO : c.amounts().get(notDueIndex)), c.disputed())).toList();
    }

    /** One bar per bucket of the total aging, linking to its invoices. */
    private List<Bar> agingBars(AgingReport total, Locale locale) {
        List<AgingBucket> buckets = total.buckets();
        List<Bar> bars = new ArrayList<>();
        for (int b = 0; b < buckets.size(); b++) {
            bars.add(new Bar(bucketLabel(buckets.get(b), locale), total.total().amounts().get(b), bucketHref(buckets.get(b), total.asOf())));
        }
        return bars;
    }

    /** The overdue amount of each owner with any, largest first. */
    private List<Bar> ownerBars(AgingReport byOwner, Locale locale) {
        int notDueIndex = notDueIndex(byOwner.buckets());
        List<Bar> ownerBars = new ArrayList<>();
        for (AgingReport.Row row : byOwner.rows()) {
            if (!row.currency().equals(byOwner.currency())) {
                continue; // one chart, one currency: the other currencies' totals are in the per-currency table
            }
            BigDecimal overdue = row.total().subtract(notDueIndex < 0 ? BigDecimal.ZERO : row.amounts().get(notDueIndex));
            if (overdue.signum() > 0) {
                String label = row.key() == null || row.key().isBlank() ? messages.getMessage("dashboard.noOwner", null, locale) : row.key();
                ownerBars.add(new Bar(label, overdue, row.key() == null || row.key().isBlank() ? null : ownerHref(row.key())));
            }
        }
        ownerBars.sort(Comparator.comparing(Bar::amount).reversed().thenComparing(Bar::label));
        return ownerBars;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** The bucket of invoices not yet due (due today or later), or -1. */
    static int notDueIndex(List<AgingBucket> buckets) {
        for (int b = 0; b < buckets.size(); b++) {
            if (buckets.get(b).holds(0)) {
                return b;
            }
        }
        return -1;
    }

    /**
     * The invoice list behind a bucket as of {@code today}: a bucket of d1..d2 days overdue has due
     * dates today − d2 .. today − d1; the not-due bucket is the open invoices due today or later.
     */
    static String bucketHref(AgingBucket bucket, LocalDate today) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/invoices");
        if (bucket.holds(0)) {
            uri.queryParam("status", "open").queryParam("dueFrom", today);
            return uri.build().toUriString();
        }
        uri.queryParam("status", "overdue");
        if (bucket.toDays() != null) {
            uri.queryParam("dueFrom", today.minusDays(bucket.toDays()));
        }
        if (bucket.fromDays() != null) {
            uri.queryParam("dueTo", today.minusDays(bucket.fromDays()));
        }
        return uri.build().toUriString();
    }

    static String ownerHref(String owner) {
        return UriComponentsBuilder.fromPath("/invoices").queryParam("status", "overdue").queryParam("owner", owner)
                .encode().build().toUriString();
    }

    private String bucketLabel(AgingBucket bucket, Locale locale) {
        return AgingLabels.bucket(messages, bucket, locale);
    }

    /** The measures at the last {@link #TREND_MONTHS} month ends up to today, oldest first (stored ones for closed months). */
    private List<TrendPoint> trend(DashboardFigures.Figures f) {
        return f.trend().stream().map(p -> new TrendPoint(p.monthEnd(), p.dso(), p.bestPossibleDso(), p.add(), p.countbackDso(), p.cei(),
                p.overdueRatio(), p.averageDaysToPay(), p.averageDaysLate(), p.closed())).toList();
    }
}
