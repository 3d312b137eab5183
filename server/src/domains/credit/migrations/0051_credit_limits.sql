-- M3 信用额度: the limit is the customer's own credit_limit (since 0002); finance lists the few
-- customers that have one.
CREATE INDEX customers_with_credit_limit ON customers (owner_id) WHERE credit_limit IS NOT NULL AND deleted_at IS NULL;
