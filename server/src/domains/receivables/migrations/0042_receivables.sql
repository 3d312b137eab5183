-- M1 回款: a payment plan (instalments, 期次) per effective contract, payments received, and each
-- payment's allocation to instalments. Instalments are parts of the plan, not records of their own.
CREATE TABLE payment_instalments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL REFERENCES contracts(id),
  position integer NOT NULL CHECK (position >= 1),
  due_date date NOT NULL,
  amount numeric(14,2) NOT NULL CHECK (amount > 0),
  milestone text CHECK (char_length(milestone) <= 100),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_instalments_contract ON payment_instalments (contract_id, position);
-- The overdue list walks instalments by due date.
CREATE INDEX payment_instalments_due ON payment_instalments (due_date, contract_id);

-- A payment received (or, from a rep, expected until finance confirms it): a business record.
CREATE TABLE payments (
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

  contract_id uuid NOT NULL REFERENCES contracts(id),
  -- What the recycle bin and history name it by (and search): the contract's number and the amount.
  title text NOT NULL CHECK (char_length(title) <= 200),
  received_on date NOT NULL,
  amount numeric(14,2) NOT NULL CHECK (amount > 0),
  method text NOT NULL CHECK (method IN ('bank_transfer', 'cash', 'acceptance_bill', 'other')),
  bank_reference text CHECK (char_length(bank_reference) <= 100),
  note text,
  status text NOT NULL DEFAULT 'expected' CHECK (status IN ('expected', 'confirmed')),
  confirmed_by uuid REFERENCES users(id),
  confirmed_at timestamptz,
  CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
);
CREATE INDEX payments_contract ON payments (contract_id, received_on) WHERE deleted_at IS NULL;
CREATE INDEX payments_owner ON payments (owner_id, received_on DESC) WHERE deleted_at IS NULL;
CREATE INDEX payments_dept ON payments (owner_dept_id, received_on DESC) WHERE deleted_at IS NULL;
CREATE INDEX payments_received ON payments (received_on DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX payments_status ON payments (status, received_on DESC) WHERE deleted_at IS NULL;
CREATE INDEX payments_deleted ON payments (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX payments_created_by ON payments (created_by);
CREATE INDEX payments_updated_by ON payments (updated_by);
CREATE INDEX payments_deleted_by ON payments (deleted_by);
CREATE INDEX payments_confirmed_by ON payments (confirmed_by) WHERE confirmed_by IS NOT NULL;

CREATE TABLE payment_allocations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  payment_id uuid NOT NULL REFERENCES payments(id),
  instalment_id uuid NOT NULL REFERENCES payment_instalments(id),
  amount numeric(14,2) NOT NULL CHECK (amount > 0),
  UNIQUE (payment_id, instalment_id)
);
CREATE INDEX payment_allocations_instalment ON payment_allocations (instalment_id);
