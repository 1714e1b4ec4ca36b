-- correspondence: a manager's edit of a strategy step's e-mail or text message made while approving it: what is sent
-- instead of the rendered template (kept until the step is produced, by whichever node produces it)
CREATE TABLE step_message_edit (
    task_id    BIGINT                   NOT NULL PRIMARY KEY,
    subject    VARCHAR(300),
    body_text  TEXT                     NOT NULL,
    edited_by  VARCHAR(64)              NOT NULL,
    edited_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
