-- Issue 12 follow-up: company-wide aging per customer, and one source for what an instalment was paid.

-- ---- One source for "paid" ---------------------------------------------------------------------
-- 0047 summed confirmed allocations into money_instalment_balances.paid by its own triggers on
-- payment_allocations and payments, while 0048 keeps payment_instalments.paid (and allocated, with
-- the CHECK that refuses over-allocation) from the same rows. Two computations of one figure can
-- drift apart; payment_instalments.paid is the one both the receivables lists and the reports can
-- read, so the aging index now copies it with the instalment's other figures instead of recounting.
DROP TRIGGER money_allocations_insert ON payment_allocations;
DROP TRIGGER money_allocations_update ON payment_allocations;
DROP TRIGGER money_allocations_delete ON payment_allocations;
DROP TRIGGER money_payments_update ON payments;
DROP FUNCTION money_allocations_apply();
DROP FUNCTION money_payments_apply();
DROP FUNCTION money_add_paid(jsonb);

CREATE OR REPLACE FUNCTION money_instalments_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO money_instalment_balances (instalment_id, contract_id, customer_id, owner_id, owner_dept_id, live, due_date, amount, paid)
    SELECT n.id, n.contract_id, c.customer_id, c.owner_id, c.owner_dept_id, c.status = 'effective' AND c.deleted_at IS NULL, n.due_date, n.amount, n.paid
      FROM new_rows n JOIN contracts c ON c.id = n.contract_id;
  ELSIF TG_OP = 'UPDATE' THEN
    -- 0048 writes allocated and paid one instalment at a time: only rows whose copied figures moved are rewritten.
    UPDATE money_instalment_balances b
       SET contract_id = n.contract_id, customer_id = c.customer_id, owner_id = c.owner_id, owner_dept_id = c.owner_dept_id,
           live = c.status = 'effective' AND c.deleted_at IS NULL, due_date = n.due_date, amount = n.amount, paid = n.paid
      FROM new_rows n JOIN contracts c ON c.id = n.contract_id
     WHERE b.instalment_id = n.id
       AND (b.contract_id, b.due_date, b.amount, b.paid, b.customer_id, b.owner_id, b.owner_dept_id, b.live)
           IS DISTINCT FROM (n.contract_id, n.due_date, n.amount, n.paid, c.customer_id, c.owner_id, c.owner_dept_id,
                             c.status = 'effective' AND c.deleted_at IS NULL);
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM money_instalment_balances WHERE instalment_id IN (SELECT id FROM old_rows);
  ELSE
    DELETE FROM money_instalment_balances;
  END IF;
  RETURN NULL;
END $$;

UPDATE money_instalment_balances b SET paid = i.paid FROM payment_instalments i WHERE i.id = b.instalment_id AND b.paid <> i.paid;

-- ---- What is open per customer ------------------------------------------------------------------
-- One row per customer, contract owner and owner's department (the scope rule's columns): what is
-- open now. Aging per customer ranks the customers by these (plus what was paid after the day, for
-- a past day) and reads instalments only for the page shown (aging.ts): a company of 80,000 owing
-- customers sums 80,000 narrow rows instead of bucketing every open instalment.
CREATE TABLE money_open_customers (
  customer_id uuid NOT NULL,
  owner_id uuid NOT NULL,
  owner_dept_id uuid,
  outstanding numeric(16,2) NOT NULL,
  n integer NOT NULL,
  CONSTRAINT money_open_customers_key UNIQUE NULLS NOT DISTINCT (customer_id, owner_id, owner_dept_id)
);
CREATE INDEX money_open_customers_owner ON money_open_customers (owner_id) INCLUDE (customer_id, outstanding);
CREATE INDEX money_open_customers_dept ON money_open_customers (owner_dept_id) INCLUDE (customer_id, owner_id, outstanding);
ALTER TABLE money_open_customers SET (parallel_workers = 0);
-- The page's customers: their open instalments by key.
CREATE INDEX money_open_instalments_customer ON money_instalment_balances (customer_id, due_date)
  INCLUDE (amount, paid, owner_id, owner_dept_id) WHERE live AND paid < amount;

