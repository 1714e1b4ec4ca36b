package io.huikuan.correspondence;

import io.huikuan.correspondence.TemplateData.InvoiceRow;
import io.huikuan.correspondence.TemplateData.Totals;
import io.huikuan.correspondence.TemplateData.Person;
import io.huikuan.correspondence.TemplateText.Part;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * Fills checked template parts with a customer's data. Amounts {@code #,##0.00} with the currency
 * (人民币1,234.50元 / CNY 1,234.50), dates {@code yyyy年M月d日} in Chinese and {@code d MMM yyyy} in English.
 * The HTML has one paragraph per blank-line-separated block (line breaks kept) and the invoice table; every value
 * is HTML-escaped. The text has the table as compact lines.
 */
final class TemplateRenderer {

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final boolean zh;
    private final TemplateData data;
    private final Map<String, String> values = new HashMap<>();
    private final java.util.function.Supplier<String> portalLink;
    private String portalLinkValue;

    private TemplateRenderer(Locale locale, TemplateData data, java.util.function.Supplier<String> portalLink) {
        this.zh = "zh".equals(locale.getLanguage());
        this.data = data;
        this.portalLink = portalLink;
        fill();
    }

    static RenderedMessage render(long versionId, List<Part> subject, List<Part> body, Locale locale, TemplateData data) {
        return render(versionId, subject, body, locale, data, () -> "");
    }

    /**
     * Renders with {@code portalLink} answering {@code {{portal.link}}}: asked only when the template uses it, at most
     * once (the debtor portal makes or reuses a link then).
     */
    static RenderedMessage render(long versionId, List<Part> subject, List<Part> body, Locale locale, TemplateData data,
            java.util.function.Supplier<String> portalLink) {
        TemplateRenderer r = new TemplateRenderer(locale, data, portalLink);
        String s = subject == null ? null : r.text(subject).replaceAll("\\s*\\R\\s*", " ").trim();
        String text = r.text(body);
        String html = r.html(body);
        return new RenderedMessage(versionId, s, text, html, r.portalLinkValue == null || r.portalLinkValue.isBlank() ? null : r.portalLinkValue);
    }

    private void fill() {
        values.put("customer.name", data.customer().name());
        values.put("customer.code", data.customer().code());
        Person contact = data.contact();
        values.put("contact.name", contact != null && contact.name() != null ? contact.name() : zh ? "贵司财务负责人" : "Sir or Madam");
        values.put("contact.title", contact == null ? "" : nz(contact.title()));
        values.put("invoices.count", String.valueOf(data.invoices().size()));
        values.put("upcoming.count", String.valueOf(data.upcoming().size()));
        values.put("totals.upcoming", perCurrency(Totals::upcoming));
        values.put("due.next", data.nextDue() == null ? "" : date(data.nextDue()));
        values.put("totals.overdue", perCurrency(Totals::overdue));
        values.put("totals.open", perCurrency(Totals::open));
        values.put("totals.interest", perCurrency(Totals::interest));
        values.put("totals.overdueWithInterest", perCurrency(Totals::overdueWithInterest));
        figures();
        values.put("due.oldest", data.oldestDue() == null ? "" : date(data.oldestDue()));
        values.put("due.daysOverdue", String.valueOf(data.daysOverdue()));
        Person collector = data.collector();
        values.put("collector.name", collector == null ? "" : nz(collector.name()));
        values.put("collector.phone", collector == null ? "" : nz(collector.phone()));
        values.put("collector.email", collector == null ? "" : nz(collector.email()));
        values.put("manager.name", data.manager() == null ? "" : nz(data.manager().name()));
        var company = data.company();
        values.put("company.name", nz(company.name()));
        values.put("company.address", nz(company.address()));
        values.put("company.phone", nz(company.phone()));
        values.put("company.email", nz(company.email()));
        values.put("company.bankName", nz(company.bankName()));
        values.put("company.bankAccount", nz(company.bankAccount()));
        values.put("company.taxId", nz(company.taxId()));
        values.put("today", date(data.today()));
        values.put("payBy", date(data.payBy()));
        values.put("document.number", data.documentNumber() != null ? data.documentNumber() : zh ? "（发出时编号）" : "(numbered when issued)");
    }

