-- M1 aging and M5 profit at scale (issue 12: 200,000 contracts, 1,000,000 instalments, 2,000,000
-- expenses). The reports read figures kept here by statement-level triggers in the writing
-- transaction, so every writer — the routes, the approval engine, imports, bulk SQL — keeps them
-- right; money_reports.test.ts compares them with a recount after random changes.

-- ---- M1: each instalment's confirmed payments and its contract's owner -------------------------
-- paid = Σ allocations of confirmed, not deleted payments. live = the contract is effective and not
-- deleted. Aging reads the open ones (paid < amount) through the partial indexes below.
CREATE TABLE money_instalment_balances (
  instalment_id uuid PRIMARY KEY,
  contract_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  owner_id uuid NOT NULL,
  owner_dept_id uuid,
  live boolean NOT NULL,
  due_date date NOT NULL,
  amount numeric(14,2) NOT NULL,
  paid numeric(14,2) NOT NULL DEFAULT 0
);
CREATE INDEX money_instalment_balances_contract ON money_instalment_balances (contract_id);
-- Aging reads at most a few tens of thousands of narrow index tuples: starting parallel workers cost
-- more than they saved on the 2-core benchmark machine (bench/RESULTS.md, issue 12).
ALTER TABLE money_instalment_balances SET (parallel_workers = 0);
CREATE INDEX money_open_instalments_owner ON money_instalment_balances (owner_id, due_date)
  INCLUDE (amount, paid, customer_id, owner_dept_id) WHERE live AND paid < amount;
CREATE INDEX money_open_instalments_dept ON money_instalment_balances (owner_dept_id, due_date)
  INCLUDE (amount, paid, customer_id, owner_id) WHERE live AND paid < amount;
CREATE INDEX money_open_instalments_due ON money_instalment_balances (due_date)
  INCLUDE (amount, paid, customer_id, owner_id, owner_dept_id) WHERE live AND paid < amount;
-- Aging as of a past date adds back what was confirmed after it (received or confirmed later).
CREATE INDEX money_payments_confirmed_at ON payments (confirmed_at) WHERE status = 'confirmed' AND deleted_at IS NULL;

-- Kept by net changes, never by re-reading all of an instalment's allocations: each statement looks
-- up only the rows it wrote and their payments by key, so a bulk load costs what it writes.
CREATE FUNCTION money_add_paid(delta jsonb) RETURNS void LANGUAGE sql AS $$
  UPDATE money_instalment_balances b
     SET paid = b.paid + d.amount
    FROM (SELECT (e->>'i')::uuid AS instalment_id, sum((e->>'a')::numeric) AS amount
            FROM jsonb_array_elements(delta) e GROUP BY 1) d
   WHERE b.instalment_id = d.instalment_id AND d.amount <> 0;
$$;

CREATE FUNCTION money_instalments_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- A new instalment has no allocations yet (they reference it).
    INSERT INTO money_instalment_balances (instalment_id, contract_id, customer_id, owner_id, owner_dept_id, live, due_date, amount)
    SELECT n.id, n.contract_id, c.customer_id, c.owner_id, c.owner_dept_id, c.status = 'effective' AND c.deleted_at IS NULL, n.due_date, n.amount
      FROM new_rows n JOIN contracts c ON c.id = n.contract_id;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE money_instalment_balances b
       SET contract_id = n.contract_id, customer_id = c.customer_id, owner_id = c.owner_id, owner_dept_id = c.owner_dept_id,
           live = c.status = 'effective' AND c.deleted_at IS NULL, due_date = n.due_date, amount = n.amount
      FROM new_rows n JOIN contracts c ON c.id = n.contract_id
     WHERE b.instalment_id = n.id;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM money_instalment_balances WHERE instalment_id IN (SELECT id FROM old_rows);
  ELSE
    DELETE FROM money_instalment_balances;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER money_instalments_insert AFTER INSERT ON payment_instalments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION money_instalments_apply();
CREATE TRIGGER money_instalments_update AFTER UPDATE ON payment_instalments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION money_instalments_apply();
CREATE TRIGGER money_instalments_delete AFTER DELETE ON payment_instalments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION money_instalments_apply();
CREATE TRIGGER money_instalments_truncate AFTER TRUNCATE ON payment_instalments
  FOR EACH STATEMENT EXECUTE FUNCTION money_instalments_apply();

