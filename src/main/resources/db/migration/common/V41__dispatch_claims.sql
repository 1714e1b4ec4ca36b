-- correspondence: a node claims the step tasks it is about to produce (SELECT ... FOR UPDATE SKIP LOCKED in small
-- batches, committed at once), so two nodes never wait on each other's rows; a claim whose lease has run out (its node
-- stopped) is taken again by the next pass on any node
ALTER TABLE collection_task ADD COLUMN dispatch_claim VARCHAR(100);
ALTER TABLE collection_task ADD COLUMN dispatch_claimed_until TIMESTAMP WITH TIME ZONE;
