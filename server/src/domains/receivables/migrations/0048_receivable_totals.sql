-- M1 回款, second increment: payments finance rejects (or an approval flow decides), and the totals the
-- lists read instead of summing payments per contract on every page.

-- An expected payment may go through the admin's `payment` approval flow (in_approval), and finance or
-- the flow may reject it: it then reserves nothing (its allocations are released) and stays readable.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN ('expected', 'in_approval', 'confirmed', 'rejected'));
ALTER TABLE payments ADD COLUMN rejected_by uuid REFERENCES users(id);
ALTER TABLE payments ADD COLUMN rejected_at timestamptz;
ALTER TABLE payments ADD COLUMN reject_reason text CHECK (char_length(reject_reason) <= 500);
ALTER TABLE payments ADD CONSTRAINT payments_rejected CHECK ((status = 'rejected') = (rejected_at IS NOT NULL));
CREATE INDEX payments_rejected_by ON payments (rejected_by) WHERE rejected_by IS NOT NULL;
-- The customer timeline shows confirmed payments, newest first, per contract.
CREATE INDEX payments_contract_confirmed ON payments (contract_id, confirmed_at DESC) WHERE deleted_at IS NULL AND status = 'confirmed';

-- Per instalment: what live payments reserve (expected, in approval or confirmed) and what confirmed
-- ones paid, kept by the triggers below. The CHECK is the last word on over-allocation, whatever
-- the path (a restore from the recycle bin takes no contract lock).
ALTER TABLE payment_instalments ADD COLUMN allocated numeric(14,2) NOT NULL DEFAULT 0;
ALTER TABLE payment_instalments ADD COLUMN paid numeric(14,2) NOT NULL DEFAULT 0;
-- Open instalments by due date: the overdue list and the credit input walk these.
CREATE INDEX payment_instalments_open_due ON payment_instalments (due_date, contract_id) WHERE paid < amount;
-- …and per contract, for a manager's or rep's overdue list (his contracts first, then their open instalments).
CREATE INDEX payment_instalments_open_contract ON payment_instalments (contract_id, due_date) WHERE paid < amount;

-- Per contract, one row each (kept by triggers on contracts, allocations, payments and invoices): the
-- contract's owner, sign date, whether it is live (effective, not deleted) and amount, with what is
-- reserved, paid and invoiced. The unpaid and uninvoiced lists walk its partial indexes in sign-date
-- order under the owner scope instead of summing payments per contract (issue 12: p99 < 50 ms at
-- 200,000 contracts).
CREATE TABLE contract_receipts (
  contract_id uuid PRIMARY KEY REFERENCES contracts(id) ON DELETE CASCADE,
  owner_id uuid NOT NULL,
  owner_dept_id uuid,
  sign_date date,
  live boolean NOT NULL,
  amount numeric(14,2) NOT NULL,
  reserved numeric(14,2) NOT NULL DEFAULT 0,
  paid numeric(14,2) NOT NULL DEFAULT 0,
  invoiced numeric(14,2) NOT NULL DEFAULT 0,
  CONSTRAINT contract_receipts_sane CHECK (paid >= 0 AND paid <= reserved AND invoiced >= 0)
);
CREATE INDEX contract_receipts_unpaid ON contract_receipts (sign_date, contract_id) WHERE live AND paid < amount;
CREATE INDEX contract_receipts_unpaid_owner ON contract_receipts (owner_id, sign_date, contract_id) WHERE live AND paid < amount;
CREATE INDEX contract_receipts_unpaid_dept ON contract_receipts (owner_dept_id, sign_date, contract_id) WHERE live AND paid < amount;
CREATE INDEX contract_receipts_uninvoiced ON contract_receipts (sign_date, contract_id) WHERE live AND invoiced < amount;
CREATE INDEX contract_receipts_uninvoiced_owner ON contract_receipts (owner_id, sign_date, contract_id) WHERE live AND invoiced < amount;
CREATE INDEX contract_receipts_uninvoiced_dept ON contract_receipts (owner_dept_id, sign_date, contract_id) WHERE live AND invoiced < amount;

-- How many contracts each owner (and department) has on each list: the lists' totals are a sum of a
-- few rows under the same scope rule (as contract_counts, 0041).
CREATE TABLE receivable_counts (
  owner_id uuid NOT NULL,
  owner_dept_id uuid,
  unpaid integer NOT NULL DEFAULT 0,
  uninvoiced integer NOT NULL DEFAULT 0,
  CONSTRAINT receivable_counts_key UNIQUE NULLS NOT DISTINCT (owner_id, owner_dept_id)
);

CREATE FUNCTION receivable_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ou integer := 0;
  oi integer := 0;
  nu integer := 0;
  ni integer := 0;