-- An allocation counts while its payment is confirmed and not deleted.
CREATE FUNCTION money_allocations_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM money_add_paid((SELECT jsonb_agg(jsonb_build_object('i', a.instalment_id, 'a', a.amount))
                              FROM new_rows a JOIN payments p ON p.id = a.payment_id
                             WHERE p.status = 'confirmed' AND p.deleted_at IS NULL));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM money_add_paid((SELECT jsonb_agg(jsonb_build_object('i', x.instalment_id, 'a', x.amount)) FROM (
                              SELECT a.instalment_id, a.amount FROM new_rows a JOIN payments p ON p.id = a.payment_id
                               WHERE p.status = 'confirmed' AND p.deleted_at IS NULL
                              UNION ALL
                              SELECT a.instalment_id, -a.amount FROM old_rows a JOIN payments p ON p.id = a.payment_id
                               WHERE p.status = 'confirmed' AND p.deleted_at IS NULL) x));
  ELSE
    PERFORM money_add_paid((SELECT jsonb_agg(jsonb_build_object('i', a.instalment_id, 'a', -a.amount))
                              FROM old_rows a JOIN payments p ON p.id = a.payment_id
                             WHERE p.status = 'confirmed' AND p.deleted_at IS NULL));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER money_allocations_insert AFTER INSERT ON payment_allocations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION money_allocations_apply();
CREATE TRIGGER money_allocations_update AFTER UPDATE ON payment_allocations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION money_allocations_apply();
CREATE TRIGGER money_allocations_delete AFTER DELETE ON payment_allocations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION money_allocations_apply();

-- A payment that starts or stops counting (confirmed, deleted, restored) adds or takes off its allocations.
CREATE FUNCTION money_payments_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM money_add_paid((
    SELECT jsonb_agg(jsonb_build_object('i', a.instalment_id, 'a', CASE WHEN f.counts THEN a.amount ELSE -a.amount END))
      FROM (SELECT n.id, n.status = 'confirmed' AND n.deleted_at IS NULL AS counts
              FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.status = 'confirmed' AND n.deleted_at IS NULL) <> (o.status = 'confirmed' AND o.deleted_at IS NULL)) f
      JOIN payment_allocations a ON a.payment_id = f.id));
  RETURN NULL;
END $$;
CREATE TRIGGER money_payments_update AFTER UPDATE ON payments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION money_payments_apply();

-- What is open, per owner, owner's department and month due: the company's aging reads whole months
-- from here and only the months an aging edge splits from the instalments (aging.ts).
CREATE TABLE money_open_months (
  owner_id uuid NOT NULL,
  owner_dept_id uuid,
  due_month date NOT NULL,
  outstanding numeric(16,2) NOT NULL,
  n integer NOT NULL,
  CONSTRAINT money_open_months_key UNIQUE NULLS NOT DISTINCT (owner_id, owner_dept_id, due_month)
);
CREATE INDEX money_open_months_dept ON money_open_months (owner_dept_id);

CREATE FUNCTION money_open_months_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO money_open_months AS t (owner_id, owner_dept_id, due_month, outstanding, n)
    SELECT owner_id, owner_dept_id, date_trunc('month', due_date)::date, sum(amount - paid), count(*)
      FROM new_rows WHERE live AND paid < amount GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT money_open_months_key DO UPDATE SET outstanding = t.outstanding + excluded.outstanding, n = t.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO money_open_months AS t (owner_id, owner_dept_id, due_month, outstanding, n)
    SELECT owner_id, owner_dept_id, m, sum(v), sum(c) FROM (
      SELECT owner_id, owner_dept_id, date_trunc('month', due_date)::date AS m, amount - paid AS v, 1 AS c FROM new_rows WHERE live AND paid < amount
      UNION ALL
      SELECT owner_id, owner_dept_id, date_trunc('month', due_date)::date, paid - amount, -1 FROM old_rows WHERE live AND paid < amount
    ) d GROUP BY 1, 2, 3 HAVING sum(v) <> 0 OR sum(c) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT money_open_months_key DO UPDATE SET outstanding = t.outstanding + excluded.outstanding, n = t.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO money_open_months AS t (owner_id, owner_dept_id, due_month, outstanding, n)
    SELECT owner_id, owner_dept_id, date_trunc('month', due_date)::date, -sum(amount - paid), -count(*)
      FROM old_rows WHERE live AND paid < amount GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT money_open_months_key DO UPDATE SET outstanding = t.outstanding + excluded.outstanding, n = t.n + excluded.n;
  ELSE
    DELETE FROM money_open_months;
  END IF;
  DELETE FROM money_open_months WHERE n = 0;
  RETURN NULL;
