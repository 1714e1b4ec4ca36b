package io.huikuan.exchange.web;

import io.huikuan.common.ValidationException;
import io.huikuan.exchange.ImportKind;
import io.huikuan.exchange.ImportMode;
import io.huikuan.exchange.ImportReport;
import io.huikuan.exchange.ImportService;
import io.huikuan.identity.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: upload a CSV or XLSX file of customers, invoices or payments, see the row-by-row
 * validation report. The report is the answer to the upload (shown at once, not stored).
 */
@Controller
class ImportPages {

    /** How many report rows the page lists; the counts always cover the whole file. */
    static final int SHOWN_ERRORS = 1000;

    private final ImportService imports;
    private final MessageSource messages;

    ImportPages(ImportService imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/import")
    String page(@RequestParam(defaultValue = "invoices") String kind, Model model) {
        List<String> kinds = kinds(model);
        if (kinds.isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("your roles may not import anything");
        }
        String k = kind.toLowerCase(Locale.ROOT);
        model.addAttribute("kind", kinds.contains(k) || kinds.isEmpty() ? k : kinds.get(0));
        model.addAttribute("mode", "all-or-nothing");
        model.addAttribute("dryRun", false);
        return "exchange/import";
    }

    /** Only the kinds this user may import are offered (the service refuses the others anyway). */
    private static List<String> kinds(Model model) {
        List<String> kinds = ImportService.kindsFor(CurrentUser.get()).stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
        model.addAttribute("kinds", kinds);
        return kinds;
    }

    @PostMapping("/import")
    String upload(@RequestParam(defaultValue = "invoices") String kind, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "all-or-nothing") String mode, @RequestParam(defaultValue = "false") boolean dryRun,
            Model model, Locale locale) throws IOException {
        kinds(model);
        model.addAttribute("kind", kind.toLowerCase(Locale.ROOT));
        model.addAttribute("mode", mode);
        model.addAttribute("dryRun", dryRun);
        ImportKind importKind;
        ImportMode importMode;
        try {
            importKind = ImportKind.parse(kind);
            importMode = ImportMode.parse(mode);
        } catch (IllegalArgumentException | ValidationException e) {
            model.addAttribute("uploadError", messages.getMessage("import.error.kindOrMode", null, locale));
            return "exchange/import";
        }
        // a kind the user may not import is refused (403) before the file is read
        CurrentUser.require("import " + kind.toLowerCase(Locale.ROOT), ImportService.rolesFor(importKind));
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", messages.getMessage("import.error.noFile", null, locale));
            return "exchange/import";
        }
        ImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = imports.run(importKind, in, file.getOriginalFilename(), importMode, dryRun);
        }
        List<ImportReport.RowError> errors = report.errors() == null ? List.of() : report.errors();
        model.addAttribute("report", report);
        model.addAttribute("filename", file.getOriginalFilename());
        model.addAttribute("shownErrors", errors.size() > SHOWN_ERRORS ? errors.subList(0, SHOWN_ERRORS) : errors);
        model.addAttribute("totalErrors", errors.size());
        return "exchange/import";
    }
}
