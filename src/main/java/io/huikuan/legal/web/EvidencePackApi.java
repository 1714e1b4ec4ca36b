package io.huikuan.legal.web;

import io.huikuan.common.ValidationException;
import io.huikuan.legal.EvidencePacks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The evidence pack of a customer as a ZIP download (the customer documents page's button posts to the same service). */
@RestController
@Tag(name = "Attachments")
class EvidencePackApi {

    private final EvidencePacks packs;

    EvidencePackApi(EvidencePacks packs) {
        this.packs = packs;
    }

    @GetMapping("/api/customers/{code}/evidence-pack")
    @Operation(summary = "The evidence pack as a ZIP (evidence-<code>-<asOf>.zip): 01-index.pdf, 02-contracts/, 03-invoices/ (with invoices.xlsx), "
            + "04-delivery/, 05-statements/, 06-demands/ (letters, delivered messages with their delivery evidence), 07-activities.xlsx, "
            + "08-payments.xlsx, 09-limitation.xlsx, 10-other/. asOf YYYY-MM-DD (default today; only facts dated on or before it); invoiceNos a comma "
            + "list (default all); locale zh-CN (default) or en for the index. Legal, managers, administrators, finance")
    void pack(@PathVariable String code, @RequestParam(required = false) String asOf, @RequestParam(required = false) String invoiceNos,
            @RequestParam(required = false) String locale, HttpServletResponse response) throws IOException {
        Set<String> numbers = EvidencePacks.invoiceList(invoiceNos);
        LocalDate date = packs.check(code, numbers, parse(asOf));
        Locale lang = language(locale);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(EvidencePacks.fileName(code, date), StandardCharsets.UTF_8).build().toString());
        OutputStream out = response.getOutputStream();
        packs.write(code, numbers, date, lang, out);
        out.flush();
    }

    @GetMapping("/api/legal-cases/{id}/evidence-pack")
    @Operation(summary = "The evidence pack of a legal case as a ZIP (evidence-case-<id>-<asOf>.zip): the customer's pack restricted to the "
            + "case's invoices, plus the documents uploaded for the case (ownerKind CASE, ownerId the case id) in 11-case/; the index names the case "
            + "(kind, court, case number, claim). asOf YYYY-MM-DD (default today), locale zh-CN (default) or en. Legal, managers, administrators, finance")
    void casePack(@PathVariable long id, @RequestParam(required = false) String asOf, @RequestParam(required = false) String locale,
            HttpServletResponse response) throws IOException {
        LocalDate requested = parse(asOf);
        packs.checkCase(id, requested);
        LocalDate date = requested == null ? packs.today() : requested;
        Locale lang = language(locale);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(EvidencePacks.caseFileName(id, date), StandardCharsets.UTF_8).build().toString());
        OutputStream out = response.getOutputStream();
        packs.writeCase(id, date, lang, out);
        out.flush();
    }

    static LocalDate parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return io.huikuan.common.InputRules.checkDate("asOf", LocalDate.parse(asOf.strip()));
        } catch (DateTimeParseException e) {
            throw ValidationException.coded("asOf", asOf, "date.format", "must be a date YYYY-MM-DD");
        }
    }

    static Locale language(String locale) {
        if (locale == null || locale.isBlank() || locale.strip().toLowerCase(Locale.ROOT).startsWith("zh")) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        if (locale.strip().toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        throw ValidationException.coded("locale", locale, "evidence.locale", "must be zh-CN or en");
    }
}
