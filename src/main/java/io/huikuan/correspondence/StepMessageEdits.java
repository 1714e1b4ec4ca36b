package io.huikuan.correspondence;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The wording a manager gave a step's message when approving it ({@code step_message_edit}), kept until it is produced. */
@Component
class StepMessageEdits {

    private final JdbcClient jdbc;
    private final Clock clock;

    StepMessageEdits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores (or replaces) the task's edit, in the caller's transaction. */
    void save(long taskId, MessageEdit edit, String by) {
        jdbc.sql("DELETE FROM step_message_edit WHERE task_id = ?").param(taskId).update();
        jdbc.sql("INSERT INTO step_message_edit (task_id, subject, body_text, edited_by, edited_at) VALUES (?, ?, ?, ?, ?)")
                .params(taskId, edit.subject(), edit.text(), by, Timestamp.from(clock.instant())).update();
    }

    /** The task's edit, if a manager made one. */
    Optional<MessageEdit> find(long taskId) {
        return jdbc.sql("SELECT subject, body_text FROM step_message_edit WHERE task_id = ?").param(taskId)
                .query((rs, n) -> new MessageEdit(rs.getString(1), rs.getString(2))).optional();
    }
}
