package io.huikuan.aging.web;

import io.huikuan.aging.MonthEnds;
import io.huikuan.aging.MonthEnds.Close;
import io.huikuan.aging.MonthEnds.Comparison;
import io.huikuan.common.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Month-end closes: close a month (its aging and measures are stored), list, compare with now, reopen. */
@RestController
@Tag(name = "Month ends")
class MonthEndApi {

    private final MonthEnds monthEnds;

    MonthEndApi(MonthEnds monthEnds) {
        this.monthEnds = monthEnds;
    }

    @GetMapping("/api/month-ends")
    @Operation(summary = "Closed months, newest first, with the stored receivables (a collector: their portfolio's)")
    List<Close> list() {
        return monthEnds.list();
    }

    @PostMapping("/api/month-ends")
    @Operation(summary = "Close a month that is over (month=YYYY-MM; MANAGER, FINANCE or ADMIN): stores its aging per customer "
            + "and its measures as of its last day; 409 when already closed")
    ResponseEntity<Close> close(@RequestParam(required = false) String month) {
        Close close = monthEnds.close(month("month", month));
        return ResponseEntity.created(URI.create("/api/month-ends/" + close.month())).body(close);
    }

    @GetMapping("/api/month-ends/{month}")
    Close get(@PathVariable String month) {
        return monthEnds.get(month("month", month));
    }

    @GetMapping("/api/month-ends/{month}/comparison")
    @Operation(summary = "Stored versus recomputed: totals per bucket, the customers whose aging moved (largest change first, "
            + "at most 500) and each measure stored and now")
    Comparison comparison(@PathVariable String month) {
        return monthEnds.compare(month("month", month));
    }

    @DeleteMapping("/api/month-ends/{month}")
    @Operation(summary = "Reopen a closed month (MANAGER or ADMIN; reason required): its stored figures are removed")
    ResponseEntity<Void> reopen(@PathVariable String month, @RequestParam(required = false) String reason) {
        monthEnds.reopen(month("month", month), reason);
        return ResponseEntity.noContent().build();
    }

    static YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, value, "is required (YYYY-MM)");
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, value, "must be a month YYYY-MM");
        }
    }
}
