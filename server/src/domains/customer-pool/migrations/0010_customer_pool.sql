-- The public pool (公海) for customers: a pooled customer has no owner. It keeps its history,
-- contacts and follow-ups; whoever claims it takes them over. customer_counts already keeps a row
-- for the owner NULL (UNIQUE NULLS NOT DISTINCT), which scoped totals leave out.
ALTER TABLE customers ALTER COLUMN owner_id DROP NOT NULL;
ALTER TABLE customers ADD COLUMN pooled_at timestamptz;
ALTER TABLE customers ADD COLUMN pool_reason text CHECK (pool_reason IN ('released', 'moved', 'no_follow_up', 'no_deal'));
ALTER TABLE customers ADD CONSTRAINT customers_pool_consistent CHECK ((owner_id IS NULL) = (pooled_at IS NOT NULL));
CREATE INDEX customers_pool ON customers (pooled_at DESC, id DESC) WHERE deleted_at IS NULL AND owner_id IS NULL;
-- A pooled customer's last owner, for the re-claim cooldown (the history has it too; this is the index).
ALTER TABLE customers ADD COLUMN pooled_from uuid REFERENCES users(id);
CREATE INDEX customers_pooled_from ON customers (pooled_from) WHERE pooled_from IS NOT NULL;