END $$;
CREATE TRIGGER money_open_months_insert AFTER INSERT ON money_instalment_balances
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION money_open_months_apply();
CREATE TRIGGER money_open_months_update AFTER UPDATE ON money_instalment_balances
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION money_open_months_apply();
CREATE TRIGGER money_open_months_delete AFTER DELETE ON money_instalment_balances
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION money_open_months_apply();
CREATE TRIGGER money_open_months_truncate AFTER TRUNCATE ON money_instalment_balances
  FOR EACH STATEMENT EXECUTE FUNCTION money_open_months_apply();

-- ---- M5: revenue and cost per effective contract, approved expenses, per customer ---------------
-- Approved, not deleted expense claims summed per customer, contract (or none), owner and department.
CREATE TABLE money_expense_totals (
  customer_id uuid NOT NULL,
  contract_id uuid,
  owner_id uuid NOT NULL,
  owner_dept_id uuid,
  amount numeric(16,2) NOT NULL,
  n integer NOT NULL,
  CONSTRAINT money_expense_totals_key UNIQUE NULLS NOT DISTINCT (customer_id, contract_id, owner_id, owner_dept_id)
);
CREATE INDEX money_expense_totals_contract ON money_expense_totals (contract_id) WHERE contract_id IS NOT NULL;
CREATE INDEX money_expense_totals_owner ON money_expense_totals (owner_id) INCLUDE (customer_id, amount);
CREATE INDEX money_expense_totals_dept ON money_expense_totals (owner_dept_id) INCLUDE (customer_id, owner_id, amount);

-- One row per effective, not deleted contract: its amount (amendments included) and its lines' cost
-- as kept on the lines (the contract's own and those of effective amendments; a line without a cost
-- price counts 0), and the approved expenses linked to it.
CREATE TABLE money_contract_profit (
  contract_id uuid PRIMARY KEY,
  customer_id uuid NOT NULL,
  owner_id uuid NOT NULL,
  owner_dept_id uuid,
  sign_date date,
  revenue numeric(14,2) NOT NULL,
  cost numeric(14,2) NOT NULL,
  expenses numeric(16,2) NOT NULL DEFAULT 0,
  profit numeric(16,2) GENERATED ALWAYS AS (revenue - cost - expenses) STORED
);
CREATE INDEX money_contract_profit_profit ON money_contract_profit (profit, contract_id);
CREATE INDEX money_contract_profit_owner ON money_contract_profit (owner_id, profit);
CREATE INDEX money_contract_profit_dept ON money_contract_profit (owner_dept_id, profit);
CREATE INDEX money_contract_profit_customer ON money_contract_profit (customer_id);
CREATE INDEX money_contract_profit_sign ON money_contract_profit (sign_date);

-- The company's view (every contract and claim, no filter): one row per customer with either.
CREATE TABLE money_customer_profit (
  customer_id uuid PRIMARY KEY,
  contracts integer NOT NULL,
  revenue numeric(16,2) NOT NULL,
  cost numeric(16,2) NOT NULL,
  expenses numeric(16,2) NOT NULL,
  profit numeric(16,2) GENERATED ALWAYS AS (revenue - cost - expenses) STORED
);
CREATE INDEX money_customer_profit_profit ON money_customer_profit (profit, customer_id);

