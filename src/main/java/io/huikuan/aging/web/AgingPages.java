package io.huikuan.aging.web;

import io.huikuan.aging.AgingBucketSets;
import io.huikuan.aging.AgingDrill;
import io.huikuan.aging.AgingGrouping;
import io.huikuan.aging.AgingQueries;
import io.huikuan.aging.AgingReport;
import io.huikuan.common.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The aging report page: open receivables as of a date in buckets (the default ones or a named
 * set), grouped as chosen, every cell linking to the invoices behind it; and its XLSX export.
 * Every role may use it; collectors see their own portfolio (the queries do that). Bad parameters
 * answer 400 with the form and an error naming the field.
 */
@Controller
class AgingPages {

    /** Invoices per page of a cell's drill-down. */
    static final int PAGE_SIZE = 50;
    /** The page shows at most this many rows (the largest totals); the total row and the export cover every row. */
    static final int MAX_ROWS = 500;

    private final AgingQueries aging;
    private final AgingBucketSets bucketSets;
    private final AgingDrill drill;
    private final MessageSource messages;
    private final Clock clock;

    AgingPages(AgingQueries aging, AgingBucketSets bucketSets, AgingDrill drill, MessageSource messages, Clock clock) {
        this.aging = aging;
        this.bucketSets = bucketSets;
        this.drill = drill;
        this.messages = messages;
        this.clock = clock;
    }

    /** A row of the report as the page shows it: the label, the key for the links, the amounts. */
    record Line(String key, String label, String name, AgingReport.Row row) {
    }

    /** Links of the drill-down pager (the keys of {@code fragments :: pager}). */
    record PagerLinks(String base) {

        public String page(int page) {
            return base + (page > 0 ? "&page=" + page : "");
        }
    }

    @GetMapping("/aging")
    String report(@RequestParam(required = false) String asOf, @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String bucketSet, Model model, Locale locale, HttpServletResponse response) {
        AgingParams params = params(asOf, groupBy, bucketSet, locale);
        form(model, params, locale);
        if (params.errors.any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "aging/report";
        }
        AgingReport report = aging.aging(params.asOf, params.buckets, params.grouping);
        model.addAttribute("report", report);
        List<Line> lines = lines(report, params.grouping, locale);
        model.addAttribute("lines", lines.size() > MAX_ROWS ? lines.subList(0, MAX_ROWS) : lines);
        model.addAttribute("rowCount", lines.size());
        model.addAttribute("maxRows", MAX_ROWS);
        return "aging/report";
    }

    @GetMapping("/aging/invoices")
    String invoices(@RequestParam(required = false) String asOf, @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String bucketSet, @RequestParam(required = false) String key,
            @RequestParam(required = false) String bucket, @RequestParam(required = false) String page,
            @RequestParam(required = false) String currency, Model model, Locale locale, HttpServletResponse response) {
        AgingParams params = params(asOf, groupBy, bucketSet, locale);
        String cur = null;
        try {
            cur = AgingApi.currency(currency);
        } catch (io.huikuan.common.ValidationException e) {
            params.errors.add("currency", messages.getMessage("error.currency", null, locale));
        }
        Integer index = null;
        if (bucket != null && !bucket.isBlank()) {
            index = params.errors.integer("bucket", bucket);
            if (index != null && (index < 0 || index >= params.buckets.size())) {
                params.errors.add("bucket", messages.getMessage("aging.error.bucket", new Object[] {params.buckets.size() - 1}, locale));
                index = null;
            }
        }
        Integer pageNo = params.errors.integer("page", page);
        form(model, params, locale);
        model.addAttribute("key", key);
        model.addAttribute("keyLabel", keyLabel(key, params.grouping, locale));
        model.addAttribute("bucketLabel", index == null ? messages.getMessage("aging.allBuckets", null, locale)
                : AgingLabels.bucket(messages, params.buckets.get(index), locale));
        if (params.errors.any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "aging/invoices";
        }
        AgingDrill.Result result = drill.invoices(params.asOf, params.buckets, params.grouping, key, index, cur,
                pageNo == null ? 0 : Math.max(pageNo, 0), PAGE_SIZE);
        Page<?> asked = new Page<>(result.items(), result.total(), result.page(), result.size());
        if (asked.beyondEnd()) {
            result = drill.invoices(params.asOf, params.buckets, params.grouping, key, index, asked.lastPage(), PAGE_SIZE); // show the last page
        }
        model.addAttribute("cell", result);
        model.addAttribute("result", new Page<>(result.items(), result.total(), result.page(), result.size()));
        model.addAttribute("links", new PagerLinks(params.cell(key, index, cur)));
        return "aging/invoices";
    }

