-- worklist: the ranked list reads a user's open tasks in priority order and stops after one page; the count reads the
-- same entries without touching the table (index-only: due date and snooze date are in the index). The second index
-- serves a manager's list of everyone's open tasks.
CREATE INDEX collection_task_rank_idx ON collection_task (assignee, status, priority DESC, due_date, id, snoozed_until);
CREATE INDEX collection_task_open_rank_idx ON collection_task (status, priority DESC, due_date, id, snoozed_until);
