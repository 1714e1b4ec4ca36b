-- correspondence: the company's letterhead, seal and signatory; letters issued from templates; strategy steps awaiting approval
CREATE TABLE company_profile (
    id              INTEGER       NOT NULL PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    address         VARCHAR(300),
    phone           VARCHAR(50),
    email           VARCHAR(200),
    bank_name       VARCHAR(200),
    bank_account    VARCHAR(60),
    tax_id          VARCHAR(30),
    signatory_name  VARCHAR(100),
    signatory_title VARCHAR(100),
    pay_by_days     INTEGER       NOT NULL DEFAULT 7,
    seal_image      BYTEA,
    seal_type       VARCHAR(30),
    logo_image      BYTEA,
    logo_type       VARCHAR(30),
    updated_by      VARCHAR(64),
    updated_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT company_profile_single CHECK (id = 1)
);
INSERT INTO company_profile (id, name, pay_by_days) VALUES (1, '（请在“公司信息”中填写公司名称）', 7);

ALTER TABLE document ADD COLUMN task_id BIGINT;
ALTER TABLE document ADD COLUMN template_version_id BIGINT;
ALTER TABLE document ADD COLUMN amount NUMERIC(19, 2);
ALTER TABLE document ADD COLUMN as_of DATE;
ALTER TABLE document ADD COLUMN draft BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX document_task_uq ON document (task_id);

ALTER TABLE collection_task ADD COLUMN template_approval BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE collection_task ADD COLUMN approved_by VARCHAR(64);
ALTER TABLE collection_task ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
