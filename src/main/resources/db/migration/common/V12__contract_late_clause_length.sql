-- 'ANNUAL_RATE' (11 characters) did not fit into VARCHAR(10)
ALTER TABLE contract ALTER COLUMN late_clause SET DATA TYPE VARCHAR(20);
