-- The balance read model is derived from the ledger and rebuilt at start-up when it is missing
-- (BalancePeriods.deriveIfMissing), so on PostgreSQL it skips the write-ahead log: a bulk import
-- writes it at a fraction of the cost. After a crash PostgreSQL empties unlogged tables and the next
-- start derives them again. (A streaming replica does not receive them; this application reads from
-- the primary.)
ALTER TABLE balance_period SET UNLOGGED;
ALTER TABLE invoice_settlement SET UNLOGGED;
