package io.huikuan.correspondence.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FieldLabels;
import io.huikuan.common.web.FormErrors;
import io.huikuan.correspondence.BulkStatements;
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
 * saying how many were issued ("已为 12 位客户出具对账单"); a refusal names the field in the user's language.
 */
@Controller
class BulkStatementPages {

    private final BulkStatements bulk;
    private final MessageSource messages;

    BulkStatementPages(BulkStatements bulk, MessageSource messages) {
        this.bulk = bulk;
        this.messages = messages;
    }

    @PostMapping("/bulk/statements")
    String issue(@RequestParam(required = false) List<String> customerCodes, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String back, Locale locale,
            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate start = errors.date("from", from, false);
        LocalDate end = errors.date("to", to, false);
        if (!errors.any()) {
            try {
                BulkStatements.Issued issued = bulk.issue(customerCodes, start, end);
                redirect.addFlashAttribute("flash", messages.getMessage("bulk.statements.done",
                        new Object[] {issued.documents().size(), issued.from().toString(), issued.to().toString()}, locale));
            } catch (ValidationException e) {
                errors.addAll(e);
            }
        }
        if (errors.any()) {
            redirect.addFlashAttribute("flashError", FieldLabels.lines(errors, messages, locale, "bulk.field.", "customerCodes", "from", "to"));
        }
        return "redirect:" + safeBack(back);
    }

    static String safeBack(String back) {
        return io.huikuan.common.web.BackLinks.within(back, "/customers", "/customers");
    }
}