BEGIN
  IF current_setting('crm.receivables_rebuild', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    ou := (OLD.live AND OLD.paid < OLD.amount)::integer;
    oi := (OLD.live AND OLD.invoiced < OLD.amount)::integer;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    nu := (NEW.live AND NEW.paid < NEW.amount)::integer;
    ni := (NEW.live AND NEW.invoiced < NEW.amount)::integer;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.owner_id = NEW.owner_id AND OLD.owner_dept_id IS NOT DISTINCT FROM NEW.owner_dept_id THEN
    IF nu <> ou OR ni <> oi THEN
      INSERT INTO receivable_counts AS c (owner_id, owner_dept_id, unpaid, uninvoiced)
      VALUES (NEW.owner_id, NEW.owner_dept_id, nu - ou, ni - oi)
      ON CONFLICT ON CONSTRAINT receivable_counts_key
      DO UPDATE SET unpaid = c.unpaid + excluded.unpaid, uninvoiced = c.uninvoiced + excluded.uninvoiced;
    END IF;
    RETURN NULL;
  END IF;
  IF ou <> 0 OR oi <> 0 THEN
    INSERT INTO receivable_counts AS c (owner_id, owner_dept_id, unpaid, uninvoiced)
    VALUES (OLD.owner_id, OLD.owner_dept_id, -ou, -oi)
    ON CONFLICT ON CONSTRAINT receivable_counts_key
    DO UPDATE SET unpaid = c.unpaid + excluded.unpaid, uninvoiced = c.uninvoiced + excluded.uninvoiced;
  END IF;
  IF nu <> 0 OR ni <> 0 THEN
    INSERT INTO receivable_counts AS c (owner_id, owner_dept_id, unpaid, uninvoiced)
    VALUES (NEW.owner_id, NEW.owner_dept_id, nu, ni)
    ON CONFLICT ON CONSTRAINT receivable_counts_key
    DO UPDATE SET unpaid = c.unpaid + excluded.unpaid, uninvoiced = c.uninvoiced + excluded.uninvoiced;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER receivable_counts_apply AFTER INSERT OR UPDATE OR DELETE ON contract_receipts
  FOR EACH ROW EXECUTE FUNCTION receivable_counts_apply();

-- The contract's side of its row: owner, sign date, live, amount (an amendment changes it).
CREATE FUNCTION contract_receipts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO contract_receipts (contract_id, owner_id, owner_dept_id, sign_date, live, amount)
    VALUES (NEW.id, NEW.owner_id, NEW.owner_dept_id, NEW.sign_date, NEW.status = 'effective' AND NEW.deleted_at IS NULL, NEW.amount);
  ELSE
    UPDATE contract_receipts
       SET owner_id = NEW.owner_id, owner_dept_id = NEW.owner_dept_id, sign_date = NEW.sign_date,
           live = NEW.status = 'effective' AND NEW.deleted_at IS NULL, amount = NEW.amount
     WHERE contract_id = NEW.id
       AND (owner_id, owner_dept_id, sign_date, live, amount)
           IS DISTINCT FROM (NEW.owner_id, NEW.owner_dept_id, NEW.sign_date, NEW.status = 'effective' AND NEW.deleted_at IS NULL, NEW.amount);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER contracts_receipts_insert AFTER INSERT ON contracts FOR EACH ROW EXECUTE FUNCTION contract_receipts_follow();
CREATE TRIGGER contracts_receipts_update AFTER UPDATE OF owner_id, owner_dept_id, sign_date, status, deleted_at, amount ON contracts
  FOR EACH ROW EXECUTE FUNCTION contract_receipts_follow();

-- Adds to an instalment's and its contract's totals. More reserved than the instalment's amount is
-- refused by its CHECK; more than the contract's amount is refused here when the change adds (an
-- amendment may lower the amount below what was collected: the plan then needs attention).
CREATE FUNCTION receivables_add(p_instalment uuid, d_reserved numeric, d_paid numeric) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  cid uuid;
  r record;
BEGIN
  UPDATE payment_instalments SET allocated = allocated + d_reserved, paid = paid + d_paid
   WHERE id = p_instalment RETURNING contract_id INTO cid;
  UPDATE contract_receipts SET reserved = reserved + d_reserved, paid = paid + d_paid
   WHERE contract_id = cid RETURNING reserved, amount INTO r;
  IF d_reserved > 0 AND r.reserved > r.amount THEN
    RAISE EXCEPTION 'payments beyond the contract amount' USING ERRCODE = 'check_violation', CONSTRAINT = 'contract_receipts_reserved_within_amount';
  END IF;
END $$;

-- A payment counts (reserves) while live and not rejected; it is paid once confirmed.
CREATE FUNCTION payment_allocations_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  st text;
  gone timestamptz;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT status, deleted_at INTO st, gone FROM payments WHERE id = OLD.payment_id;
    IF FOUND AND gone IS NULL AND st <> 'rejected' THEN
      PERFORM receivables_add(OLD.instalment_id, -OLD.amount, CASE WHEN st = 'confirmed' THEN -OLD.amount ELSE 0 END);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT status, deleted_at INTO st, gone FROM payments WHERE id = NEW.payment_id;
    IF FOUND AND gone IS NULL AND st <> 'rejected' THEN
      PERFORM receivables_add(NEW.instalment_id, NEW.amount, CASE WHEN st = 'confirmed' THEN NEW.amount ELSE 0 END);
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER payment_allocations_totals AFTER INSERT OR UPDATE OR DELETE ON payment_allocations
  FOR EACH ROW EXECUTE FUNCTION payment_allocations_totals();

