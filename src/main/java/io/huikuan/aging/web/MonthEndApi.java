package io.huikuan.aging.web;

import io.huikuan.aging.MonthEnds;
import io.huikuan.aging.MonthEnds.Close;
import io.huikuan.aging.MonthEnds.Comparison;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
        Close close = monthEnds.close(MeasureApi.month("month", month));
        return ResponseEntity.created(URI.create("/api/month-ends/" + close.month())).body(close);
    }

    @GetMapping("/api/month-ends/{month}")
    Close get(@PathVariable String month) {
        return monthEnds.get(MeasureApi.month("month", month));
    }

    @GetMapping("/api/month-ends/{month}/comparison")
    @Operation(summary = "Stored versus recomputed: totals per bucket, the customers whose aging moved (largest change first, "
            + "at most 500) and each measure stored and now")
    Comparison comparison(@PathVariable String month) {
        return monthEnds.compare(MeasureApi.month("month", month));
    }

    @DeleteMapping("/api/month-ends/{month}")
    @Operation(summary = "Reopen a closed month (MANAGER or ADMIN; reason required): its stored figures are removed")
    ResponseEntity<Void> reopen(@PathVariable String month, @RequestParam(required = false) String reason) {
        monthEnds.reopen(MeasureApi.month("month", month), reason);
        return ResponseEntity.noContent().build();
    }
}
