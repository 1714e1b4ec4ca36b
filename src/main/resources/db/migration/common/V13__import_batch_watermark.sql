-- the highest row id of the imported table when a batch started: rows the batch created have larger
-- ids, so finding them (for the per-customer history of an import) needs no index on import_batch_id
ALTER TABLE import_batch ADD COLUMN id_watermark BIGINT;
