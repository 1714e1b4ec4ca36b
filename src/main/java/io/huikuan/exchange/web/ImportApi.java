package io.huikuan.exchange.web;

import io.huikuan.common.ValidationException;
import io.huikuan.exchange.ImportMode;
import io.huikuan.exchange.ImportReport;
import io.huikuan.exchange.ImportService;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/imports/{customers|invoices|payments}} with a multipart field {@code file},
 * {@code mode=all-or-nothing|valid-rows}, {@code dryRun=true|false}. Answers the import report:
 * 200 when the file was imported (or, in a dry run, would be) or, in valid-rows mode, when its
 * valid rows were; 422 when the file is refused (all-or-nothing with errors, or an unreadable file) (each naming row, column,
 * value and rule). A file refused as a whole has the column {@code file}: unreadable, mixed encodings (naming the row), or over a
 * {@code huikuan.imports.*} limit (the value names the limit, e.g. {@code huikuan.imports.max-cell-chars=32767}): 422 in every
 * mode. 413 (problem details) for a file over {@code spring.servlet.multipart.max-file-size}. 403 for a user who may not import
 * this kind: invoices and payments need FINANCE, MANAGER or ADMIN (as {@code POST /api/payments}); customers also COLLECTOR;
 * LEGAL imports nothing.
 */
@RestController
@RequestMapping("/api/imports")
class ImportApi {

    private final ImportService imports;

    ImportApi(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportReport> importFile(@PathVariable String kind, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String mode, @RequestParam(defaultValue = "false") String dryRun) throws IOException {
        var k = ExchangeParams.kind(kind);
        ImportMode m = ImportMode.parse(mode);
        boolean dry = switch (dryRun.trim().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no", "" -> false;
            default -> throw new ValidationException("dryRun", dryRun, "true or false");
        };
        ImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = imports.run(k, in, file.getOriginalFilename(), m, dry);
        }
        // the file as a whole refused (unreadable, over a limit, mixed encodings: column "file", whatever the row) or its header
        boolean fileError = report.errors().stream()
                .anyMatch(e -> "file".equals(e.column()) || e.row() <= 1 && !e.message().endsWith("not listed"));
        boolean rejected = !report.errors().isEmpty() && (m == ImportMode.ALL_OR_NOTHING || fileError);
        return ResponseEntity.status(rejected ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(report);
    }
}
