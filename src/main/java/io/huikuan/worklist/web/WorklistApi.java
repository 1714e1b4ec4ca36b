package io.huikuan.worklist.web;

import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.Task;
import io.huikuan.worklist.TaskKind;
import io.huikuan.worklist.Tasks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The worklist for API clients: ranked open tasks, bulk reassignment, snoozing. */
@RestController
@Tag(name = "Worklist")
class WorklistApi {

    record ReassignRequest(List<Long> taskIds, String assignee) {
    }

    record SnoozeRequest(LocalDate until, String reason) {
    }

    private final Tasks tasks;

    WorklistApi(Tasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/api/worklist")
    @Operation(summary = "Open tasks due by date (default today) and not snoozed beyond it, by priority desc, due date, id: "
            + "{items:[{customerCode, step, channel, dueDate, priority, reason, ...}], total}. owner omitted: a manager sees all, others "
            + "their own; owner=USER: USER's tasks plus the unassigned queues of USER's roles other than COLLECTOR (managers only for "
            + "others). Filters channel, kind (STEP|PROMISE_BROKEN|PROMISE_DUE|FOLLOW_UP|LIMITATION_WARNING|LIMITATION_DEMAND|SUPPLY_HOLD|PLAN_INSTALLMENT|PLAN_BROKEN), "
            + "segment, customer (code or name contains), minAmount (overdue amount), limitation (expiring: the customer has an open invoice whose limitation period ends within the "
            + "warning window, default 180 days; expired: one whose period has ended); page from 0, size default 50")
    Page<Task> list(@RequestParam(required = false) LocalDate date, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String segment, @RequestParam(required = false) String customer,
            @RequestParam(required = false) BigDecimal minAmount, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String limitation) {
        return tasks.list(new Tasks.Query(date, owner, parse(Channel.class, "channel", channel), parse(TaskKind.class, "kind", kind), segment,
                customer, minAmount, page, size, io.huikuan.ledger.InvoiceExpiries.Filter.parse(limitation)));
    }

    @GetMapping("/api/worklist/{taskId}")
    @Operation(summary = "One task (404 unless it is yours, your role queue's, or you are a manager)")
    Task get(@PathVariable long taskId) {
        return tasks.get(taskId);
    }

    @PostMapping("/api/worklist/reassign")
    @Operation(summary = "Move open tasks to an enabled user (managers and administrators); all or nothing, unknown ids named")
    Map<String, Object> reassign(@RequestBody ReassignRequest body) {
        int n = tasks.reassign(body.taskIds(), body.assignee());
        return Map.of("reassigned", n, "assignee", body.assignee().trim());
    }

    @PostMapping("/api/worklist/{taskId}/snooze")
    @Operation(summary = "Hide a task until a date (after today, within 30 days) with a reason; collectors only their own tasks")
    Task snooze(@PathVariable long taskId, @RequestBody SnoozeRequest body) {
        return tasks.snooze(taskId, body.until(), body.reason());
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            throw ValidationException.coded(field, raw, "choice", "one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
