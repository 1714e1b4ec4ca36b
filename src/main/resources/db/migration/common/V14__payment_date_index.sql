-- the payment list is ordered by payment date by default
CREATE INDEX payment_date_idx ON payment (payment_date);
