-- correspondence: the name of a template code in Chinese and English ("催款函" / "Demand letter"), shown wherever the
-- code would be (template list, strategy steps, approvals). The shipped codes have names in the message bundles; a
-- name stored here (for a code a user made, or to rename a shipped one) wins. Issue 12, item 13.
CREATE TABLE template_name (
    code       VARCHAR(60)  NOT NULL PRIMARY KEY,
    name_zh    VARCHAR(200),
    name_en    VARCHAR(200),
    updated_by VARCHAR(64)  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
