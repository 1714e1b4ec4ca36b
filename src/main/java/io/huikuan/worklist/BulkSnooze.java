package io.huikuan.worklist;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Snoozes several open tasks to one date with one reason (issue 12, item 12), all or nothing, with the rules of
 * {@link Tasks#snooze}: the date after today and within 30 days, a reason of at most 300 characters. Refused naming the
 * field before anything changes: an empty selection, and tasks that do not exist or the user may not act on
 * ({@code taskIds}, named); a task no longer open is a conflict.
 */
@Service
public class BulkSnooze {

    /** At most this many tasks at once. */
    public static final int MAX = 1000;

    private final Tasks tasks;

    BulkSnooze(Tasks tasks) {
        this.tasks = tasks;
    }

    /** How many tasks were snoozed. */
    @Transactional
    public int snooze(List<Long> taskIds, LocalDate until, String reason) {
        List<Long> ids = taskIds == null ? List.of() : taskIds.stream().filter(Objects::nonNull).distinct().toList();
        LocalDate today = tasks.today();
        List<FieldError> errors = new ArrayList<>();
        if (ids.isEmpty()) {
            errors.add(FieldError.coded("taskIds", null, "worklist.noTasks", "at least one task id"));
        } else if (ids.size() > MAX) {
            errors.add(new FieldError("taskIds", ids.size(), "at most " + MAX + " tasks at once"));
        }
        Tasks.checkSnooze(errors, today, until, reason);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<Long> unknown = new ArrayList<>();
        List<Long> closed = new ArrayList<>();
        for (Long id : ids) {
            Optional<Task> t = tasks.find(id).filter(tasks::mayAct);
            if (t.isEmpty()) {
                unknown.add(id);
            } else if (t.get().status() != TaskStatus.OPEN) {
                closed.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw ValidationException.coded("taskIds", unknown, "worklist.unknownTasks", "unknown task ids: " + unknown, unknown.toString());
        }
        if (!closed.isEmpty()) {
            throw new ConflictException("taskIds", "tasks no longer open: " + closed);
        }
        for (Long id : ids) {
            tasks.snooze(id, until, reason);
        }
        return ids.size();
    }
}
