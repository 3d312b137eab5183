-- M1 发票: VAT invoices issued against an effective contract: a business record (history, recycle bin
-- — voiding an invoice puts it there — and transfer with its contract's owner). The amount is the
-- invoice's total with tax (价税合计); the tax is kept as printed. What a contract has invoiced never
-- exceeds its amount: checked under the contract's row lock, and by the totals trigger (0048).
CREATE TABLE invoices (
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
  -- The tax office's number (发票号码), as printed.
  number text NOT NULL CHECK (char_length(number) BETWEEN 1 AND 40),
  issued_on date NOT NULL,
  amount numeric(14,2) NOT NULL CHECK (amount > 0),
  type text NOT NULL CHECK (type IN ('vat_special', 'vat_normal')),
  tax_rate numeric(5,2) NOT NULL CHECK (tax_rate BETWEEN 0 AND 100),
  tax_amount numeric(14,2) NOT NULL CHECK (tax_amount >= 0 AND tax_amount <= amount),
  note text
);
-- One live invoice per number in the company (a voided one in the bin frees it; restoring re-checks).
CREATE UNIQUE INDEX invoices_number ON invoices (number) WHERE deleted_at IS NULL;
CREATE INDEX invoices_contract ON invoices (contract_id, issued_on) WHERE deleted_at IS NULL;
CREATE INDEX invoices_owner ON invoices (owner_id, issued_on DESC) WHERE deleted_at IS NULL;
CREATE INDEX invoices_dept ON invoices (owner_dept_id, issued_on DESC) WHERE deleted_at IS NULL;
CREATE INDEX invoices_issued ON invoices (issued_on DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX invoices_deleted ON invoices (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX invoices_created_by ON invoices (created_by);
CREATE INDEX invoices_updated_by ON invoices (updated_by);
CREATE INDEX invoices_deleted_by ON invoices (deleted_by);
