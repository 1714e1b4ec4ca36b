-- legal: how a case's interest was computed (issue 14, item 3: the case claim is computed from the calculators): the
-- basis for invoices whose contract has no late clause (DAILY_RATE, CONTRACT, LPR), its rate or LPR markup, and the
-- date the interest runs to; null when the interest was entered by hand
ALTER TABLE legal_case ADD COLUMN interest_basis VARCHAR(12);
ALTER TABLE legal_case ADD COLUMN interest_rate NUMERIC(12, 8);
ALTER TABLE legal_case ADD COLUMN interest_markup NUMERIC(12, 6);
ALTER TABLE legal_case ADD COLUMN interest_as_of DATE;
