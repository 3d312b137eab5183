-- C6 / T4: the key customers due for a follow-up (the 待跟进 list, a rep's dashboard card, the
-- morning reminder job) are a few per cent of a rep's customers; without these the query reads every
-- customer the rep owns (~2,000 heap pages at 1M customers) to find his ~50 key ones.
CREATE INDEX customers_key_owner ON customers (owner_id)
  WHERE is_key AND deleted_at IS NULL AND follow_up_cycle_days IS NOT NULL AND owner_id IS NOT NULL;
CREATE INDEX customers_key_dept ON customers (owner_dept_id)
  WHERE is_key AND deleted_at IS NULL AND follow_up_cycle_days IS NOT NULL AND owner_id IS NOT NULL;
