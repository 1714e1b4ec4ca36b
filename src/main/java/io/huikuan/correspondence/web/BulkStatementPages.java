package io.huikuan.correspondence.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FieldLabels;
import io.huikuan.common.web.FormErrors;
import io.huikuan.correspondence.Documents;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Statements for a selection of the customer list (issue 12, item 12): one statement PDF per selected customer for
 * one period (blank from: the first of January; blank to: today), all or none, then back to the list with a flash
 * saying how many were issued ("已为 12 位客户出具对账单").
 */
@Controller
class BulkStatementPages {

    /** At most this many customers at once (one page of the list at its largest). */
    static final int MAX = 200;

    private final Documents documents;
    private final MessageSource messages;
    private final Clock clock;

    BulkStatementPages(Documents documents, MessageSource messages, Clock clock) {
        this.documents = documents;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping("/bulk/statements")
    String issue(@RequestParam(required = false) List<String> codes, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String back, Locale locale,
            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        List<String> selected = codes == null ? List.of() : codes.stream().filter(c -> c != null && !c.isBlank()).map(String::trim).distinct().toList();
        if (selected.isEmpty()) {
            errors.addCode("codes", "error.bulk.noCustomers");
        } else if (selected.size() > MAX) {
            errors.add("codes", messages.getMessage("error.bulk.tooMany", new Object[] {MAX}, locale));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null || from.isBlank() ? today.withDayOfYear(1) : errors.date("from", from, true);
        LocalDate end = to == null || to.isBlank() ? today : errors.date("to", to, true);
        if (!errors.any()) {
            try {
                int n = documents.issueStatements(selected, start, end).size();
                redirect.addFlashAttribute("flash", messages.getMessage("bulk.statements.done", new Object[] {n, start, end}, locale));
            } catch (ValidationException e) {
                errors.addAll(e);
            }
        }
        if (errors.any()) {
            redirect.addFlashAttribute("flashError", FieldLabels.lines(errors, messages, locale, "bulk.field.", "codes", "from", "to"));
        }
        return "redirect:" + safeBack(back);
    }

    static String safeBack(String back) {
        return back != null && back.startsWith("/customers") && !back.startsWith("//") && !back.contains("\\") ? back : "/customers";
    }
}
