-- M3 信用额度: one limit per customer, set by finance. No row: no limit. Submitting a contract or an
-- order locks the customer's row here, so two submissions for one customer are checked one after the other.
CREATE TABLE customer_credit_limits (
  customer_id uuid PRIMARY KEY REFERENCES customers(id),
  credit_limit numeric(14,2) NOT NULL CHECK (credit_limit >= 0),
  note text CHECK (char_length(note) <= 200),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_credit_limits_updated_by ON customer_credit_limits (updated_by);
