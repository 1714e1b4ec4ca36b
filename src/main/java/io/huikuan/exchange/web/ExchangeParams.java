package io.huikuan.exchange.web;

import io.huikuan.common.NotFoundException;
import io.huikuan.exchange.ExportService;
import io.huikuan.exchange.ImportKind;
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
        return ExportService.request(kind(kind), p);
    }
}
