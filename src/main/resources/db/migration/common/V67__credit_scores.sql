-- issue 15, item 1: the behavioural credit score. A snapshot of each customer's score per date (written by the daily
-- snapshot and on demand) so the history is cheap; a score for a date without a snapshot is computed from the facts.
CREATE TABLE credit_score (
    customer_id BIGINT      NOT NULL REFERENCES customer (id),
    as_of       DATE        NOT NULL,
    score       INTEGER     NOT NULL,
    grade       VARCHAR(1)  NOT NULL,
    CONSTRAINT credit_score_pk PRIMARY KEY (customer_id, as_of),
    CONSTRAINT credit_score_range CHECK (score BETWEEN 0 AND 100)
);

-- a manager's override of the computed grade, in force from set_on until expires_on (inclusive); one per customer
CREATE TABLE credit_grade_override (
    customer_id BIGINT        NOT NULL PRIMARY KEY REFERENCES customer (id),
    grade       VARCHAR(1)    NOT NULL,
    reason      VARCHAR(500)  NOT NULL,
    set_on      DATE          NOT NULL,
    expires_on  DATE          NOT NULL,
    set_by      VARCHAR(64)   NOT NULL,
    set_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT credit_grade_override_dates CHECK (expires_on >= set_on)
);
