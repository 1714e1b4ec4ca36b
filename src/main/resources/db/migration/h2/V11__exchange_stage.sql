-- staging of invoice rows during an import (PostgreSQL uses a temp table created per import)
CREATE TABLE invoice_stage (
    batch_id       BIGINT NOT NULL,
    row_no         BIGINT NOT NULL,
    invoice_no     VARCHAR(64) NOT NULL,
    customer_id    BIGINT NOT NULL,
    contract_id    BIGINT,
    issue_date     DATE,
    due_date       DATE,
    amount         NUMERIC(19, 2),
    currency       CHAR(3),
    tax_invoice_no VARCHAR(64),
    business_unit  VARCHAR(100)
);
CREATE INDEX invoice_stage_batch_idx ON invoice_stage (batch_id, invoice_no);
