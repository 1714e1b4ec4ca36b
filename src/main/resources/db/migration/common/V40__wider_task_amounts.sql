-- A customer's overdue total and a task's priority are sums (and products) of invoice amounts of up to 19 digits:
-- a customer with several very large invoices overflowed NUMERIC(19, 2) and stopped the whole daily run.
ALTER TABLE collection_task ALTER COLUMN overdue_amount SET DATA TYPE NUMERIC(30, 2);
ALTER TABLE collection_task ALTER COLUMN priority SET DATA TYPE NUMERIC(34, 2);
ALTER TABLE document ALTER COLUMN amount SET DATA TYPE NUMERIC(30, 2);