-- One function keeps both tables of open amounts (0047's per owner and month, this one per customer):
-- the trigger names the table, its key columns and the expressions they are taken from.
CREATE FUNCTION money_open_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target text := TG_ARGV[0];
  cols text := TG_ARGV[1];
  keys text := TG_ARGV[2];
  upsert text := format(' ON CONFLICT ON CONSTRAINT %I DO UPDATE SET outstanding = t.outstanding + excluded.outstanding, n = t.n + excluded.n',
                        target || '_key');
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO %I AS t (%s, outstanding, n) SELECT %s, sum(amount - paid), count(*) FROM new_rows
                     WHERE live AND paid < amount GROUP BY %s ORDER BY %s', target, cols, keys, keys, keys) || upsert;
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE format('INSERT INTO %I AS t (%s, outstanding, n) SELECT %s, sum(v), sum(c) FROM (
                      SELECT *, amount - paid AS v, 1 AS c FROM new_rows WHERE live AND paid < amount
                      UNION ALL
                      SELECT *, paid - amount, -1 FROM old_rows WHERE live AND paid < amount
                    ) d GROUP BY %s HAVING sum(v) <> 0 OR sum(c) <> 0 ORDER BY %s',
                   target, cols, keys, keys, keys) || upsert;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('INSERT INTO %I AS t (%s, outstanding, n) SELECT %s, -sum(amount - paid), -count(*) FROM old_rows
                     WHERE live AND paid < amount GROUP BY %s ORDER BY %s', target, cols, keys, keys, keys) || upsert;
  ELSE
    EXECUTE format('DELETE FROM %I', target);
  END IF;
  EXECUTE format('DELETE FROM %I WHERE n = 0', target);
  RETURN NULL;
END $$;

DROP TRIGGER money_open_months_insert ON money_instalment_balances;
DROP TRIGGER money_open_months_update ON money_instalment_balances;
DROP TRIGGER money_open_months_delete ON money_instalment_balances;
DROP TRIGGER money_open_months_truncate ON money_instalment_balances;
DROP FUNCTION money_open_months_apply();
CREATE TRIGGER money_open_months_insert AFTER INSERT ON money_instalment_balances REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION money_open_apply('money_open_months', 'owner_id, owner_dept_id, due_month',
                                                       'owner_id, owner_dept_id, date_trunc(''month'', due_date)::date');
CREATE TRIGGER money_open_months_update AFTER UPDATE ON money_instalment_balances REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION money_open_apply('money_open_months', 'owner_id, owner_dept_id, due_month',
                                                       'owner_id, owner_dept_id, date_trunc(''month'', due_date)::date');
CREATE TRIGGER money_open_months_delete AFTER DELETE ON money_instalment_balances REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION money_open_apply('money_open_months', 'owner_id, owner_dept_id, due_month',
                                                       'owner_id, owner_dept_id, date_trunc(''month'', due_date)::date');
CREATE TRIGGER money_open_months_truncate AFTER TRUNCATE ON money_instalment_balances
  FOR EACH STATEMENT EXECUTE FUNCTION money_open_apply('money_open_months', '', '');
CREATE TRIGGER money_open_customers_insert AFTER INSERT ON money_instalment_balances REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION money_open_apply('money_open_customers', 'customer_id, owner_id, owner_dept_id',
                                                       'customer_id, owner_id, owner_dept_id');
CREATE TRIGGER money_open_customers_update AFTER UPDATE ON money_instalment_balances REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION money_open_apply('money_open_customers', 'customer_id, owner_id, owner_dept_id',
                                                       'customer_id, owner_id, owner_dept_id');
CREATE TRIGGER money_open_customers_delete AFTER DELETE ON money_instalment_balances REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION money_open_apply('money_open_customers', 'customer_id, owner_id, owner_dept_id',
                                                       'customer_id, owner_id, owner_dept_id');
CREATE TRIGGER money_open_customers_truncate AFTER TRUNCATE ON money_instalment_balances
  FOR EACH STATEMENT EXECUTE FUNCTION money_open_apply('money_open_customers', '', '');

INSERT INTO money_open_customers (customer_id, owner_id, owner_dept_id, outstanding, n)
SELECT customer_id, owner_id, owner_dept_id, sum(amount - paid), count(*)
  FROM money_instalment_balances WHERE live AND paid < amount GROUP BY 1, 2, 3;
