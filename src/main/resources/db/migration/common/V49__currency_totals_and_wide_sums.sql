-- issue 12, item 16: every stored SUM of amounts is wide enough. One invoice holds up to NUMERIC(19, 2)
-- (17 integer digits); a customer's month-end aging and the company's month-end measures add up to
-- millions of them, so 19 digits overflowed exactly as the task totals did (V40). NUMERIC(38, 2) holds
-- 10^20 invoices of the largest amount. Per-invoice columns (balance periods, settlements) stay as they are.
ALTER TABLE month_end_aging ALTER COLUMN total SET DATA TYPE NUMERIC(38, 2);
ALTER TABLE month_end_aging ALTER COLUMN disputed SET DATA TYPE NUMERIC(38, 2);
ALTER TABLE month_end_aging ALTER COLUMN b0 SET DATA TYPE NUMERIC(38, 2);
ALTER TABLE month_end_aging ALTER COLUMN b1 SET DATA TYPE NUMERIC(38, 2);
ALTER TABLE month_end_aging ALTER COLUMN b2 SET DATA TYPE NUMERIC(38, 2);
ALTER TABLE month_end_aging ALTER COLUMN b3 SET DATA TYPE NUMERIC(38, 2);
ALTER TABLE month_end_aging ALTER COLUMN b4 SET DATA TYPE NUMERIC(38, 2);
ALTER TABLE month_end_aging ALTER COLUMN b5 SET DATA TYPE NUMERIC(38, 2);
ALTER TABLE month_end_aging ALTER COLUMN b6 SET DATA TYPE NUMERIC(38, 2);
ALTER TABLE month_end_measure ALTER COLUMN ar SET DATA TYPE NUMERIC(38, 2);
ALTER TABLE month_end_measure ALTER COLUMN current_ar SET DATA TYPE NUMERIC(38, 2);
ALTER TABLE month_end_measure ALTER COLUMN overdue_ar SET DATA TYPE NUMERIC(38, 2);
ALTER TABLE month_end_measure ALTER COLUMN sales SET DATA TYPE NUMERIC(38, 2);

-- issue 12, item 15: totals are per currency (docs/currencies.md). A month end stores a customer's aging
-- once per currency it has open; the index answers "is anything open in another currency?" at once.
ALTER TABLE month_end_aging ADD COLUMN currency CHAR(3) DEFAULT 'CNY' NOT NULL;
ALTER TABLE month_end_aging DROP CONSTRAINT month_end_aging_pk;
ALTER TABLE month_end_aging ADD CONSTRAINT month_end_aging_pk PRIMARY KEY (month_key, customer_id, currency);
CREATE INDEX invoice_currency_idx ON invoice (currency);
