-- balance periods carry their month numbers (year * 12 + month - 1), so the month-end trend groups
-- integers instead of extracting them from dates for every row; due_key is the first month whose
-- last day is after the due date (from then on the invoice is overdue at month ends). Rows from
-- before this migration are re-derived at start-up (BalancePeriods.deriveIfMissing).
ALTER TABLE balance_period ADD COLUMN from_month INTEGER;
ALTER TABLE balance_period ADD COLUMN to_month INTEGER;
ALTER TABLE balance_period ADD COLUMN due_key INTEGER;