CREATE FUNCTION payments_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_counted boolean := OLD.deleted_at IS NULL AND OLD.status <> 'rejected';
  is_counted boolean := NEW.deleted_at IS NULL AND NEW.status <> 'rejected';
  was_paid boolean := OLD.deleted_at IS NULL AND OLD.status = 'confirmed';
  is_paid boolean := NEW.deleted_at IS NULL AND NEW.status = 'confirmed';
  a record;
BEGIN
  IF was_counted = is_counted AND was_paid = is_paid THEN
    RETURN NULL;
  END IF;
  FOR a IN SELECT instalment_id, amount FROM payment_allocations WHERE payment_id = NEW.id ORDER BY instalment_id LOOP
    PERFORM receivables_add(a.instalment_id, (is_counted::integer - was_counted::integer) * a.amount,
                            (is_paid::integer - was_paid::integer) * a.amount);
  END LOOP;
  -- Counting again (restored from the recycle bin): every fen of it must still be allocated (a new
  -- plan may have dropped an instalment it was allocated to while it was in the bin).
  IF is_counted AND NOT was_counted
     AND NEW.amount <> (SELECT coalesce(sum(amount), 0) FROM payment_allocations WHERE payment_id = NEW.id) THEN
    RAISE EXCEPTION 'payment % is no longer fully allocated', NEW.id USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_fully_allocated';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER payments_totals AFTER UPDATE OF status, deleted_at ON payments
  FOR EACH ROW EXECUTE FUNCTION payments_totals();

-- Live invoices count towards what the contract has invoiced; never beyond its amount when adding.
CREATE FUNCTION invoices_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
    UPDATE contract_receipts SET invoiced = invoiced - OLD.amount WHERE contract_id = OLD.contract_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
    UPDATE contract_receipts SET invoiced = invoiced + NEW.amount WHERE contract_id = NEW.contract_id RETURNING invoiced, amount INTO r;
    IF r.invoiced > r.amount
       AND (TG_OP = 'INSERT' OR OLD.deleted_at IS NOT NULL OR NEW.amount > OLD.amount OR NEW.contract_id <> OLD.contract_id) THEN
      RAISE EXCEPTION 'invoices beyond the contract amount' USING ERRCODE = 'check_violation', CONSTRAINT = 'contract_receipts_invoiced_within_amount';
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER invoices_totals AFTER INSERT OR DELETE OR UPDATE OF amount, deleted_at, contract_id ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoices_totals();

-- Recomputes every total from the rows (after a bulk load with triggers off, e.g. the benchmarks).
CREATE FUNCTION receivables_rebuild_totals() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('crm.receivables_rebuild', 'on', true);
  UPDATE payment_instalments i SET allocated = coalesce(s.allocated, 0), paid = coalesce(s.paid, 0)
    FROM payment_instalments j
    LEFT JOIN (
      SELECT a.instalment_id, sum(a.amount) AS allocated, sum(a.amount) FILTER (WHERE p.status = 'confirmed') AS paid
        FROM payment_allocations a JOIN payments p ON p.id = a.payment_id AND p.deleted_at IS NULL AND p.status <> 'rejected'
       GROUP BY a.instalment_id
    ) s ON s.instalment_id = j.id
   WHERE i.id = j.id AND (i.allocated, i.paid) IS DISTINCT FROM (coalesce(s.allocated, 0), coalesce(s.paid, 0));
  DELETE FROM contract_receipts;
  INSERT INTO contract_receipts (contract_id, owner_id, owner_dept_id, sign_date, live, amount, reserved, paid, invoiced)
  SELECT c.id, c.owner_id, c.owner_dept_id, c.sign_date, c.status = 'effective' AND c.deleted_at IS NULL, c.amount,
         coalesce(t.reserved, 0), coalesce(t.paid, 0), coalesce(v.invoiced, 0)
    FROM contracts c
    LEFT JOIN (SELECT contract_id, sum(allocated) AS reserved, sum(paid) AS paid FROM payment_instalments GROUP BY contract_id) t
      ON t.contract_id = c.id
    LEFT JOIN (SELECT contract_id, sum(amount) AS invoiced FROM invoices WHERE deleted_at IS NULL GROUP BY contract_id) v
      ON v.contract_id = c.id;
  DELETE FROM receivable_counts;
  INSERT INTO receivable_counts (owner_id, owner_dept_id, unpaid, uninvoiced)
  SELECT owner_id, owner_dept_id, count(*) FILTER (WHERE paid < amount), count(*) FILTER (WHERE invoiced < amount)
    FROM contract_receipts WHERE live GROUP BY owner_id, owner_dept_id;
  PERFORM set_config('crm.receivables_rebuild', 'off', true);
END $$;

SELECT receivables_rebuild_totals();
ALTER TABLE payment_instalments ADD CONSTRAINT payment_instalments_within_amount CHECK (paid >= 0 AND paid <= allocated AND allocated <= amount);
