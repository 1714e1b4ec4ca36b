CREATE TRIGGER history_no_update BEFORE UPDATE ON history
    FOR EACH ROW CALL "io.huikuan.ledger.internal.AppendOnlyTrigger";
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
    FOR EACH ROW CALL "io.huikuan.ledger.internal.AppendOnlyTrigger";