    /**
     * The calculator's figures in the totals' currency; without a calculator, the contract interest and its total stand
     * in and the court fee is left blank.
     */
    private void figures() {
        LetterFigures.Figures f = data.figures();
        String currency = data.totals().currency();
        if (f == null) {
            values.put("interest.total", money(data.totals().interest(), currency));
            values.put("claim.total", money(data.totals().overdueWithInterest(), currency));
            values.put("courtFee.estimate", zh ? "（未计算）" : "(not computed)");
            values.put("interest.basis", zh ? "合同约定" : "the contract");
            return;
        }
        values.put("interest.total", money(f.interest(), currency));
        values.put("claim.total", money(f.claim(), currency));
        // court fees are paid in RMB on the claim's RMB value: a claim in another currency needs a rate we do not have here
        values.put("courtFee.estimate", "CNY".equals(currency) ? money(f.courtFee(), "CNY")
                : zh ? "（按诉请金额折合人民币后计算）" : "(computed on the claim converted to CNY)");
        values.put("interest.basis", dailyRate(f.defaultDailyRate()));
    }

    /** A daily rate as letters say it: 0.0005 → "每日万分之五" / "0.05% a day"; 0 → no interest. */
    private String dailyRate(BigDecimal rate) {
        if (rate == null || rate.signum() == 0) {
            return zh ? "不计利息" : "no interest";
        }
        BigDecimal perTenThousand = rate.multiply(BigDecimal.valueOf(10000)).stripTrailingZeros();
        if (zh && perTenThousand.scale() <= 0 && perTenThousand.intValueExact() >= 1 && perTenThousand.intValueExact() <= 10) {
            return "每日万分之" + "一二三四五六七八九十".charAt(perTenThousand.intValueExact() - 1);
        }
        String percent = rate.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
        return zh ? "每日" + percent : percent + " a day";
    }

    private String value(String variable) {
        if (TemplateVariables.PORTAL_LINK.equals(variable)) {
            if (portalLinkValue == null) {
                String link = portalLink.get();
                portalLinkValue = link == null ? "" : link;
            }
            return portalLinkValue;
        }
        return values.getOrDefault(variable, "");
    }

