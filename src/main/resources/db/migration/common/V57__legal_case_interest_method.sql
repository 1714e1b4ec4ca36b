-- legal: how a case's interest was computed (issue 14, item 3: the case claim is computed from the calculators): the
-- basis for invoices whose contract has no late clause (DAILY_RATE, CONTRACT, LPR), its rate or LPR markup, and the
-- date the interest runs to; null when the interest was entered by hand
ALTER TABLE legal_case ADD COLUMN interest_basis VARCHAR(12);
ALTER TABLE legal_case ADD COLUMN interest_rate NUMERIC(12, 8);
ALTER TABLE legal_case ADD COLUMN interest_markup NUMERIC(12, 6);
ALTER TABLE legal_case ADD COLUMN interest_as_of DATE;
-- the court fee the calculators gave (null when left to the user, with the reason: NONE, ARBITRATION, ENFORCEMENT,
-- FOREIGN_CURRENCY)
ALTER TABLE legal_case ADD COLUMN interest_court_fee NUMERIC(19, 2);
ALTER TABLE legal_case ADD COLUMN interest_fee_note VARCHAR(20);

-- each invoice's interest as computed when the case was opened: its open amount, the days counted (both ends
-- included), how it was rated (its contract's late clause or the basis chosen) and the interest
CREATE TABLE legal_case_interest_line (
    case_id         BIGINT         NOT NULL REFERENCES legal_case (id),
    invoice_id      BIGINT         NOT NULL REFERENCES invoice (id),
    due_date        DATE           NOT NULL,
    open_amount     NUMERIC(19, 2) NOT NULL,
    from_date       DATE,
    to_date         DATE,
    days            INTEGER        NOT NULL,
    basis           VARCHAR(12),
    rate            NUMERIC(12, 8),
    markup          NUMERIC(12, 6),
    contract_clause BOOLEAN        NOT NULL,
    interest        NUMERIC(19, 2) NOT NULL,
    CONSTRAINT legal_case_interest_line_pk PRIMARY KEY (case_id, invoice_id)
);
