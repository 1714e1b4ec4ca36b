package io.huikuan.exchange.web;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.exchange.ExportService;
import io.huikuan.exchange.ExportService.Format;
import io.huikuan.exchange.ImportKind;
import io.huikuan.ledger.LedgerQueries.CustomerFilter;
import io.huikuan.ledger.LedgerQueries.InvoiceFilter;
import io.huikuan.ledger.LedgerQueries.PaymentFilter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** Request parameters shared by the API and the browser endpoints: the kind in the path, the list filters as query parameters. */
final class ExchangeParams {

    private ExchangeParams() {
    }

    static ImportKind kind(String path) {
        try {
            return ImportKind.parse(path);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("list", path + " (expected customers, invoices or payments)");
        }
    }

    /** The export request from query parameters named as the list filters (e.g. q, owner, status, dueFrom, dueTo). */
    static ExportService.Request export(String kind, Map<String, String> p) {
        ImportKind k = kind(kind);
        Format format = Format.parse(p.get("format"));
        String lang = p.getOrDefault("lang", "");
        boolean chinese = lang.toLowerCase(Locale.ROOT).startsWith("zh") || "true".equalsIgnoreCase(p.get("chineseHeaders"));
        CustomerFilter customers = new CustomerFilter(p.get("q"), p.get("owner"), p.get("region"), p.get("grade"), p.get("industry"),
                p.get("businessUnit"), bool(p.get("overdueOnly")));
        InvoiceFilter invoices = new InvoiceFilter(p.get("customerCode"), p.get("status"), p.get("q"), date(p, "dueFrom"), date(p, "dueTo"),
                p.get("owner"));
        PaymentFilter payments = new PaymentFilter(p.get("customerCode"), p.get("q"), date(p, "from"), date(p, "to"),
                bool(p.get("unappliedOnly")));
        return new ExportService.Request(k, format, chinese, customers, invoices, payments);
    }

    private static Boolean bool(String s) {
        return s == null || s.isBlank() ? null : Boolean.valueOf(s.trim());
    }

    private static LocalDate date(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, v, "a date yyyy-MM-dd");
        }
    }
}