    private String text(List<Part> parts) {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            if (p.variable() == null) {
                out.append(p.text());
            } else if (TemplateVariables.TABLE.equals(p.variable())) {
                out.append(tableText(data.invoices(), false));
            } else if (TemplateVariables.UPCOMING_TABLE.equals(p.variable())) {
                out.append(tableText(data.upcoming(), true));
            } else {
                out.append(value(p.variable()));
            }
        }
        return out.toString();
    }

    /** Paragraphs (blank lines between) with line breaks; the table placeholder closes the paragraph around it. */
    private String html(List<Part> parts) {
        StringBuilder out = new StringBuilder();
        StringBuilder para = new StringBuilder();
        for (Part p : parts) {
            if (p.variable() == null) {
                String[] blocks = p.text().split("\\R[ \\t]*\\R", -1);
                for (int b = 0; b < blocks.length; b++) {
                    if (b > 0) {
                        flush(out, para);
                    }
                    para.append(escape(blocks[b]).replaceAll("\\R", "<br/>\n"));
                }
            } else if (TemplateVariables.TABLE.equals(p.variable()) || TemplateVariables.UPCOMING_TABLE.equals(p.variable())) {
                flush(out, para);
                boolean upcoming = TemplateVariables.UPCOMING_TABLE.equals(p.variable());
                List<InvoiceRow> rows = upcoming ? data.upcoming() : data.invoices();
                out.append(rows.isEmpty() ? "<p>" + (zh ? "（无）" : "(none)") + "</p>\n" : tableHtml(rows, upcoming));
            } else {
                para.append(escape(value(p.variable())));
            }
        }
        flush(out, para);
        return out.toString();
    }

    /**
     * Escapes only what HTML needs (&amp; &lt; &gt; &quot; &#39;), leaving Chinese and typographic characters as they
     * are: named entities such as {@code &ldquo;} are not XML, and the same HTML is laid out into PDF letters (XHTML).
     */
    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }

    private static void flush(StringBuilder out, StringBuilder para) {
        String s = para.toString().replaceAll("^(<br/>\\n|\\s)+|(<br/>\\n|\\s)+$", "");
        if (!s.isEmpty()) {
            out.append("<p>").append(s).append("</p>\n");
        }
        para.setLength(0);
    }

    private List<String> headers(boolean upcoming) {
        if (data.totals().multiCurrency()) {
            // several currencies: each row names its own, the totals are one line per currency
            if (upcoming) {
                return zh ? List.of("发票号", "开票日期", "到期日", "币种", "发票金额", "未付金额")
                        : List.of("Invoice", "Invoice date", "Due date", "Currency", "Amount", "Open");
            }
            return zh ? List.of("发票号", "开票日期", "到期日", "币种", "发票金额", "未付金额", "逾期天数", "逾期利息")
                    : List.of("Invoice", "Invoice date", "Due date", "Currency", "Amount", "Open", "Days overdue", "Interest");
        }
        String cur = data.totals().currency();
        if (upcoming) {
            return zh ? List.of("发票号", "开票日期", "到期日", "发票金额(" + cur + ")", "未付金额(" + cur + ")")
                    : List.of("Invoice", "Invoice date", "Due date", "Amount (" + cur + ")", "Open (" + cur + ")");
        }
        return zh ? List.of("发票号", "开票日期", "到期日", "发票金额(" + cur + ")", "未付金额(" + cur + ")", "逾期天数", "逾期利息(" + cur + ")")
                : List.of("Invoice", "Invoice date", "Due date", "Amount (" + cur + ")", "Open (" + cur + ")", "Days overdue",
                        "Interest (" + cur + ")");
    }

    private String tableHtml(List<InvoiceRow> rows, boolean upcoming) {
        boolean multi = data.totals().multiCurrency();
        StringBuilder t = new StringBuilder("<table class=\"invoices\">\n<thead><tr>");
        for (String h : headers(upcoming)) {
            t.append("<th>").append(escape(h)).append("</th>");
        }
        t.append("</tr></thead>\n<tbody>\n");
        for (InvoiceRow r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.number(), date(r.invoiceDate()), date(r.dueDate())));
            if (multi) {
                cells.add(r.currency());
            }
            cells.add(number(r.amount()));
            cells.add(number(r.open()));
            if (!upcoming) {
                cells.add(String.valueOf(r.daysOverdue()));
                cells.add(number(r.interest()));
            }
            t.append("<tr>");
            for (String cell : cells) {
                t.append("<td>").append(escape(cell)).append("</td>");
            }
            t.append("</tr>\n");
        }
        t.append("</tbody>\n<tfoot>");
        for (Totals total : data.totals().all()) {
            BigDecimal sum = upcoming ? total.upcoming() : total.overdue();
            if (multi && sum.signum() == 0 && (upcoming || total.interest().signum() == 0)) {
                continue; // a currency with nothing in this table
            }
            t.append("<tr><th colspan=\"").append(multi ? 5 : 4).append("\">").append(zh ? "合计" : "Total")
                    .append(multi ? " " + total.currency() : "").append("</th><th>").append(number(sum)).append("</th>");
            if (!upcoming) {
                t.append("<th></th><th>").append(number(total.interest())).append("</th>");
            }
            t.append("</tr>");
        }
        t.append("</tfoot>\n</table>\n");
        return t.toString();
    }

    private String tableText(List<InvoiceRow> rows, boolean upcoming) {
        List<String> lines = new ArrayList<>();
        for (InvoiceRow r : rows) {
            if (upcoming) {
                lines.add(zh ? r.number() + " " + date(r.dueDate()) + "到期 未付" + money(r.open(), r.currency())
                        : r.number() + " due " + date(r.dueDate()) + ", open " + money(r.open(), r.currency()));
            } else {
                lines.add(zh ? r.number() + " 到期" + date(r.dueDate()) + " 未付" + money(r.open(), r.currency()) + " 逾期" + r.daysOverdue() + "天"
                        : r.number() + " due " + date(r.dueDate()) + ", open " + money(r.open(), r.currency()) + ", " + r.daysOverdue() + " days overdue");
            }
        }
        if (lines.isEmpty()) {
            lines.add(zh ? "（无）" : "(none)");
        }
        return String.join("\n", lines);
    }

    /**
     * A total in each currency the customer owes, e.g. "人民币1,000.00元；USD 200.00" (issue 12, item 15): amounts in
     * different currencies are never added.
     */
    private String perCurrency(java.util.function.Function<Totals, BigDecimal> total) {
        List<String> parts = new ArrayList<>();
        for (Totals t : data.totals().all()) {
            parts.add(money(total.apply(t), t.currency()));
        }
        return String.join(zh ? "；" : "; ", parts);
    }

    private String money(BigDecimal amount, String currency) {
        String n = number(amount);
        return zh && "CNY".equals(currency) ? "人民币" + n + "元" : currency + " " + n;
    }

    static String number(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    private String date(LocalDate d) {
        return d == null ? "" : d.format(zh ? ZH_DATE : EN_DATE);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
