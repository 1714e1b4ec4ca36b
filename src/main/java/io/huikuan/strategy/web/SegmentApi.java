package io.huikuan.strategy.web;

import io.huikuan.strategy.Segment;
import io.huikuan.strategy.Segments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Segments and their rules. */
@RestController
@Tag(name = "Segments")
class SegmentApi {

    /** A segment as a client writes it (the code comes from the path); unset rules always hold. */
    record SegmentRequest(String nameZh, String nameEn, Integer position, String grades, BigDecimal minOverdueAmount,
            BigDecimal maxOverdueAmount, Integer minDaysOverdue, Integer maxDaysOverdue, Integer minRelationshipMonths,
            Integer maxRelationshipMonths, BigDecimal minPromiseKeeping, BigDecimal maxPromiseKeeping, String flag, String strategyCode,
            Boolean active, Integer minScore, Integer maxScore, String creditGrades, Boolean overLimit, Integer minOpenAlerts) {
    }

    private final Segments segments;

    SegmentApi(Segments segments) {
        this.segments = segments;
    }

    @GetMapping("/api/segments")
    @Operation(summary = "Segments in evaluation order: the first active one whose every set rule holds wins")
    List<Segment> list() {
        return segments.list();
    }

    @GetMapping("/api/segments/{code}")
    Segment get(@PathVariable String code) {
        return segments.get(code);
    }

    @PutMapping("/api/segments/{code}")
    @Operation(summary = "Create or replace a segment (MANAGER or ADMIN); flag is IN_DISPUTE, DISPUTER or MALICIOUS_DEFAULTER; "
            + "credit rules: minScore/maxScore (0-100), creditGrades (comma list of A-E, the effective grade), overLimit (true/false/null), minOpenAlerts (1-999: at least that many early-warning alerts open)")
    Segment save(@PathVariable String code, @RequestBody SegmentRequest r) {
        return segments.save(new Segment(code, r.nameZh(), r.nameEn(), r.position() == null ? 0 : r.position(), r.grades(),
                r.minOverdueAmount(), r.maxOverdueAmount(), r.minDaysOverdue(), r.maxDaysOverdue(), r.minRelationshipMonths(),
                r.maxRelationshipMonths(), r.minPromiseKeeping(), r.maxPromiseKeeping(), r.flag(), r.minScore(), r.maxScore(), r.creditGrades(), r.overLimit(), r.minOpenAlerts(), r.strategyCode(),
                r.active() == null || r.active(), null, null));
    }
}
