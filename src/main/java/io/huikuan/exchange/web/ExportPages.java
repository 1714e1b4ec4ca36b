package io.huikuan.exchange.web;

import io.huikuan.exchange.ExportService;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The browser session's download links: {@code GET /exports/{customers|invoices|payments}?format=xlsx|csv&...}
 * with the same filter parameters as the list pages (see {@link ExportApi}).
 */
@Controller
class ExportPages {

    private final ExportService exports;

    ExportPages(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/exports/{kind}")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String kind, @RequestParam Map<String, String> params) {
        return ExportApi.download(exports, ExchangeParams.export(kind, params));
    }
}
