-- M4 费用: expense claims linked to a customer (and optionally a deal or a contract), approved or
-- rejected through the approval engine. Only approved claims count as the customer's cost.
CREATE TABLE expenses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid NOT NULL REFERENCES users(id),
  owner_dept_id uuid REFERENCES departments(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users(id),

  number text NOT NULL UNIQUE,
  customer_id uuid NOT NULL REFERENCES customers(id),
  opportunity_id uuid REFERENCES opportunities(id),
  contract_id uuid REFERENCES contracts(id),
  -- A value of the expense_category picklist (entertainment, travel, gifts, samples …).
  category text NOT NULL CHECK (char_length(category) BETWEEN 1 AND 50),
  amount numeric(14,2) NOT NULL CHECK (amount > 0),
  spent_on date NOT NULL,
  description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 2000),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_approval', 'approved', 'rejected')),
  submitted_at timestamptz,
  approved_at timestamptz,
  rejected_at timestamptz,
  reject_reason text
);
CREATE INDEX expenses_owner ON expenses (owner_id, spent_on DESC) WHERE deleted_at IS NULL;
CREATE INDEX expenses_dept ON expenses (owner_dept_id, spent_on DESC) WHERE deleted_at IS NULL;
CREATE INDEX expenses_spent ON expenses (spent_on DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX expenses_customer ON expenses (customer_id, spent_on DESC) WHERE deleted_at IS NULL;
CREATE INDEX expenses_opportunity ON expenses (opportunity_id) WHERE opportunity_id IS NOT NULL;
CREATE INDEX expenses_contract ON expenses (contract_id) WHERE contract_id IS NOT NULL;
-- Statistics and profit read approved claims only.
CREATE INDEX expenses_approved ON expenses (spent_on, category) INCLUDE (amount, customer_id, owner_id, owner_dept_id)
  WHERE status = 'approved' AND deleted_at IS NULL;
CREATE INDEX expenses_deleted ON expenses (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX expenses_created_by ON expenses (created_by);
CREATE INDEX expenses_updated_by ON expenses (updated_by);
CREATE INDEX expenses_deleted_by ON expenses (deleted_by);

-- M4: an approved claim is the company's cost; no route, import or bulk statement changes what was
-- approved or deletes it (the service refuses first; this is the backstop, SQLSTATE CR001 → 409).
CREATE FUNCTION expense_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'approved' AND (
       NEW.amount IS DISTINCT FROM OLD.amount OR NEW.category IS DISTINCT FROM OLD.category
    OR NEW.spent_on IS DISTINCT FROM OLD.spent_on OR NEW.customer_id IS DISTINCT FROM OLD.customer_id
    OR NEW.opportunity_id IS DISTINCT FROM OLD.opportunity_id OR NEW.contract_id IS DISTINCT FROM OLD.contract_id
    OR NEW.status IS DISTINCT FROM OLD.status OR (NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL)) THEN
    RAISE EXCEPTION 'expense % is approved and cannot change', OLD.number USING ERRCODE = 'CR001';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER expenses_frozen BEFORE UPDATE ON expenses FOR EACH ROW EXECUTE FUNCTION expense_frozen();
