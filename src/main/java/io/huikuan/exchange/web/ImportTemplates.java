package io.huikuan.exchange.web;

import io.huikuan.exchange.ImportKind;
import io.huikuan.exchange.internal.Columns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A ready-to-fill CSV for each import kind: every column the import understands (canonical names, or
 * the Chinese header with {@code headers=zh}) and one example row. UTF-8 with BOM, so Excel opens it
 * with the Chinese intact.
 */
@Controller
class ImportTemplates {

    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("customer_code", "KH900001"), Map.entry("name", "苏州恒达精密机械有限公司"), Map.entry("region", "华东"),
            Map.entry("business_unit", "传动事业部"), Map.entry("industry", "机械制造"), Map.entry("owner", "collector1"),
            Map.entry("credit_limit", "500,000.00"), Map.entry("credit_days", "60"), Map.entry("grade", "B"),
            Map.entry("credit_code", "91350100M000100Y43"), Map.entry("invoice_no", "INV-2026-0001"), Map.entry("issue_date", "2026-05-01"),
            Map.entry("due_date", "2026-06-30"), Map.entry("amount", "¥12,345.67"), Map.entry("currency", "CNY"),
            Map.entry("contract_no", ""), Map.entry("tax_invoice_no", "04400123456789012345"), Map.entry("payment_ref", "BANK-20260615-001"),
            Map.entry("payment_date", "2026-06-15"), Map.entry("method", "BANK_ACCEPTANCE_DRAFT"));

    @GetMapping("/import/templates/{kind}")
    ResponseEntity<byte[]> template(@PathVariable String kind, @RequestParam(required = false) String headers) throws IOException {
        ImportKind k = ExchangeParams.kind(kind);
        boolean chinese = "zh".equalsIgnoreCase(headers);
        var columns = Columns.of(k);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            for (Columns.Column c : columns) {
                csv.print(chinese ? c.chinese() : c.name());
            }
            csv.println();
            for (Columns.Column c : columns) {
                csv.print(EXAMPLES.getOrDefault(c.name(), ""));
            }
            csv.println();
        }
        String file = k.name().toLowerCase(Locale.ROOT) + "-template.csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(out.toByteArray());
    }
}
