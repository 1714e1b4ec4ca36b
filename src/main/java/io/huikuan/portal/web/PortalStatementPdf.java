package io.huikuan.portal.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.correspondence.CompanyProfiles;
import io.huikuan.correspondence.Documents;
import io.huikuan.identity.CurrentUser;
import io.huikuan.portal.PortalVisitor;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The debtor's statement of account as a PDF for a period ({@code from}, {@code to}; default the last 12 months up to
 * today): issued as the system for the visitor's customer only, with our letterhead and a document number, and stored
 * like every statement (so we know what the debtor downloaded). Bad dates: a 400 page naming the field.
 */
@Controller
class PortalStatementPdf {

    private final Documents documents;
    private final CompanyProfiles companies;
    private final MessageSource messages;
    private final Clock clock;

    PortalStatementPdf(Documents documents, CompanyProfiles companies, MessageSource messages, Clock clock) {
        this.documents = documents;
        this.companies = companies;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/portal/{token}/statement.pdf")
    Object statement(PortalVisitor visitor, @PathVariable String token, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale, Model model, HttpServletResponse response) {
        LocalDate today = LocalDate.now(clock);
        List<ValidationException.FieldError> errors = new ArrayList<>();
        LocalDate end = date(errors, "to", to, today);
        LocalDate start = date(errors, "from", from, (end == null ? today : end).minusMonths(12));
        try {
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            Documents.Document doc = CurrentUser.asSystem(() -> documents.issueStatement(visitor.customerCode(), start, end, locale));
            byte[] bytes = CurrentUser.asSystem(() -> documents.content(doc.id())).bytes();
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(doc.number() + ".pdf").build().toString())
                    .body(bytes);
        } catch (ValidationException e) {
            FormErrors shown = new FormErrors(messages, locale);
            List<String> lines = new ArrayList<>();
            for (ValidationException.FieldError f : e.errors()) {
                lines.add(messages.getMessage("portal.statement." + f.field(), null, f.field(), locale) + ": " + shown.text(f));
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("company", companies.current());
            model.addAttribute("token", token);
            model.addAttribute("problems", lines);
            return "portal/statement-refused";
        }
    }

    private static LocalDate date(List<ValidationException.FieldError> errors, String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(ValidationException.FieldError.coded(field, value, "portal.statement.date", "must be a date YYYY-MM-DD"));
            return null;
        }
    }
}
