package io.huikuan.exchange.web;

import io.huikuan.exchange.ExportService;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/exports/{customers|invoices|payments}?format=xlsx|csv} plus the list filters
 * (customers: q, owner, region, grade, industry, businessUnit, overdueOnly; invoices:
 * customerCode, status, q, dueFrom, dueTo, owner; payments: customerCode, q, from, to,
 * unappliedOnly) and {@code lang=zh} for Chinese headers. Streamed; a collector gets their portfolio.
 */
@RestController
@RequestMapping("/api/exports")
class ExportApi {

    private final ExportService exports;

    ExportApi(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/{kind}")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String kind, @RequestParam Map<String, String> params) {
        return download(exports, ExchangeParams.export(kind, params));
    }

    static ResponseEntity<StreamingResponseBody> download(ExportService exports, ExportService.Request request) {
        // the security context is captured here: the body is written on another thread
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        StreamingResponseBody body = out -> {
            var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
            try {
                exports.export(request, out);
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, request.format().contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(exports.fileName(request.kind(), request.format())).build().toString())
                .body(body);
    }
}
