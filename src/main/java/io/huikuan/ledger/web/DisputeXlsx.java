package io.huikuan.ledger.web;

import io.huikuan.ledger.Dispute;
import io.huikuan.ledger.DisputeQueries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/** The dispute list as an XLSX sheet (fastexcel): the page's columns, amounts as numbers, dates as dates, labels in the user's language. */
final class DisputeXlsx {

    private static final List<String> HEADER = List.of("invoice.customer", "invoice.no", "dispute.openedOn", "dispute.category", "dispute.amount",
            "dispute.owner", "dispute.dueBy", "disputes.filter.status", "disputes.daysOpen", "disputes.pastDue", "common.reason", "dispute.resolvedOn",
            "dispute.resolution");

    private DisputeXlsx() {
    }

    static byte[] write(DisputeQueries.Listing listing, MessageSource messages, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Huikuan", "1.0");
            Worksheet ws = wb.newWorksheet(messages.getMessage("disputes.list.title", null, locale));
            for (int c = 0; c < HEADER.size(); c++) {
                ws.value(0, c, messages.getMessage(HEADER.get(c), null, locale));
                ws.style(0, c).bold().set();
            }
            ws.freezePane(0, 1);
            int r = 1;
            for (DisputeQueries.Line l : listing.disputes()) {
                Dispute d = l.dispute();
                ws.value(r, 0, d.customerCode());
                ws.value(r, 1, d.invoiceNo());
                date(ws, r, 2, d.openedOn());
                ws.value(r, 3, messages.getMessage("dispute.category." + d.category().name(), null, locale));
                ws.value(r, 4, d.amount());
                ws.style(r, 4).format("#,##0.00").set();
                String owner = (d.ownerFunction() == null ? "" : messages.getMessage("dispute.owner." + d.ownerFunction().name(), null, locale))
                        + (d.ownerUser() == null ? "" : (d.ownerFunction() == null ? "" : " ") + d.ownerUser());
                ws.value(r, 5, owner);
                date(ws, r, 6, d.dueBy());
                ws.value(r, 7, messages.getMessage("disputes.status." + l.status(), null, locale));
                ws.value(r, 8, l.daysOpen());
                ws.value(r, 9, l.overdue() ? messages.getMessage("disputes.pastDue", null, locale) : "");
                ws.value(r, 10, d.reason());
                date(ws, r, 11, d.resolvedOn());
                String resolution = d.outcome() == null ? d.resolution()
                        : messages.getMessage("dispute.outcome." + d.outcome().name(), null, locale) + (d.resolution() == null ? "" : ": " + d.resolution());
                ws.value(r, 12, resolution);
                r++;
            }
            ws.finish();
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void date(Worksheet ws, int r, int c, java.time.LocalDate d) {
        if (d != null) {
            ws.value(r, c, d);
            ws.style(r, c).format("yyyy-mm-dd").set();
        }
    }
}
