package io.huikuan.worklist.web;

import io.huikuan.worklist.BulkSnooze;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Snoozing several tasks at once (issue 12, item 12); reassigning several is {@code /api/worklist/reassign}. */
@RestController
class WorklistBulkApi {

    record BulkSnoozeRequest(List<Long> taskIds, LocalDate until, String reason) {
    }

    private final BulkSnooze bulk;

    WorklistBulkApi(BulkSnooze bulk) {
        this.bulk = bulk;
    }

    @PostMapping("/api/worklist/snooze")
    @Operation(summary = "Hide several open tasks until one date (after today, within 30 days) with one reason, all or nothing: "
            + "{snoozed, until}; tasks unknown or not yours are named (400), a task no longer open is 409")
    Map<String, Object> snooze(@RequestBody BulkSnoozeRequest body) {
        int n = bulk.snooze(body.taskIds(), body.until(), body.reason());
        return Map.of("snoozed", n, "until", body.until());
    }
}
