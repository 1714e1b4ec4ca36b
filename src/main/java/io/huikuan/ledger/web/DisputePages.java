package io.huikuan.ledger.web;

import io.huikuan.common.ValidationException;
import io.huikuan.ledger.DisputeCategory;
import io.huikuan.ledger.DisputeOwner;
import io.huikuan.ledger.DisputeQueries;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dispute list: open and resolved disputes with filters, the ageing of the open ones and which are past their due-by date. */
@Controller
class DisputePages {

    private final DisputeQueries queries;
    private final MessageSource messages;
    private final Clock clock;

    DisputePages(DisputeQueries queries, MessageSource messages, Clock clock) {
        this.queries = queries;
        this.messages = messages;
        this.clock = clock;
    }

    /** The list with the page's filters as an XLSX file (a bad filter value answers 400 naming it, like the API). */
    @GetMapping("/disputes.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String customer,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Locale locale) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        byte[] file = DisputeXlsx.write(queries.list(status, category, owner, customer, date), messages, locale);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("disputes-" + date + ".xlsx").build().toString())
                .body(file);
    }

    @GetMapping("/disputes")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String customer,
            @RequestParam(required = false) String asOf, Model model) {
        LocalDate date = LocalDate.now(clock);
        String error = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                date = LocalDate.parse(asOf.trim());
            } catch (DateTimeParseException e) {
                error = "asOf";
            }
        }
        DisputeQueries.Listing listing;
        try {
            listing = queries.list(status, category, owner, customer, date);
        } catch (ValidationException e) {
            error = e.errors().getFirst().field();
            listing = queries.list(null, null, owner, customer, date);
        }
        model.addAttribute("listing", listing);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("owner", owner == null ? "" : owner);
        model.addAttribute("customer", customer == null ? "" : customer);
        model.addAttribute("asOf", date.toString());
        model.addAttribute("filterError", error);
        model.addAttribute("categories", List.of(DisputeCategory.values()));
        model.addAttribute("owners", List.of(DisputeOwner.values()));
        return "ledger/disputes";
    }
}
