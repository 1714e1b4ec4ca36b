-- issue 12, items 9 and 12: a signatory name and title per user (letters print them, not the display name),
-- and an index for the global search's lookup by unified social credit code (code, invoice_no, payment_ref
-- and doc_no are unique, so already indexed)
ALTER TABLE app_user ADD COLUMN signatory_name VARCHAR(100);
ALTER TABLE app_user ADD COLUMN signatory_title VARCHAR(100);
CREATE INDEX customer_credit_code_idx ON customer (credit_code);
