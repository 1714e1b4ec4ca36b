-- aging: month-end closes (month_key 'YYYY-MM'; MONTH is reserved in H2). Closing a month stores its aging per customer (default buckets) and
-- its measures for the company ('*') and each owner's portfolio, so the past does not move when
-- late data arrives; the stored figures can be compared with the figures recomputed now.
CREATE TABLE month_end (
    month_key      CHAR(7)      NOT NULL PRIMARY KEY,
    as_of          DATE         NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_by      VARCHAR(64)  NOT NULL
);

CREATE TABLE month_end_aging (
    month_key      CHAR(7)        NOT NULL REFERENCES month_end (month_key) ON DELETE CASCADE,
    customer_id    BIGINT         NOT NULL,
    customer_code  VARCHAR(64)    NOT NULL,
    owner          VARCHAR(64),
    region         VARCHAR(100),
    business_unit  VARCHAR(100),
    grade          VARCHAR(10),
    invoices       INTEGER        NOT NULL,
    total          NUMERIC(19, 2) NOT NULL,
    disputed       NUMERIC(19, 2) NOT NULL,
    b0             NUMERIC(19, 2) NOT NULL,
    b1             NUMERIC(19, 2) NOT NULL,
    b2             NUMERIC(19, 2) NOT NULL,
    b3             NUMERIC(19, 2) NOT NULL,
    b4             NUMERIC(19, 2) NOT NULL,
    b5             NUMERIC(19, 2) NOT NULL,
    b6             NUMERIC(19, 2) NOT NULL,
    CONSTRAINT month_end_aging_pk PRIMARY KEY (month_key, customer_id)
);

CREATE TABLE month_end_measure (
    month_key            CHAR(7)        NOT NULL REFERENCES month_end (month_key) ON DELETE CASCADE,
    owner                VARCHAR(64)    NOT NULL,
    ar                   NUMERIC(19, 2) NOT NULL,
    current_ar           NUMERIC(19, 2) NOT NULL,
    overdue_ar           NUMERIC(19, 2) NOT NULL,
    sales                NUMERIC(19, 2) NOT NULL,
    dso                  NUMERIC(12, 1),
    best_possible_dso    NUMERIC(12, 1),
    add_days             NUMERIC(12, 1),
    countback_dso        NUMERIC(12, 1),
    cei                  NUMERIC(12, 1),
    overdue_ratio        NUMERIC(12, 1),
    settled_invoices     BIGINT         NOT NULL,
    average_days_to_pay  NUMERIC(12, 1),
    average_days_late    NUMERIC(12, 1),
    CONSTRAINT month_end_measure_pk PRIMARY KEY (month_key, owner)
);
