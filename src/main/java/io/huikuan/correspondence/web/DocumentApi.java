package io.huikuan.correspondence.web;

import io.huikuan.common.ValidationException;
import io.huikuan.correspondence.Documents;
import io.huikuan.correspondence.Letters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Documents issued to customers: statements of account as PDF. */
@RestController
@Tag(name = "Documents")
class DocumentApi {

    private final Documents documents;
    private final Letters letters;

    DocumentApi(Documents documents, Letters letters) {
        this.documents = documents;
        this.letters = letters;
    }

    @PostMapping("/api/customers/{code}/letters")
    @Operation(summary = "Issue a letter PDF: kind = PAYMENT_REMINDER | DEMAND_LETTER (催款函) | BALANCE_CONFIRMATION (对账函/询证函, with a reply "
            + "slip) | LAWYER_LETTER (律师函 draft); tone GENTLE|FIRM|FINAL|LEGAL (default by kind); locale zh-CN|en. One letter covers all the "
            + "customer's overdue undisputed invoices; numbered, stored with its SHA-256, recorded as an activity")
    ResponseEntity<Documents.Document> letter(@PathVariable String code, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String tone, @RequestParam(required = false) String locale) {
        Documents.Document d = letters.issue(code, LetterParams.kind(kind), LetterParams.tone(tone), LetterParams.locale(locale), null);
        return ResponseEntity.created(URI.create("/api/documents/" + d.id())).body(d);
    }

    @GetMapping("/api/customers/{code}/letters/preview")
    @Operation(summary = "The letter as it would be issued now, as PDF, without numbering or storing it")
    ResponseEntity<byte[]> preview(@PathVariable String code, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String tone, @RequestParam(required = false) String locale) {
        Letters.Draft d = letters.preview(code, LetterParams.kind(kind), LetterParams.tone(tone), LetterParams.locale(locale));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("letter-preview.pdf").build().toString())
                .body(d.pdf());
    }

    @PostMapping("/api/customers/{code}/statements")
    @Operation(summary = "Issue a statement of account (对账单) PDF for from..to (YYYY-MM-DD; to defaults to today) in locale zh-CN "
            + "(default) or en, on the company's letterhead: numbered, stored with its SHA-256, listed on the customer")
    ResponseEntity<Documents.Document> statement(@PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String locale) {
        Documents.Document d = documents.issueStatement(code, date("from", from), date("to", to), LetterParams.locale(locale));
        return ResponseEntity.created(URI.create("/api/documents/" + d.id())).body(d);
    }

    @GetMapping("/api/customers/{code}/documents")
    @Operation(summary = "The documents issued to a customer, newest first")
    List<Documents.Document> list(@PathVariable String code) {
        return documents.forCustomer(code);
    }

    @GetMapping("/api/documents/{id}")
    @Operation(summary = "A document's PDF")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Documents.Content c = documents.content(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(c.number() + ".pdf").build().toString())
                .body(c.bytes());
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return io.huikuan.common.InputRules.checkDate(field, LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw ValidationException.coded(field, value, "date.format", "must be a date YYYY-MM-DD");
        }
    }
}