CREATE FUNCTION money_recount_customers(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM money_customer_profit WHERE customer_id = ANY(ids);
  INSERT INTO money_customer_profit (customer_id, contracts, revenue, cost, expenses)
  SELECT c.id, COALESCE(r.n, 0), COALESCE(r.revenue, 0), COALESCE(r.cost, 0), COALESCE(e.amount, 0)
    FROM (SELECT DISTINCT id FROM unnest(ids) AS u(id)) c
    LEFT JOIN LATERAL (SELECT count(*)::int AS n, sum(revenue) AS revenue, sum(cost) AS cost
                         FROM money_contract_profit WHERE customer_id = c.id) r ON true
    LEFT JOIN LATERAL (SELECT sum(amount) AS amount FROM money_expense_totals WHERE customer_id = c.id) e ON true
   WHERE COALESCE(r.n, 0) > 0 OR e.amount IS NOT NULL;
END $$;

CREATE FUNCTION money_recount_contracts(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM money_contract_profit WHERE contract_id = ANY(ids);
  INSERT INTO money_contract_profit (contract_id, customer_id, owner_id, owner_dept_id, sign_date, revenue, cost, expenses)
  SELECT c.id, c.customer_id, c.owner_id, c.owner_dept_id, c.sign_date, c.amount,
         COALESCE((SELECT sum(round(COALESCE(l.cost_price, 0) * l.quantity, 2)) FROM contract_lines l
                    LEFT JOIN contract_amendments am ON am.id = l.amendment_id
                   WHERE l.contract_id = c.id AND (l.amendment_id IS NULL OR am.status = 'effective')), 0),
         COALESCE((SELECT sum(amount) FROM money_expense_totals e WHERE e.contract_id = c.id), 0)
    FROM contracts c
   WHERE c.id = ANY(ids) AND c.status = 'effective' AND c.deleted_at IS NULL;
END $$;

-- A contract's change: its instalments follow its owner, customer and live state; its profit row is
-- written anew (status, amount, cost after an amendment, owner, sign date); its customers re-counted.
CREATE FUNCTION money_contracts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid[];
  customers uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    changed := ARRAY(SELECT id FROM new_rows WHERE status = 'effective' AND deleted_at IS NULL);
    customers := ARRAY(SELECT DISTINCT customer_id FROM new_rows WHERE status = 'effective' AND deleted_at IS NULL);
  ELSIF TG_OP = 'DELETE' THEN
    changed := ARRAY(SELECT id FROM old_rows);
    customers := ARRAY(SELECT DISTINCT customer_id FROM old_rows);
    DELETE FROM money_instalment_balances WHERE contract_id = ANY(changed);
  ELSE
    UPDATE money_instalment_balances b
       SET customer_id = n.customer_id, owner_id = n.owner_id, owner_dept_id = n.owner_dept_id,
           live = n.status = 'effective' AND n.deleted_at IS NULL
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE b.contract_id = n.id
       AND (n.customer_id, n.owner_id, n.owner_dept_id, n.status, n.deleted_at IS NULL)
           IS DISTINCT FROM (o.customer_id, o.owner_id, o.owner_dept_id, o.status, o.deleted_at IS NULL);
    changed := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                      WHERE (n.status = 'effective' AND n.deleted_at IS NULL) OR (o.status = 'effective' AND o.deleted_at IS NULL));
    customers := ARRAY(SELECT n.customer_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                        WHERE (n.status = 'effective' AND n.deleted_at IS NULL)
                       UNION
                       SELECT o.customer_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                        WHERE (o.status = 'effective' AND o.deleted_at IS NULL));
  END IF;
  IF cardinality(changed) > 0 THEN
    PERFORM money_recount_contracts(changed);
    PERFORM money_recount_customers(customers);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER money_contracts_insert AFTER INSERT ON contracts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION money_contracts_apply();
CREATE TRIGGER money_contracts_update AFTER UPDATE ON contracts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION money_contracts_apply();
CREATE TRIGGER money_contracts_delete AFTER DELETE ON contracts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION money_contracts_apply();

-- An expense claim's change: the net change per key (approved, not deleted claims only), then the
-- contracts and customers it touches.
CREATE FUNCTION money_expenses_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  contracts_touched uuid[];
  customers_touched uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO money_expense_totals AS t (customer_id, contract_id, owner_id, owner_dept_id, amount, n)
    SELECT customer_id, contract_id, owner_id, owner_dept_id, sum(amount), count(*)
      FROM new_rows WHERE status = 'approved' AND deleted_at IS NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT money_expense_totals_key DO UPDATE SET amount = t.amount + excluded.amount, n = t.n + excluded.n;
    contracts_touched := ARRAY(SELECT DISTINCT contract_id FROM new_rows
                                WHERE status = 'approved' AND deleted_at IS NULL AND contract_id IS NOT NULL);
    customers_touched := ARRAY(SELECT DISTINCT customer_id FROM new_rows WHERE status = 'approved' AND deleted_at IS NULL);
  ELSIF TG_OP = 'UPDATE' THEN
    -- Net change per key: an edit of a draft, or of an approved claim that keeps its figures, writes nothing.
    INSERT INTO money_expense_totals AS t (customer_id, contract_id, owner_id, owner_dept_id, amount, n)
    SELECT customer_id, contract_id, owner_id, owner_dept_id, sum(amount), sum(n) FROM (
      SELECT customer_id, contract_id, owner_id, owner_dept_id, -amount AS amount, -1 AS n
        FROM old_rows WHERE status = 'approved' AND deleted_at IS NULL
      UNION ALL
      SELECT customer_id, contract_id, owner_id, owner_dept_id, amount, 1
        FROM new_rows WHERE status = 'approved' AND deleted_at IS NULL
    ) d GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 OR sum(amount) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT money_expense_totals_key DO UPDATE SET amount = t.amount + excluded.amount, n = t.n + excluded.n;
    contracts_touched := ARRAY(SELECT contract_id FROM new_rows WHERE status = 'approved' AND contract_id IS NOT NULL
                               UNION SELECT contract_id FROM old_rows WHERE status = 'approved' AND contract_id IS NOT NULL);
    customers_touched := ARRAY(SELECT customer_id FROM new_rows WHERE status = 'approved'
                               UNION SELECT customer_id FROM old_rows WHERE status = 'approved');
  ELSE
    INSERT INTO money_expense_totals AS t (customer_id, contract_id, owner_id, owner_dept_id, amount, n)
    SELECT customer_id, contract_id, owner_id, owner_dept_id, -sum(amount), -count(*)
      FROM old_rows WHERE status = 'approved' AND deleted_at IS NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT money_expense_totals_key DO UPDATE SET amount = t.amount + excluded.amount, n = t.n + excluded.n;
    contracts_touched := ARRAY(SELECT DISTINCT contract_id FROM old_rows
                                WHERE status = 'approved' AND deleted_at IS NULL AND contract_id IS NOT NULL);
    customers_touched := ARRAY(SELECT DISTINCT customer_id FROM old_rows WHERE status = 'approved' AND deleted_at IS NULL);
  END IF;
  IF cardinality(customers_touched) = 0 THEN
    RETURN NULL;
  END IF;
  DELETE FROM money_expense_totals WHERE customer_id = ANY(customers_touched) AND n = 0;
  UPDATE money_contract_profit p
     SET expenses = COALESCE((SELECT sum(amount) FROM money_expense_totals e WHERE e.contract_id = p.contract_id), 0)
   WHERE p.contract_id = ANY(contracts_touched);
  PERFORM money_recount_customers(customers_touched);
  RETURN NULL;
END $$;
CREATE TRIGGER money_expenses_insert AFTER INSERT ON expenses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION money_expenses_apply();
CREATE TRIGGER money_expenses_update AFTER UPDATE ON expenses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION money_expenses_apply();
CREATE TRIGGER money_expenses_delete AFTER DELETE ON expenses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION money_expenses_apply();

-- ---- What is already there ------------------------------------------------------------------------
INSERT INTO money_instalment_balances (instalment_id, contract_id, customer_id, owner_id, owner_dept_id, live, due_date, amount, paid)
SELECT i.id, i.contract_id, c.customer_id, c.owner_id, c.owner_dept_id, c.status = 'effective' AND c.deleted_at IS NULL, i.due_date, i.amount,
       COALESCE(p.paid, 0)
  FROM payment_instalments i JOIN contracts c ON c.id = i.contract_id
  LEFT JOIN (SELECT a.instalment_id, sum(a.amount) AS paid FROM payment_allocations a
               JOIN payments p ON p.id = a.payment_id AND p.status = 'confirmed' AND p.deleted_at IS NULL GROUP BY 1) p
    ON p.instalment_id = i.id;

-- (the insert above filled money_open_months through its trigger)

INSERT INTO money_expense_totals (customer_id, contract_id, owner_id, owner_dept_id, amount, n)
SELECT customer_id, contract_id, owner_id, owner_dept_id, sum(amount), count(*)
  FROM expenses WHERE status = 'approved' AND deleted_at IS NULL GROUP BY 1, 2, 3, 4;

INSERT INTO money_contract_profit (contract_id, customer_id, owner_id, owner_dept_id, sign_date, revenue, cost, expenses)
SELECT c.id, c.customer_id, c.owner_id, c.owner_dept_id, c.sign_date, c.amount, COALESCE(l.cost, 0), COALESCE(e.amount, 0)
  FROM contracts c
  LEFT JOIN (SELECT l.contract_id, sum(round(COALESCE(l.cost_price, 0) * l.quantity, 2)) AS cost
               FROM contract_lines l LEFT JOIN contract_amendments am ON am.id = l.amendment_id
              WHERE l.amendment_id IS NULL OR am.status = 'effective' GROUP BY 1) l ON l.contract_id = c.id
  LEFT JOIN (SELECT contract_id, sum(amount) AS amount FROM money_expense_totals WHERE contract_id IS NOT NULL GROUP BY 1) e
    ON e.contract_id = c.id
 WHERE c.status = 'effective' AND c.deleted_at IS NULL;

INSERT INTO money_customer_profit (customer_id, contracts, revenue, cost, expenses)
SELECT customer_id, sum(n)::int, sum(revenue), sum(cost), sum(expenses) FROM (
  SELECT customer_id, count(*) AS n, sum(revenue) AS revenue, sum(cost) AS cost, 0 AS expenses FROM money_contract_profit GROUP BY 1
  UNION ALL
  SELECT customer_id, 0, 0, 0, sum(amount) FROM money_expense_totals GROUP BY 1
) x GROUP BY 1;
