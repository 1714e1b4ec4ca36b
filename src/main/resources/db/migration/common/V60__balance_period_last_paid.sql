-- ledger read model: each balance period carries the date of the latest payment allocated to its invoice on or
-- before the period's start (a period starts on every day the balance is reduced, so for the period open at D this
-- is the latest payment dated on or before D). The limitation clock reads a part payment (an acknowledgement of the
-- debt) from it instead of aggregating every allocation. Derived by BalancePeriods; filled here for existing rows.
ALTER TABLE balance_period ADD COLUMN last_paid_on DATE;
UPDATE balance_period SET last_paid_on = (
    SELECT max(p.payment_date) FROM allocation a JOIN payment p ON p.id = a.payment_id
    WHERE a.invoice_id = balance_period.invoice_id AND p.payment_date <= balance_period.valid_from);
