-- negotiation: a plan's agreed interest is posted on the ledger as an invoice of its own when the plan becomes active, so
-- that the payments of the interest part of the schedule are allocated to it and count toward the installments.
ALTER TABLE payment_plan ADD COLUMN interest_invoice_id BIGINT REFERENCES invoice (id);
