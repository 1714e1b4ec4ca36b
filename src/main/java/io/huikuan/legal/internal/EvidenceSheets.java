package io.huikuan.legal.internal;

import io.huikuan.common.XlsxSheet;
import io.huikuan.legal.LimitationEvents;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The spreadsheets of an evidence pack: the invoice ledger extract, the activity log, the payments, the limitation timeline. */
final class EvidenceSheets {

    private final Function<String, String> label;
    private final ZoneId zone;

    /** {@code label}: the text of {@code pdf.evidence.<key>} in the pack's language. */
    EvidenceSheets(Function<String, String> label, ZoneId zone) {
        this.label = label;
        this.zone = zone;
    }

    private List<String> header(String... keys) {
        return Arrays.stream(keys).map(k -> label.apply("col." + k)).toList();
    }

    byte[] invoices(List<EvidencePackQueries.InvoiceRow> invoices) {
        List<List<Object>> rows = new ArrayList<>();
        for (EvidencePackQueries.InvoiceRow i : invoices) {
            rows.add(Arrays.asList(i.invoiceNo(), i.issueDate(), i.dueDate(), i.currency(), i.amount(), i.paid(), i.credited(), i.writtenOff(),
                    i.open(), i.contractNo(), i.taxInvoiceNo()));
        }
        return XlsxSheet.write(new XlsxSheet.Sheet(label.apply("sheet.invoices"),
                header("invoiceNo", "issueDate", "dueDate", "currency", "amount", "paid", "credited", "writtenOff", "open", "contractNo", "taxInvoiceNo"),
                rows));
    }

    byte[] activities(List<EvidencePackQueries.ActivityRow> activities) {
        List<List<Object>> rows = new ArrayList<>();
        for (EvidencePackQueries.ActivityRow a : activities) {
            rows.add(Arrays.asList(LocalDateTime.ofInstant(a.occurredAt(), zone).withNano(0).toString().replace('T', ' '), a.channel(),
                    a.direction(), a.outcome(), a.contact(), a.notes(), a.recordedBy()));
        }
        return XlsxSheet.write(new XlsxSheet.Sheet(label.apply("sheet.activities"),
                header("occurredAt", "channel", "direction", "outcome", "contact", "notes", "recordedBy"), rows));
    }

    byte[] payments(List<EvidencePackQueries.PaymentRow> payments) {
        List<List<Object>> rows = new ArrayList<>();
        for (EvidencePackQueries.PaymentRow p : payments) {
            rows.add(Arrays.asList(p.paymentRef(), p.paymentDate(), p.currency(), p.amount(), p.method(),
                    p.invoiceNo() == null ? label.apply("unapplied") : p.invoiceNo(), p.allocated(), p.note()));
        }
        return XlsxSheet.write(new XlsxSheet.Sheet(label.apply("sheet.payments"),
                header("paymentRef", "paymentDate", "currency", "amount", "method", "invoiceNo", "allocated", "note"), rows));
    }

    /** The events timeline and, when the clock is available ({@link InvoiceClockSource}), each invoice's clock. */
    byte[] limitation(List<LimitationEvents.Event> events, List<InvoiceClockSource.InvoiceClock> clocks) {
        List<List<Object>> rows = new ArrayList<>();
        for (LimitationEvents.Event e : events) {
            rows.add(Arrays.asList(e.date(), label.apply("kind." + e.kind().name()), e.evidence(), String.join(", ", e.invoiceNos()), e.source(),
                    e.counts() ? label.apply("yes") : label.apply("no"), e.note(), e.attachmentId()));
        }
        XlsxSheet.Sheet timeline = new XlsxSheet.Sheet(label.apply("sheet.limitation"),
                header("date", "kind", "evidence", "invoices", "source", "counts", "note", "attachment"), rows);
        if (clocks == null) {
            return XlsxSheet.write(timeline);
        }
        List<List<Object>> clockRows = new ArrayList<>();
        for (InvoiceClockSource.InvoiceClock c : clocks) {
            clockRows.add(Arrays.asList(c.invoiceNo(), c.runsFrom(), c.expiresOn(), c.status()));
        }
        return XlsxSheet.write(timeline, new XlsxSheet.Sheet(label.apply("sheet.clock"), header("invoiceNo", "runsFrom", "expiresOn", "status"),
                clockRows));
    }
}
