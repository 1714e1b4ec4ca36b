-- insight (issue 17, item 4): the script a collector used in an activity, and what an action costs by channel
ALTER TABLE activity ADD COLUMN script_code VARCHAR(40);

CREATE TABLE insight_channel_cost (
    channel    VARCHAR(20)    NOT NULL PRIMARY KEY,
    cost       NUMERIC(19, 2) NOT NULL,
    updated_by VARCHAR(64)    NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT insight_channel_cost_not_negative CHECK (cost >= 0)
);
-- what an action costs by default (CNY): a registered letter, an SMS, a call's minutes, a visit's travel, a lawyer's letter
INSERT INTO insight_channel_cost (channel, cost, updated_by, updated_at) VALUES
    ('EMAIL', 0.00, 'system', CURRENT_TIMESTAMP),
    ('SMS', 0.10, 'system', CURRENT_TIMESTAMP),
    ('MESSAGE', 0.00, 'system', CURRENT_TIMESTAMP),
    ('PHONE', 1.00, 'system', CURRENT_TIMESTAMP),
    ('VISIT', 200.00, 'system', CURRENT_TIMESTAMP),
    ('LETTER', 25.00, 'system', CURRENT_TIMESTAMP),
    ('MANAGER_CALL', 5.00, 'system', CURRENT_TIMESTAMP),
    ('DEMAND_LETTER', 25.00, 'system', CURRENT_TIMESTAMP),
    ('LAWYER_LETTER', 800.00, 'system', CURRENT_TIMESTAMP),
    ('LEGAL_REVIEW', 300.00, 'system', CURRENT_TIMESTAMP);
