package io.huikuan.legal.internal;

import io.huikuan.correspondence.PdfRenderer;
import io.huikuan.legal.LimitationEvents;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * {@code 01-index.pdf} of an evidence pack, laid out from the template {@code legal/evidence-index} by the correspondence
 * module's PDF renderer: the customer, the date the pack is as of, the invoices covered with their totals per currency,
 * every file with its folder, name, date, SHA-256 and what it proves, and the limitation events.
 */
@Component
class EvidenceIndex {

    static final String TEMPLATE = "legal/evidence-index";

    /** Totals of the invoices covered in one currency. */
    public record Total(String currency, BigDecimal amount, BigDecimal paid, BigDecimal open) {
    }

    private final PdfRenderer pdf;
    private final org.springframework.context.MessageSource bundle;
    private final Clock clock;

    EvidenceIndex(PdfRenderer pdf, org.springframework.context.MessageSource bundle, Clock clock) {
        this.pdf = pdf;
        this.bundle = bundle;
        this.clock = clock;
    }

    byte[] render(EvidencePackWriter.Scope scope, List<EvidencePackQueries.InvoiceRow> invoices, List<LimitationEvents.Event> events,
            List<EvidencePackWriter.Entry> files, boolean clockIncluded) {
        Map<String, Total> totals = new TreeMap<>();
        for (EvidencePackQueries.InvoiceRow i : invoices) {
            totals.merge(i.currency(), new Total(i.currency(), i.amount(), i.paid(), i.open()),
                    (a, b) -> new Total(a.currency(), a.amount().add(b.amount()), a.paid().add(b.paid()), a.open().add(b.open())));
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("zh", !"en".equals(scope.locale().getLanguage()));
        vars.put("customerCode", scope.customer().code());
        vars.put("customerName", scope.customer().name());
        vars.put("asOf", scope.asOf());
        vars.put("generatedAt", LocalDateTime.now(clock).withNano(0).toString().replace('T', ' '));
        vars.put("filter", scope.invoiceNos().isEmpty() ? null : String.join(", ", new java.util.TreeSet<>(scope.invoiceNos())));
        vars.put("invoices", invoices);
        vars.put("totals", List.copyOf(totals.values()));
        vars.put("files", files.stream().sorted(java.util.Comparator.comparing(EvidencePackWriter.Entry::path)).toList());
        vars.put("events", events);
        vars.put("clockIncluded", clockIncluded);
        vars.put("sharedText", scope.customer().name());
        EvidencePackWriter.CaseFacts c = scope.legalCase();
        vars.put("caseLine", c == null ? null : bundle.getMessage("pdf.evidence.case", new Object[] {"#" + c.id(),
                bundle.getMessage("legal.kind." + c.kind(), null, c.kind(), scope.locale())
                        + (c.court() == null ? "" : ("en".equals(scope.locale().getLanguage()) ? ", " : "，") + c.court()),
                c.caseNo() == null ? "—" : c.caseNo()}, scope.locale()));
        vars.put("claimLine", c == null ? null : bundle.getMessage("pdf.evidence.caseClaim", new Object[] {money(c.principal()), money(c.interest()),
                money(c.penalty()), money(c.costs()), money(c.claimTotal())}, scope.locale()));
        return pdf.render(TEMPLATE, vars, scope.locale());
    }

    private static String money(BigDecimal v) {
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        return f.format(v);
    }
}
