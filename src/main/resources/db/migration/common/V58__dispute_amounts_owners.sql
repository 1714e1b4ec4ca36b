-- issue 13, item 6: a dispute covers an amount of an invoice (several may be open at once as long as together they do
-- not exceed the invoice's open amount), with a category, an owner (a function and optionally a user), a date to be
-- resolved by, and an outcome when resolved. Disputes opened before this migration covered the whole invoice: their
-- amount becomes the invoice's amount, which every query caps at the open amount of the day, so they still count whole.
ALTER TABLE invoice_dispute ADD COLUMN amount NUMERIC(19, 2);
UPDATE invoice_dispute SET amount = (SELECT i.amount FROM invoice i WHERE i.id = invoice_dispute.invoice_id);
ALTER TABLE invoice_dispute ALTER COLUMN amount SET NOT NULL;
ALTER TABLE invoice_dispute ADD CONSTRAINT invoice_dispute_amount_positive CHECK (amount > 0);
ALTER TABLE invoice_dispute ADD COLUMN category VARCHAR(20) DEFAULT 'OTHER' NOT NULL;
ALTER TABLE invoice_dispute ADD COLUMN owner_function VARCHAR(20);
ALTER TABLE invoice_dispute ADD COLUMN owner_user VARCHAR(64);
ALTER TABLE invoice_dispute ADD COLUMN due_by DATE;
ALTER TABLE invoice_dispute ADD COLUMN outcome VARCHAR(20);
ALTER TABLE invoice_dispute ADD COLUMN resolved_amount NUMERIC(19, 2);
ALTER TABLE invoice_dispute ADD COLUMN credit_note_no VARCHAR(64);
CREATE INDEX invoice_dispute_open_idx ON invoice_dispute (resolved_on, opened_on);
