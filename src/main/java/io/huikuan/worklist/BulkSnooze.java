package io.huikuan.worklist;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Snoozes several open tasks to one date with one reason (issue 12, item 12), all or nothing: each with the rules of
 * {@link Tasks#snooze} (a task the user may not act on is 404, a closed one 409, the date after today and within 30
 * days, a reason required). An empty selection is refused naming {@code taskIds}.
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
        List<FieldError> errors = new ArrayList<>();
        if (ids.isEmpty()) {
            errors.add(FieldError.coded("taskIds", null, "worklist.noTasks", "at least one task id"));
        } else if (ids.size() > MAX) {
            errors.add(new FieldError("taskIds", ids.size(), "at most " + MAX + " tasks at once"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        for (Long id : ids) {
            tasks.snooze(id, until, reason);
        }
        return ids.size();
    }
}
