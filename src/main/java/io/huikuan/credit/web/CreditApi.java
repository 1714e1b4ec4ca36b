package io.huikuan.credit.web;

import io.huikuan.common.InputRules;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.credit.CreditOverrides;
import io.huikuan.credit.CreditScore;
import io.huikuan.credit.CreditScores;
import io.huikuan.credit.CustomerCredit;
import io.huikuan.credit.CustomerCredits;
import io.huikuan.credit.GradeOverride;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Credit scores for the ERP, sales and API clients: every customer's as of a date, one customer's credit, the grade override. */
@RestController
@Tag(name = "Credit")
class CreditApi {

    private final CreditScores scores;
    private final CustomerCredits credits;
    private final CreditOverrides overrides;
    private final Clock clock;

    CreditApi(CreditScores scores, CustomerCredits credits, CreditOverrides overrides, Clock clock) {
        this.scores = scores;
        this.credits = credits;
        this.overrides = overrides;
        this.clock = clock;
    }

    @GetMapping("/api/credit/scores")
    @Operation(summary = "Credit scores as of asOf (yyyy-MM-dd, default today) from facts dated on or before it: {items:[{customerCode, score "
            + "(0-100, higher = safer), grade (A-E, computed), reasons, override, effectiveGrade}], total}, by customer code; page from 0, size ≤ 1000")
    Page<CreditScore> scores(@RequestParam(required = false) String asOf, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        LocalDate date = InputRules.date("asOf", asOf);
        int p = number("page", page, 0);
        return scores.page(date == null ? LocalDate.now(clock) : date, p, Page.clampSize(number("size", size, 50)));
    }

    @GetMapping("/api/customers/{code}/credit")
    @Operation(summary = "A customer's credit as of asOf (default today): score, grade, override, effectiveGrade, reasons, limit, exposure "
            + "(open receivables), available, utilisation (%), hold, history of the score")
    CustomerCredit credit(@PathVariable String code, @RequestParam(required = false) String asOf) {
        return credits.of(code, InputRules.date("asOf", asOf));
    }

    @PutMapping("/api/customers/{code}/credit/override")
    @Operation(summary = "Override the computed grade {grade: A-E, reason, expiresOn (yyyy-MM-dd, today or later)} (MANAGER, ADMIN)")
    GradeOverride override(@PathVariable String code, @RequestBody(required = false) CreditOverrides.Request body) {
        return overrides.set(credits.id(code), body);
    }

    @DeleteMapping("/api/customers/{code}/credit/override")
    @Operation(summary = "Remove the override (MANAGER, ADMIN); 404 when there is none")
    ResponseEntity<Void> removeOverride(@PathVariable String code) {
        if (!overrides.remove(credits.id(code))) {
            throw new io.huikuan.common.NotFoundException("credit grade override", code);
        }
        return ResponseEntity.noContent().build();
    }

    private static int number(String field, String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n < 0) {
                throw ValidationException.coded(field, raw, "credit.number", "a whole number, 0 or more");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ValidationException.coded(field, raw, "credit.number", "a whole number, 0 or more");
        }
    }
}