    /** The report as XLSX: one row per group with its bucket amounts and total, then the total row. */
    @GetMapping("/aging/export.xlsx")
    String export(@RequestParam(required = false) String asOf, @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String bucketSet, Model model, Locale locale, HttpServletResponse response) throws IOException {
        AgingParams params = params(asOf, groupBy, bucketSet, locale);
        if (params.errors.any()) {
            form(model, params, locale);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "aging/report";
        }
        AgingReport report = aging.aging(params.asOf, params.buckets, params.grouping);
        boolean customers = params.grouping == AgingGrouping.CUSTOMER;
        List<String> header = new ArrayList<>();
        header.add(AgingLabels.grouping(messages, params.grouping, locale));
        if (customers) {
            header.add(messages.getMessage("customer.name", null, locale));
        }
        params.buckets.forEach(b -> header.add(AgingLabels.bucket(messages, b, locale)));
        header.add(messages.getMessage("aging.total", null, locale));
        header.add(messages.getMessage("dashboard.disputed", null, locale));
        List<List<Object>> rows = new ArrayList<>();
        for (Line line : lines(report, params.grouping, locale)) {
            List<Object> row = new ArrayList<>(Arrays.asList(report.multiCurrency() ? line.label() + " (" + line.row().currency() + ")" : line.label()));
            if (customers) {
                row.add(line.name());
            }
            row.addAll(line.row().amounts());
            row.add(line.row().total());
            row.add(line.row().disputed());
            rows.add(row);
        }
        // one total row per currency when several are present (amounts of different currencies are never added)
        for (AgingReport.CurrencyTotal ct : report.byCurrency().isEmpty()
                ? List.of(new AgingReport.CurrencyTotal(report.currency(), report.total().total(), report.total().amounts(), report.total().disputed()))
                : report.byCurrency()) {
            String label = report.multiCurrency() ? messages.getMessage("currency.totalIn", new Object[] {ct.currency()}, locale)
                    : messages.getMessage("aging.total", null, locale);
            List<Object> total = new ArrayList<>(Arrays.asList(label));
            if (customers) {
                total.add(null);
            }
            total.addAll(ct.amounts());
            total.add(ct.total());
            total.add(ct.disputed());
            rows.add(total);
        }
        String sheet = messages.getMessage("aging.title", null, locale) + " " + params.asOf;
        XlsxTables.send(response, "aging-" + params.asOf + "-" + params.grouping.apiName() + ".xlsx",
                List.of(new XlsxTables.Sheet(sheet, header, rows)));
        return null;
    }

    private AgingParams params(String asOf, String groupBy, String bucketSet, Locale locale) {
        return new AgingParams(asOf, groupBy, bucketSet, LocalDate.now(clock), bucketSets, messages, locale);
    }

    private void form(Model model, AgingParams params, Locale locale) {
        model.addAttribute("params", params);
        model.addAttribute("errors", params.errors);
        model.addAttribute("groupings", AgingGrouping.values());
        model.addAttribute("bucketSets", bucketSets.list());
        model.addAttribute("bucketLabels", params.buckets.stream().map(b -> AgingLabels.bucket(messages, b, locale)).toList());
        model.addAttribute("groupingLabel", AgingLabels.grouping(messages, params.grouping, locale));
    }

    private List<Line> lines(AgingReport report, AgingGrouping grouping, Locale locale) {
        List<Line> lines = new ArrayList<>(report.rows().size());
        for (AgingReport.Row row : report.rows()) {
            String key = grouping == AgingGrouping.NONE ? "all" : row.key() == null ? "" : row.key();
            lines.add(new Line(key, keyLabel(key, grouping, locale), row.name(), row));
        }
        return lines;
    }

    /** What a row key means on the page: the key, "(none)" for the row without a value, "all" for every row. */
    private String keyLabel(String key, AgingGrouping grouping, Locale locale) {
        if (key == null || grouping == AgingGrouping.NONE) {
            return messages.getMessage("aging.allRows", null, locale);
        }
        return key.isEmpty() ? messages.getMessage("aging.noValue", null, locale) : key;
    }
}
