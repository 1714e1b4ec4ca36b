-- worklist: what a task is about when its kind needs more than the priority reason, coded "what|arg|arg" (labels
-- task.note.what), and the page the task leads to (e.g. the customer's limitation view, the demand letter form)
ALTER TABLE collection_task ADD COLUMN note VARCHAR(1000);
ALTER TABLE collection_task ADD COLUMN link VARCHAR(300);

-- legal: the limitation warnings (180/90/30 days before the last day) and demand proposals already given, one row
-- per invoice, notice and last day, so the daily job never warns twice about the same invoice for the same
-- threshold and last day (a later interruption moves the last day and the warnings start again)
CREATE TABLE limitation_notice (
    invoice_id  BIGINT      NOT NULL REFERENCES invoice (id),
    notice      VARCHAR(10) NOT NULL,
    expires_on  DATE        NOT NULL,
    customer_id BIGINT      NOT NULL REFERENCES customer (id),
    task_key    VARCHAR(60) NOT NULL,
    given_on    DATE        NOT NULL,
    CONSTRAINT limitation_notice_pk PRIMARY KEY (invoice_id, notice, expires_on)
);
