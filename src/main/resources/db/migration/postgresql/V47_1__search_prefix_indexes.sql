-- issue 12, item 12: the global search looks numbers and codes up by prefix (LIKE 'KH0001%'); under a
-- database collation other than C, PostgreSQL's ordinary b-tree indexes cannot serve a prefix LIKE, these can
-- (H2 uses its ordinary indexes for a prefix LIKE).
CREATE INDEX customer_code_prefix_idx ON customer (code varchar_pattern_ops);
CREATE INDEX customer_name_prefix_idx ON customer (name varchar_pattern_ops);
CREATE INDEX invoice_no_prefix_idx ON invoice (invoice_no varchar_pattern_ops);
CREATE INDEX payment_ref_prefix_idx ON payment (payment_ref varchar_pattern_ops);
CREATE INDEX document_no_prefix_idx ON document (doc_no varchar_pattern_ops);
