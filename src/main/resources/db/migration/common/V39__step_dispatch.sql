-- correspondence: which strategy-step tasks have had their message or letter produced, and what came of it
ALTER TABLE collection_task ADD COLUMN dispatched_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE collection_task ADD COLUMN dispatch_note VARCHAR(300);
CREATE INDEX collection_task_dispatch_idx ON collection_task (status, dispatched_at, due_date);
